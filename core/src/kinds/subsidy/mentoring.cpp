// The mentoring bonus for an intern kept on, where retention reaches the notice's share.
#include <cmath>

#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {
namespace {

// What the notice asks of the intern kept on, in its terms.
Text kept_on_terms(const MentoringRule& rule) {
  const bool contract = rule.min_contract_years > 0;
  if (contract) {
    const std::string years = decimal_text(std::llround(rule.min_contract_years * 100), 2);  // 1, 0.5
    if (rule.requires_social_insurance) return msg::line_kept_on_terms::contract_insured{.years = years}.text();
    return msg::line_kept_on_terms::contract{.years = years}.text();
  }
  if (rule.requires_social_insurance) return msg::line_kept_on_terms::insured{}.text();
  return msg::line_kept_on_terms::kept{}.text();
}

Text bonus_name(const MentoringRule& rule) {
  return rule.name.zh.empty() ? msg::line_kept_on_bonus{}.text() : rule.name;
}

}  // namespace

void Calculator::mentoring_line(const Trainee& t) {
  if (!policy_.mentoring || !t.kept_on()) return;
  const MentoringRule& rule = *policy_.mentoring;
  report_.interpretation(rule.rule, rule.interpretation);
  std::string path = t.path("contract");
  int reached = retention_.rate ? compare(*retention_.rate, rule.retention_at_least) : -1;
  if (reached < 0 || (reached == 0 && !rule.retention_inclusive)) {
    std::string share = percent(rule.retention_at_least);
    if (rule.retention_inclusive)
      warn_once("mentoring-rate", "/retention_rate", msg::mentoring_retention_too_low::inclusive{.name = bonus_name(rule), .share = share}, rule.rule);
    else
      warn_once("mentoring-rate", "/retention_rate", msg::mentoring_retention_too_low::exclusive{.name = bonus_name(rule), .share = share}, rule.rule);
    return;
  }
  if (!t.contract || !t.contract->years || *t.contract->years < rule.min_contract_years ||
      (rule.requires_social_insurance && !t.contract->social_insurance)) {
    report_.warning(path, msg::mentoring_contract_required{.name = bonus_name(rule), .terms = kept_on_terms(rule)}, rule.rule);
    return;
  }
  add_line({t.index, first_of_month(t.contract->signed_on), "mentoring", rule.amount, {1, 1},
            rule.amount, rule.rule,
            msg::line_mentoring{.amount = yuan_text(rule.amount), .name = bonus_name(rule), .retention = percent(*retention_.rate),
                                .terms = kept_on_terms(rule)}.text(),
            {}, {}});
}

}  // namespace jianxi::subsidy
