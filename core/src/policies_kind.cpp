// kind "policies": the notices the rules hold, with their identity and dates.
#include "kinds.h"

namespace jianxi {

void answer_policies(const RuleSet& rules, const Json&, Report&, Result& out) {
  auto& list = out["policies"] = Result::array();
  for (const Policy& p : rules.policies()) {
    Result j;
    j["id"] = p.id;
    j["province"] = p.province;
    j["province_zh"] = p.province_zh;
    j["title"] = p.title;
    j["title_en"] = p.title_en;
    j["document"] = p.document ? Result(*p.document) : Result(nullptr);
    j["issued"] = format_date(p.issued);
    j["effective_from"] = format_date(p.effective_from);
    j["effective_to"] = p.effective_to ? Result(format_date(*p.effective_to)) : Result(nullptr);
    if (!p.effective_note.empty())
      j["effective_note"] = {{"message", p.effective_note.zh}, {"message_en", p.effective_note.en}};
    list.push_back(std::move(j));
  }
}

}  // namespace jianxi
