// kind "policies": the notices the rules hold, each by id, province, title, 文号, dates and
// how much of it is known (the catalog gives the rest, a notice or a province at a time).
#include "kinds/kinds.h"

namespace jianxi {

void answer_policies(const RuleSet& rules, const Json&, Report&, Result& out) {
  auto& list = out["policies"] = Result::array();
  for (const Policy& p : rules.policies()) list.push_back(policy_brief_json(p));
}

}  // namespace jianxi
