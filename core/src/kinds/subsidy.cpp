// kind "subsidy": what an employer can expect, one line per intern, month and item,
// each line naming its clause, base, rate and month (the calculator: kinds/subsidy/).
#include "kinds/subsidy/calculator.h"

namespace jianxi {

void answer_subsidy(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  SubsidyRequest r = read_subsidy_request(rules.vocabulary(), f, report);
  Result choice;
  const Policy* policy = choose_policy(rules, f, report, subsidy::earliest_start(r), &choice);
  if (!policy || report.is_malformed()) return;
  warn_if_partly_known(*policy, report);
  warn_if_past_evidence(*policy, subsidy::latest_end(r), report);
  subsidy::Calculator(rules, *policy, r, report).run(out);
  if (!choice.is_null()) out["policy_choice"] = std::move(choice);
}

}  // namespace jianxi
