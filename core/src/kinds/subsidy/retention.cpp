// The raise for retention: the unit's (or the year's) retention rate, its bands, and the
// difference, paid monthly or once.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

std::optional<Rate> retention_rate_for(const RetentionRule& rule, Rate r) {
  std::optional<Rate> best;
  for (const auto& band : rule.bands) {
    int c = compare(r, band.above);
    if (c < 0 || (c == 0 && !band.inclusive)) continue;
    Rate rate = band.rate;
    if (band.step && band.step_rate)
      rate = add(rate, multiply(*band.step_rate, whole_steps(subtract(r, band.above), *band.step)));
    best = rate;
  }
  return best;
}

std::optional<Fen> retention_amount_for(const RetentionRule& rule, Rate r) {
  std::optional<Fen> best;
  for (const auto& band : rule.bands) {
    int c = compare(r, band.above);
    if (c < 0 || (c == 0 && !band.inclusive) || !band.amount) continue;
    best = band.amount;
  }
  return best;
}

Date paid_on(const RetentionRule& rule, Date last_day) {
  if (rule.payment == Payment::next_year) return Date(last_day.year() + 1, 1, 1);
  if (rule.payment == Payment::year_end) return Date(last_day.year(), 12, 1);
  return add_months(first_of_month(last_day), 1);
}

// When the raise is paid, or, where no source says, where this tool lists it.
Text when_paid(const RetentionRule& rule) {
  if (!rule.payment_stated) {
    if (rule.payment == Payment::next_year) return msg::line_paid_once::next_year_unstated{}.text();
    if (rule.payment == Payment::year_end) return msg::line_paid_once::year_end_unstated{}.text();
    return msg::line_paid_once::after_end_unstated{}.text();
  }
  if (rule.payment == Payment::next_year) return msg::line_paid_once::next_year{}.text();
  if (rule.payment == Payment::year_end) return msg::line_paid_once::year_end{}.text();
  return msg::line_paid_once::after_end{}.text();
}

void Calculator::compute_retention() {
  bool previous_year = retention_of_previous_year();
  bool by_year = policy_.retention && !previous_year &&
                 (policy_.retention->payment == Payment::next_year || policy_.retention->payment == Payment::year_end);
  // The unit's interns under the notice: a person it does not admit is not among them.
  bool any_admitted = false;
  for (const Trainee& t : request_.trainees) {
    if (!t.usable || admission(t.category, t.start) != Admission::admitted) continue;
    any_admitted = true;
    Cohort* cohort = by_year ? &retention_.by_year[last_day_in_post(t).year()] : nullptr;
    if (t.completed()) {
      ++retention_.completed;
      if (cohort) ++cohort->completed;
    }
    if (t.kept_on()) {
      ++retention_.kept_on;
      if (cohort) ++cohort->kept_on;
    }
  }
  if (request_.retention_rate) {
    retention_.rate = request_.retention_rate;
    retention_.from_request = true;
  } else if (previous_year) {
    // A rate given but unreadable has its own error; only a rate left out is asked for.
    if (any_admitted && !request_.retention_rate_given) report_.warning("/retention_rate", msg::retention_previous_year_missing{}, policy_.retention->rule);
  } else if (retention_.completed > 0) {
    retention_.rate = Rate{static_cast<std::int64_t>(retention_.kept_on),
                           static_cast<std::int64_t>(retention_.completed)};
  }
}

// The retention rate that sets this intern's standard: the request's, else the rate of
// the intern's year where the notice counts by year (当年), else the unit's over all interns.
std::optional<Rate> Calculator::retention_for(const Trainee& t) const {
  if (retention_.from_request || retention_.by_year.empty()) return retention_.rate;
  return retention_.by_year.at(last_day_in_post(t).year()).rate();
}

bool Calculator::raised_for(const Trainee& t, const RetentionRule& rule) const {
  if (rule.applies_to == AppliesTo::retained) return t.kept_on();
  if (rule.applies_to == AppliesTo::completed) return t.completed();
  return true;
}

