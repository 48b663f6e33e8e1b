// Insurance: the accident-insurance premium subsidy and the flexible workers' social insurance.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

void Calculator::insurance_line(const Trainee& t) {
  if (!policy_.insurance) return;
  const InsuranceRule& rule = *policy_.insurance;
  Date month = first_of_month(t.start);
  if (rule.method == InsuranceMethod::fixed_per_person) {
    add_line({t.index, month, "insurance", rule.amount, {1, 1}, rule.amount, rule.rule,
              msg::line_insurance::fixed{.amount = yuan_text(rule.amount)}.text(), {}, {}});
  } else if (rule.method == InsuranceMethod::actual_premium) {
    if (!t.insurance_premium) {
      report_.warning(t.path("insurance_premium"), msg::insurance_premium_missing{}, rule.rule);
      return;
    }
    // `amount`, where given, caps the reimbursement (贵州: 按每人不高于300元的标准据实补贴).
    Fen paid = *t.insurance_premium;
    bool capped = rule.amount > 0 && paid > rule.amount;
    Fen amount = capped ? rule.amount : paid;
    Text note = rule.amount <= 0 ? msg::line_insurance::actual{.paid = yuan_text(paid)}.text()
                : capped ? msg::line_insurance::actual_capped{.cap = yuan_text(rule.amount), .paid = yuan_text(paid)}.text()
                         : msg::line_insurance::actual_within_cap{.cap = yuan_text(rule.amount), .paid = yuan_text(paid)}.text();
    add_line({t.index, month, "insurance", amount, {1, 1}, amount, rule.rule, note, {}, {}});
  } else if (rule.method == InsuranceMethod::government_purchase) {
    report_.interpretation(rule.rule, rule.note);
  }
}

// An amount for each month in post (天津: 根据每月实际见习人数,按照每人每月10元).
void Calculator::monthly_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served) {
  if (!policy_.insurance || policy_.insurance->method != InsuranceMethod::monthly_per_person) return;
  const InsuranceRule& rule = *policy_.insurance;
  for (const auto& m : served)
    if (m.counted)
      add_line({t.index, m.month, "insurance", rule.amount, {1, 1}, rule.amount, rule.rule,
                msg::line_insurance::monthly{.amount = yuan_text(rule.amount), .period = period_text(m)}.text(), {}, {}});
}

void Calculator::social_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served) {
  if (!policy_.social_insurance || !t.flexible_insurance_monthly) return;
  const SocialInsuranceRule& rule = *policy_.social_insurance;
  report_.interpretation(rule.rule, rule.interpretation);
  int whole = 0;  // 见习期满N个月: whole internship months
  for (const auto& m : served) whole += m.whole;
  if (whole < rule.min_served_months) {
    report_.warning(t.path("flexible_insurance_monthly"), msg::social_insurance_too_short{.months = rule.min_served_months, .served = whole},
                    rule.rule);
    return;
  }
  int paid = 0;
  Fen base = *t.flexible_insurance_monthly;
  for (const auto& m : served) {
    if (!m.counted || paid >= rule.max_months) continue;
    ++paid;
    add_line({t.index, m.month, "social_insurance", base, rule.rate, apply(base, rule.rate), rule.rule,
              msg::line_social_insurance{.paid = yuan_text(base), .period = period_text(m), .rate = percent(rule.rate)}.text(),
              {}, {}});
  }
}

}  // namespace jianxi::subsidy
