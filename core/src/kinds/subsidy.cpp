// kind "subsidy": what an employer can expect, one line per intern, month and item,
// each line naming its clause, base, rate and month (the calculator: kinds/subsidy/).
#include "kinds/subsidy/calculator.h"
#include "values/dates.h"

namespace jianxi {
namespace {

// A notice chosen by province is the one in force on the date given or, without one, when
// the first internship starts; an intern wholly outside its period falls under another
// notice or none, and is not estimated by this one. `as_of`: the date given, if it chose.
void refuse_interns_outside(const Policy& policy, std::optional<Date> as_of, SubsidyRequest& r, Report& report) {
  for (auto& t : r.trainees) {
    if (!t.usable || policy.in_force_during(t.start, t.last_day())) continue;
    t.usable = false;
    std::string start = format_date(t.start), end = format_date(t.last_day());
    Text in_force = period_in_force(policy), notice = notice_name(policy);
    if (as_of)
      report.error(t.path("start"),
                   msg::trainee_after_chosen_notice::as_of{
                       .date = format_date(*as_of), .end = end, .in_force = in_force, .notice = notice, .start = start},
                   policy.id);
    else
      report.error(t.path("start"),
                   msg::trainee_after_chosen_notice::earliest{.end = end, .in_force = in_force, .notice = notice, .start = start},
                   policy.id);
  }
}

// A named notice does not apply to an internship (to the day left, if earlier) wholly
// before the day it took effect or after the day it ended, as a notice chosen by province
// does not. Where that day is this tool's reading (a plan's year end, an issue date), the
// refusal says so.
void refuse_interns_outside_named(const Policy& policy, SubsidyRequest& r, Report& report) {
  for (auto& t : r.trainees) {
    if (!t.usable || policy.in_force_during(t.start, t.last_day())) continue;
    t.usable = false;
    bool before = t.last_day() < policy.effective_from;
    bool confirmed = before ? policy.effective_from_confirmed : policy.effective_to_confirmed;
    std::string start = format_date(t.start), end = format_date(t.last_day());
    Text in_force = period_in_force(policy), notice = notice_name(policy);
    if (confirmed)
      report.error(t.path("start"),
                   msg::trainee_after_chosen_notice::named{.end = end, .in_force = in_force, .notice = notice, .start = start},
                   policy.id);
    else if (before)
      report.error(t.path("start"),
                   msg::trainee_after_chosen_notice::named_start_unconfirmed{
                       .end = end, .in_force = in_force, .notice = notice, .start = start},
                   policy.id);
    else
      report.error(t.path("start"),
                   msg::trainee_after_chosen_notice::named_end_unconfirmed{
                       .end = end, .in_force = in_force, .notice = notice, .start = start},
                   policy.id);
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
    refuse_interns_outside(*policy, as_of, r, report);
  } else {
    refuse_interns_outside_named(*policy, r, report);
  }
  warn_if_partly_known(*policy, report);
  warn_if_past_evidence(*policy, subsidy::latest_end(r), report);
  subsidy::Calculator(rules, *policy, r, report).run(out);
  if (!choice.is_null()) out["policy_choice"] = std::move(choice);
}

}  // namespace jianxi