// A flat raise by retention band: the raised amount less the base, for each month counted,
// for the interns the notice names (everyone, those who completed, or those kept on).
void Calculator::flat_retention_line(const Trainee& t, Fen base, const std::vector<MonthInPost>& served,
                                     Date last_day) {
  if (!policy_.retention || !raised_for(t, *policy_.retention)) return;
  const RetentionRule& rule = *policy_.retention;
  auto retention = retention_for(t);
  if (!retention) return;
  bool reaches_a_band = false;
  for (const auto& band : rule.bands) reaches_a_band = reaches_a_band || compare(*retention, band.above) >= 0;
  if (reaches_a_band) report_.interpretation(rule.rule, rule.interpretation);
  auto raised = retention_amount_for(rule, *retention);
  if (!raised || *raised <= base) return;
  Fen diff = *raised - base;
  Text why = rule.retention_of == RetentionOf::previous_year
                 ? msg::line_retention_reason::amount_previous_year{.raised = yuan_text(*raised), .retention = percent(*retention)}.text()
             : by_year_counted()
                 ? msg::line_retention_reason::amount_of_year{.raised = yuan_text(*raised), .retention = percent(*retention),
                                                              .year = static_cast<int>(last_day.year())}.text()
                 : msg::line_retention_reason::amount{.raised = yuan_text(*raised), .retention = percent(*retention)}.text();
  std::vector<Date> months;
  std::string months_text;
  Fen sum = 0;
  for (const auto& m : served) {
    if (!m.counted) continue;
    if (rule.payment == Payment::monthly) {
      add_line({t.index, m.month, "retention_uplift", diff, m.share, apply(diff, m.share), rule.rule,
                with_share(msg::line_retention_uplift::amount_monthly{.difference = yuan_text(diff), .period = period_text(m), .reason = why}.text(), m),
                {}, {}});
      continue;
    }
    months.push_back(m.month);
    sum += apply(diff, m.share);
    months_text += (months_text.empty() ? "" : ", ") + month_label(m);
  }
  if (months.empty()) return;
  Text note = msg::line_retention_uplift::amount_once{.count = months.size(), .difference = yuan_text(diff), .months = months_text,
                                                      .reason = why, .when = when_paid(rule)}.text();
  add_line({t.index, paid_on(rule, last_day), "retention_uplift", sum, {1, 1}, sum, rule.payment_rule, std::move(note),
            std::move(months), {}});
}

void Calculator::retention_lines(const Trainee& t, Rate base,
                                 const std::vector<MonthInPost>& served, Date last_day) {
  if (!policy_.retention || !raised_for(t, *policy_.retention)) return;
  const RetentionRule& rule = *policy_.retention;
  bool as_model_unit = request_.model_unit && !rule.model_unit_rule.empty();
  auto retention = retention_for(t);
  auto raised = as_model_unit ? std::optional<Rate>(rule.bands.back().rate)
                : retention ? retention_rate_for(rule, *retention) : std::nullopt;
  // The reading of the bands decides the figure from the lowest threshold up, also where
  // it pays no raise (shanxi: 55% is no whole 10-point step above 50%).
  bool reaches_a_band = as_model_unit;
  for (const auto& band : rule.bands)
    reaches_a_band = reaches_a_band || (retention && compare(*retention, band.above) >= 0);
  if (reaches_a_band) report_.interpretation(rule.rule, rule.interpretation);
  if (!raised || compare(*raised, base) <= 0) return;
  Rate diff = subtract(*raised, base);
  Text why = as_model_unit ? msg::line_retention_reason::model_unit{.raised = percent(*raised)}.text()
             : rule.retention_of == RetentionOf::previous_year
                 ? msg::line_retention_reason::rate_previous_year{.raised = percent(*raised), .retention = percent(*retention)}.text()
             : by_year_counted()
                 ? msg::line_retention_reason::rate_of_year{.raised = percent(*raised), .retention = percent(*retention),
                                                            .year = static_cast<int>(last_day.year())}.text()
                 : msg::line_retention_reason::rate{.raised = percent(*raised), .retention = percent(*retention)}.text();
  if (rule.payment == Payment::monthly) {
    for (const auto& m : served) {
      if (!m.counted) continue;
      auto wage = wage_for(t, m);
      if (!wage) continue;
      Rate month_diff = multiply(diff, m.share);
      add_line({t.index, m.month, "retention_uplift", wage->fen, month_diff, apply(wage->fen, month_diff), rule.rule,
                with_share(msg::line_retention_uplift::rate_monthly{.difference = percent(diff), .period = period_text(m),
                                                                    .reason = why, .wage = yuan_text(wage->fen)}.text(),
                           m),
                {}, {}});
    }
    return;
  }
  Line line{t.index, {}, "retention_uplift", 0, diff, 0, rule.payment_rule, {}, {}, {}};
  std::string months_text;
  for (const auto& m : served) {
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    // A part month counted in part adds that share of its wage (half a month's wage is a
    // whole fen for the halves notices set; a share by the day rounds here and once more below).
    line.base += apply(wage->fen, m.share);
    line.months.push_back(m.month);
    months_text += (months_text.empty() ? "" : ", ") + month_label(m);
  }
  if (line.months.empty()) return;
  line.amount = apply(line.base, diff);
  line.month = paid_on(rule, last_day);
  Text label = rule.payment_label;
  Text unnamed = msg::line_retention_label{}.text();
  if (label.zh.empty()) label.zh = unnamed.zh;
  if (label.en.empty()) label.en = unnamed.en;
  line.note = msg::line_retention_uplift::rate_once{.base = yuan_text(line.base), .count = line.months.size(),
                                                    .difference = percent(diff), .label = label, .months = months_text,
                                                    .reason = why, .when = when_paid(rule)}.text();
  add_line(std::move(line));
}

}  // namespace jianxi::subsidy
