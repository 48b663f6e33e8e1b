// The monthly internship subsidy: a rate of the minimum wage, a flat amount, or capped by the pay.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

void Calculator::position_lines(const Trainee& t, Rate rate, RateFrom from,
                                const std::vector<MonthInPost>& served) {
  if (policy_.position.pay_cap_min_share) return pay_capped_lines(t, rate, from, served);
  rate_lines(t, "position", policy_.position, rate, from, served);
}

// The month's subsidy is the rate of the wage, at most the pay the unit gives, and nothing for a
// month paid below min_share of the wage (广州, 深圳).
void Calculator::pay_capped_lines(const Trainee& t, Rate rate, RateFrom from,
                                  const std::vector<MonthInPost>& served) {
  const PositionRule& p = policy_.position;
  if (!t.monthly_pay) {
    report_.error(t.path("monthly_pay"), msg::subsidy_monthly_pay_missing{}, p.pay_cap_rule);
    return;
  }
  if (from == RateFrom::notice) note_confidence(p);
  const Fen pay = *t.monthly_pay;
  for (const auto& m : served) {
    note_calendar(t, m);
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    Fen floor = apply(wage->fen, *p.pay_cap_min_share);
    if (pay < floor) {
      warn_once("pay-floor" + std::to_string(t.index), t.path("monthly_pay"),
                msg::subsidy_pay_below_floor{.floor = yuan_text(floor),
                                             .pay = yuan_text(pay),
                                             .share = percent(*p.pay_cap_min_share),
                                             .wage = yuan_text(wage->fen)},
                p.pay_cap_rule);
      continue;
    }
    Fen by_rate = apply(wage->fen, rate);
    bool capped = pay < by_rate;
    // A part month the notice counts by the day or in part: the month's figure times its share.
    Rate month_rate = multiply(rate, m.share);
    Line line{t.index, m.month, "position", wage->fen, month_rate,
              capped ? apply(pay, m.share) : apply(wage->fen, month_rate), p.rule, {}, {}, {}};
    line.note = capped ? msg::line_position::rate_capped{.days = days_text(m), .pay = yuan_text(pay), .period = period_text(m),
                                                         .rate = percent(rate), .wage = yuan_text(wage->fen),
                                                         .wage_source = wage->source}.text()
                       : msg::line_position::rate{.days = days_text(m), .period = period_text(m), .rate = percent(rate),
                                                  .wage = yuan_text(wage->fen), .wage_source = wage->source}.text();
    add_line(std::move(line));
  }
}

// The monthly formula of a rate: the month's minimum wage × the rate, one line a month.
void Calculator::rate_lines(const Trainee& t, const std::string& item, const Cited& rule, Rate rate,
                            RateFrom from, const std::vector<MonthInPost>& served) {
  if (from == RateFrom::notice) note_confidence(rule);
  for (const auto& m : served) {
    note_calendar(t, m);
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    Rate month_rate = multiply(rate, m.share);
    Line line{t.index, m.month, item, wage->fen, month_rate, apply(wage->fen, month_rate), rule.rule, {}, {}, {}};
    line.note = msg::line_position::rate{.days = days_text(m), .period = period_text(m), .rate = percent(rate),
                                         .wage = yuan_text(wage->fen), .wage_source = wage->source}.text();
    add_line(std::move(line));
  }
}

// The monthly formula of a flat amount: the amount itself, one line a month (广西, 重庆, 甘肃;
// 天津's 带教费).
void Calculator::flat_lines(const Trainee& t, const std::string& item, const Cited& rule, Fen amount,
                            const std::vector<MonthInPost>& served) {
  note_confidence(rule);
  for (const auto& m : served) {
    note_calendar(t, m);
    if (!m.counted) continue;
    add_line({t.index, m.month, item, amount, m.share, apply(amount, m.share), rule.rule,
              msg::line_position::flat{.amount = yuan_text(amount), .days = days_text(m), .period = period_text(m)}.text(),
              {}, {}});
  }
}

// hunan-2023 states no base rate: ask for it, unless retention reaches the stated
// raised rate, which then applies to every month.
void Calculator::unstated_rate_lines(const Trainee& t, const std::vector<MonthInPost>& served,
                                     bool forfeits) {
  auto retention = retention_for(t);
  auto raised = policy_.retention && retention ? retention_rate_for(*policy_.retention, *retention)
                                               : std::nullopt;
  if (!asked_rate_) {
    asked_rate_ = true;
    // The notice's own note on what it leaves unstated is the detail, behind one plain line.
    const Text& why = policy_.position.unstated;
    Text notice = notice_name(policy_);
    if (raised)
      report_.caveat("/base_rate", msg::policy_rate_unstated::raised{.notice = notice, .raised = percent(*raised)}, why, policy_.position.rule);
    else
      report_.error_explained("/base_rate", msg::policy_rate_unstated::ask{.notice = notice}, why, policy_.position.rule);
  }
  if (raised && !forfeits) {
    report_.interpretation(policy_.retention->rule, policy_.retention->interpretation);
    position_lines(t, *raised, RateFrom::notice, served);
    remaining_lines(t, std::nullopt, served);
  }
}

void Calculator::mentoring_fee_lines(const Trainee& t, const std::vector<MonthInPost>& served) {
  if (!policy_.mentoring_fee) return;
  const MonthlyRateRule& fee = *policy_.mentoring_fee;
  if (fee.amount) flat_lines(t, "mentoring_fee", fee, *fee.amount, served);
  else rate_lines(t, "mentoring_fee", fee, fee.rate, RateFrom::notice, served);
}

}  // namespace jianxi::subsidy
