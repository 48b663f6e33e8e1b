#include "kinds.h"

namespace jianxi {

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"catalog", answer_catalog},
      {"policies", answer_policies},
      {"subsidy", answer_subsidy},
      {"eligibility", answer_eligibility},
      {"summary_table", answer_summary_table},
      {"allocation_table", answer_allocation_table},
      {"unit_application", answer_unit_application},
  };
  return table;
}

const Policy* choose_policy(const RuleSet& rules, Fields& request, Report& report,
                            std::optional<Date> fallback_date) {
  if (auto id = request.text("policy")) {
    if (const Policy* p = rules.policy(*id)) return p;
    std::string known;
    for (const auto& p : rules.policies()) known += (known.empty() ? "" : ", ") + p.id;
    report.error(request.path("policy"), "policy.unknown", "未知的政策“" + *id + "”，可选：" + known,
                 "unknown policy \"" + *id + "\"; known: " + known);
    return nullptr;
  }
  auto province = request.text("province");
  if (!province) {
    if (request.ok())
      report.error(request.path("policy"), "policy.missing", "请给出 policy，或 province 与 as_of",
                   "give policy, or province and as_of");
    return nullptr;
  }
  auto as_of = request.date("as_of");
  if (!as_of) as_of = fallback_date;
  if (!as_of) {
    report.error(request.path("as_of"), "field.required", "按省份选择政策时须给出 as_of 日期",
                 "as_of is needed to choose a policy by province");
    return nullptr;
  }
  bool province_known = false;
  std::vector<const Policy*> in_force;
  for (const auto& p : rules.policies()) {
    if (p.province != *province) continue;
    province_known = true;
    if (p.in_force_on(*as_of)) in_force.push_back(&p);
  }
  if (!in_force.empty()) {
    // The latest notice in force is taken; the others are named so the request can choose.
    const Policy* chosen = in_force.front();
    for (const Policy* p : in_force)
      if (p->effective_from > chosen->effective_from) chosen = p;
    if (in_force.size() > 1) {
      std::string others;
      for (const Policy* p : in_force)
        if (p != chosen) others += (others.empty() ? "" : ", ") + p->id;
      report.warning(request.path("province"), "policy.several_in_force",
                     format_date(*as_of) + " 有多份通知有效，按生效最晚的 " + chosen->id + "（" +
                         format_date(chosen->effective_from) + " 起）计算；另有 " + others +
                         "，可用 policy 指定",
                     "several notices are in force on " + format_date(*as_of) + "; the latest, " + chosen->id +
                         " (from " + format_date(chosen->effective_from) + "), is used; also in force: " + others +
                         " (name one as policy to choose)");
    }
    return chosen;
  }
  if (!province_known)
    report.error(request.path("province"), "province.unknown", "未收录省份“" + *province + "”",
                 "no rules for province \"" + *province + "\"");
  else
    report.error(request.path("as_of"), "policy.none_in_force",
                 *province + " 在 " + format_date(*as_of) + " 没有收录的有效通知",
                 "no notice of " + *province + " in force on " + format_date(*as_of));
  return nullptr;
}

}  // namespace jianxi
