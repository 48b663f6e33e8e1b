// What the answer notes beside the lines: figure caveats, calendar gaps, the wage basis
// and the period in force.
#include "kinds/subsidy/calculator.h"

#include <utility>

namespace jianxi::subsidy {
namespace {

// What kind of source a figure known only at second hand rests on, in the caveat's words:
// the most reliable kind among the figure's sources (a bureau's page before a newspaper's).
Text source_kind_words(const Policy& policy, const Cited& rule) {
  namespace kind = msg::note_source_kind;
  static const std::vector<std::pair<std::string, Text>> kinds = {
      {"official_local", kind::official_local{}.text()}, {"mirror_of_local", kind::mirror_of_local{}.text()},
      {"copy_of_text", kind::copy_of_text{}.text()},     {"newspaper", kind::newspaper{}.text()},
      {"third_party", kind::third_party{}.text()},       {"draft", kind::draft{}.text()},
  };
  std::set<std::string> present;
  for (const auto& id : rule.sources)
    if (auto kind = policy.source_kinds.find(id); kind != policy.source_kinds.end()) present.insert(kind->second);
  for (const auto& [kind, words] : kinds)
    if (present.count(kind)) return words;
  return kind::second_hand{}.text();
}

}  // namespace

void Calculator::note_confidence(const Cited& rule) {
  if (!rule.confidence.empty() && rule.confidence != "high" && warned_.insert("position-confidence").second) {
    Text notice = notice_name(policy_);
    Text note{rule.note.zh.empty() ? "" : "；" + rule.note.zh, rule.note.en.empty() ? "" : "; " + rule.note.en};
    report_.caveat("/policy", msg::policy_figure_caveat::plain{.from = source_kind_words(policy_, rule), .notice = notice},
                   msg::policy_figure_caveat::sources{.confidence = confidence_words(rule.confidence), .note = note}.text(),
                   rule.rule);
  }
}

void Calculator::note_calendar(const Trainee& t, const MonthInPost& m) {
  Text period = period_text(m);
  if (m.outside_calendar)
    warn_once("calendar" + period.en, t.path(), msg::calendar_not_covered::working_days{.period = period}, "");
}

void Calculator::note_wage_basis(const Trainee& t) {
  // A flat amount is no share of the wage: which month's wage is taken does not matter.
  if (policy_.position.flat()) return;
  Date last = last_day_in_post(t);
  if (!wages_.changes_within(t.start, last)) return;
  const Vocabulary& vocab = rules_.vocabulary();
  const Term* chosen = Vocabulary::find(vocab.wage_basis, request_.wage_basis);
  const Term* stated = Vocabulary::find(vocab.wage_basis, policy_.position.wage_month);
  if (stated) {
    const std::string& rule = policy_.position.wage_month_rule;
    report_.interpretation(rule, msg::note_wage_basis_stated{.stated = stated->name}.text());
    if (stated != chosen)
      warn_once("wage-basis", "/wage_basis", msg::wage_basis_set_by_notice{.chosen = chosen->name, .stated = stated->name}, rule);
    return;
  }
  // The other ways, by name: the person chose from names, never from ids.
  Text others;
  for (const Term& term : vocab.wage_basis) {
    if (&term == chosen) continue;
    others.zh += (others.zh.empty() ? "" : "；") + term.name.zh;
    others.en += (others.en.empty() ? "" : "; ") + term.name.en;
  }
  report_.interpretation(policy_.position.rule, msg::note_wage_basis{.chosen = chosen->name, .others = others}.text());
}

bool Calculator::check_period(const Trainee& t) {
  // An intern wholly outside the notice's period is refused before (answer_subsidy).
  bool past_end = policy_.effective_to && t.last_day() > *policy_.effective_to;
  Text in_force = period_in_force(policy_), notice = notice_name(policy_);
  if (past_end && !policy_.effective_to_confirmed)
    warn_once("effective", t.path("start"),
              msg::policy_outside_effective_period::partly_end_unconfirmed{.in_force = in_force, .notice = notice}, policy_.id);
  else if (past_end || t.start < policy_.effective_from)
    warn_once("effective", t.path("start"), msg::policy_outside_effective_period::partly{.in_force = in_force, .notice = notice},
              policy_.id);
  if (t.insurance_premium && (!policy_.insurance || policy_.insurance->method != InsuranceMethod::actual_premium))
    warn_once("premium" + std::to_string(t.index), t.path("insurance_premium"),
              msg::insurance_premium_not_used{.notice = notice_name(policy_)},
              policy_.insurance ? policy_.insurance->rule : policy_.position.rule);
  if (policy_.eligibility.internship_months) {
    const auto& months = *policy_.eligibility.internship_months;
    // Both bounds of "一般为3-12个月": an agreed period of N months ends the day before
    // period_month_start(start, N).
    if (t.end < period_month_start(t.start, months.min) - boost::gregorian::days(1)) {
      std::string key = "short" + std::to_string(t.index);
      // A notice that sets the period (见习时间为3至12个月, not 一般为) admits no shorter
      // internship: as the eligibility answer says, its intern is not subsidised.
      if (months.binding) {
        warn_once(key, t.path("end"), msg::trainee_period_below_usual::binding{.max = months.max, .min = months.min}, months.rule);
        return false;
      }
      warn_once(key, t.path("end"), msg::trainee_period_below_usual::usual{.max = months.max, .min = months.min}, months.rule);
    }
    if (t.end >= period_month_start(t.start, months.max)) {
      std::string key = "long" + std::to_string(t.index);
      if (months.binding)
        warn_once(key, t.path("end"), msg::trainee_period_beyond_usual::binding{.max = months.max, .min = months.min}, months.rule);
      else
        warn_once(key, t.path("end"), msg::trainee_period_beyond_usual::usual{.max = months.max, .min = months.min}, months.rule);
    }
  }
  return true;
}

}  // namespace jianxi::subsidy
