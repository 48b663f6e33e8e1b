// Insurance: the accident-insurance premium subsidy and the flexible workers' social insurance.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

void Calculator::insurance_line(const Trainee& t) {
  if (!policy_.insurance) return;
  const InsuranceRule& rule = *policy_.insurance;
  Date month = first_of_month(t.start);
  if (rule.method == InsuranceMethod::fixed_per_person) {
    add_line({t.index, month, "insurance", rule.amount, {1, 1}, rule.amount, rule.rule,
              {"人身意外伤害保险保费补贴，每人 " + yuan_text(rule.amount) + " 元",
               "accident-insurance premium subsidy, " + yuan_text(rule.amount) + " yuan per person"},
              {}, {}});
  } else if (rule.method == InsuranceMethod::actual_premium) {
    if (!t.insurance_premium) {
      report_.warning(t.path("insurance_premium"), msg::insurance_premium_missing{}, rule.rule);
      return;
    }
    // `amount`, where given, caps the reimbursement (贵州: 按每人不高于300元的标准据实补贴).
    Fen paid = *t.insurance_premium;
    bool capped = rule.amount > 0 && paid > rule.amount;
    Fen amount = capped ? rule.amount : paid;
    Text note{"见习综合保险据实补贴：实际保费 " + yuan_text(paid) + " 元",
              "internship insurance at actual cost: premium " + yuan_text(paid) + " yuan"};
    if (rule.amount > 0) {
      note.zh += capped ? "，超过每人上限 " + yuan_text(rule.amount) + " 元，按上限补贴"
                        : "（每人上限 " + yuan_text(rule.amount) + " 元）";
      note.en += capped ? ", above the cap of " + yuan_text(rule.amount) + " yuan per person: the cap is paid"
                        : " (cap " + yuan_text(rule.amount) + " yuan per person)";
    }
    add_line({t.index, month, "insurance", amount, {1, 1}, amount, rule.rule, note, {}, {}});
  } else {
    report_.interpretation(rule.rule, rule.note);
  }
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
    Text period = period_text(m);
    add_line({t.index, m.month, "social_insurance", base, rule.rate, apply(base, rule.rate), rule.rule,
              {period.zh + "：以灵活就业身份实际缴纳社会保险费 " + yuan_text(base) + " 元 × " + percent(rule.rate) + "（补贴给见习人员）",
               period.en + ": social insurance actually paid as a flexible worker " + yuan_text(base) +
                   " yuan × " + percent(rule.rate) + " (paid to the intern)"},
              {}, {}});
  }
}

}  // namespace jianxi::subsidy
