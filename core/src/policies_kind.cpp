// kind "policies": the notices the rules hold, with their identity and dates.
#include "kinds.h"

namespace jianxi {

void answer_policies(const RuleSet& rules, const Json&, Report&, Result& out) {
  auto& list = out["policies"] = Result::array();
  for (const Policy& p : rules.policies()) list.push_back(policy_json(p));
}

}  // namespace jianxi
