// kind "subsidy": what an employer can expect, one line per intern, month and item,
// each line naming its clause, base, rate and month (the calculator: kinds/subsidy/).
#include "kinds/subsidy/calculator.h"
#include "values/dates.h"

namespace jianxi {
namespace {

// An intern wholly outside the chosen notice's period (to the day left, if earlier) is not
// estimated by it. A notice chosen by province is the one in force on the date given (`as_of`)
// or, without one, when the first internship starts; the intern falls under another notice or
// none. A named notice does not apply before the day it took effect or after the day it
// ended; where that day is this tool's reading (a plan's year end, an issue date), the refusal
// says so.
enum class ChosenBy { province, name };

void refuse_interns_outside(const Policy& policy, ChosenBy chosen_by, std::optional<Date> as_of, SubsidyRequest& r,
                            Report& report) {
  bool named = chosen_by == ChosenBy::name;
  for (auto& t : r.trainees) {
    if (!t.usable || policy.in_force_during(t.start, t.last_day())) continue;
    t.usable = false;
    std::string start = format_date(t.start), end = format_date(t.last_day());
    Text in_force = period_in_force(policy), notice = notice_name(policy);
    auto refuse = [&](auto message) { report.error(t.path("start"), message, policy.id); };
    namespace refusal = msg::trainee_after_chosen_notice;
    bool before = t.last_day() < policy.effective_from;
    if (!named && as_of)
      refuse(refusal::as_of{.date = format_date(*as_of), .end = end, .in_force = in_force, .notice = notice, .start = start});
    else if (!named)
      refuse(refusal::earliest{.end = end, .in_force = in_force, .notice = notice, .start = start});
    else if (before ? policy.effective_from_confirmed : policy.effective_to_confirmed)
      refuse(refusal::named{.end = end, .in_force = in_force, .notice = notice, .start = start});
    else if (before)
      refuse(refusal::named_start_unconfirmed{.end = end, .in_force = in_force, .notice = notice, .start = start});
    else
      refuse(refusal::named_end_unconfirmed{.end = end, .in_force = in_force, .notice = notice, .start = start});
  }
}

}  // namespace

void answer_subsidy(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  SubsidyRequest r = read_subsidy_request(rules.vocabulary(), f, report);
  Result choice;
  const Trainee* first = subsidy::earliest_trainee(r);
  const Policy* policy = choose_policy(rules, f, report, first ? std::optional(first->start) : std::nullopt, &choice,
                                       first ? first->path("start") : std::string());
  if (!policy || report.is_malformed()) return;
  if (!f.get("policy")) {
    // Read again without reporting (choose_policy has said what is wrong with it); a date
    // that is the first start, as the estimate page sends it, chose nothing of its own.
    const Json* given = f.get("as_of");
    auto as_of = given && given->is_string() ? parse_date(given->get<std::string>()) : std::nullopt;
    if (as_of && first && *as_of == first->start) as_of.reset();
    refuse_interns_outside(*policy, ChosenBy::province, as_of, r, report);
  } else {
    refuse_interns_outside(*policy, ChosenBy::name, std::nullopt, r, report);
  }
  warn_if_partly_known(*policy, report);
  warn_if_past_evidence(*policy, subsidy::latest_end(r), report);
  subsidy::Calculator(rules, *policy, r, report).run(out);
  if (!choice.is_null()) out["policy_choice"] = std::move(choice);
}

}  // namespace jianxi
