// The request kinds of the contract and the handler that answers each. A handler
// reads the request, records findings in the report and writes its own fields.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "io/fields.h"
#include "io/plain_report.h"
#include "io/report.h"
#include "model/rule_set.h"

namespace jianxi {

using Result = nlohmann::ordered_json;
using Handler = void (*)(const RuleSet&, const Json& request, Report&, Result& out);

void answer_catalog(const RuleSet&, const Json&, Report&, Result&);
void answer_policies(const RuleSet&, const Json&, Report&, Result&);
void answer_subsidy(const RuleSet&, const Json&, Report&, Result&);
void answer_eligibility(const RuleSet&, const Json&, Report&, Result&);
void answer_summary_table(const RuleSet&, const Json&, Report&, Result&);
// One report of a summary table as the checker meets it: a typed row when it has the
// plain shape (plain_report.h), else a tree.
class ReportInput {
 public:
  virtual ~ReportInput() = default;
  // The report as a row whose value keys are indicators 1..indicators, or nullptr.
  virtual const ReportRow* row(std::size_t indicators) = 0;
  // The report as a tree; nullptr when its text is not JSON (the source then stops).
  virtual const Json* tree() = 0;
};

// The reports of a summary table, one at a time: from the request's tree, from its
// text (request_stream.h) so that a large table is never a tree, or from columns.
struct ReportSource {
  std::size_t size = 0;
  std::function<void(const std::function<void(ReportInput&)>&)> each;
};
void answer_summary_table(const RuleSet&, const Json& request, const ReportSource& reports, Report&, Result&);
void answer_allocation_table(const RuleSet&, const Json&, Report&, Result&);
void answer_unit_application(const RuleSet&, const Json&, Report&, Result&);

const std::map<std::string, Handler>& handlers();

// The fields of a kind's answer that are figures or a verdict: an answer with errors
// leaves them out, so that a refusal never shows an amount beside its reasons.
const std::vector<std::string>& figures_of(const std::string& kind);

// Warns that a notice known in part rests on an unconfirmed start date.
void warn_if_partly_known(const Policy& policy, Report& report);

// Warns when the answer reaches past the latest evidence that the notice was applied.
void warn_if_past_evidence(const Policy& policy, std::optional<Date> last_day, Report& report);

// Says that who may intern rests on the national documents (no provincial text found).
void say_national_basis(const Policy& policy, Report& report);

// The provisions of a notice known in part whose text was not found, of one section
// (and one item, when given), each with its clause: what an answer could not check.
Result unknown_provisions(const Policy& policy, const std::string& section, const std::string& item = {});

// A notice as people cite it: its title and 文号 (《…》（湘人社规〔2023〕9号）), never its id.
Text notice_name(const Policy& p);

// A notice's period in force, as the answers write it (2023-07-25 至 2026-07-24, or from a day on).
Text period_in_force(const Policy& p);

// A notice's id, province, title, 文号, dates and how much of it is known, as the
// "policies" kind lists it.
Result policy_brief_json(const Policy& p);

// That with the province's and the title's other names, as the catalog lists a notice.
Result policy_head_json(const Policy& p);

// A notice's whole entry: its head, the issue date, channel, unknown provisions, related notices.
Result policy_json(const Policy& p);

// The policy a request names by "policy", or by "province" and "as_of" (or
// `fallback_date` when the request gives no as_of, found at `fallback_path`). Reports
// and returns nullptr when none can be chosen. When several are in force, `choice` (if
// given) receives the one used, why, and the others.
const Policy* choose_policy(const RuleSet& rules, Fields& request, Report& report,
                            std::optional<Date> fallback_date = std::nullopt, Result* choice = nullptr,
                            const std::string& fallback_path = {});

}  // namespace jianxi
