// The remaining period: an intern hired before the internship ends keeps the months left.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

void Calculator::remaining_lines(const Trainee& t, std::optional<Rate> rate,
                                 const std::vector<MonthInPost>& served) {
  if (!t.contract || t.contract->signed_on > t.end) return;
  const Contract& c = *t.contract;
  std::string path = t.path("contract");
  if (!policy_.remaining_period) {
    // Said only of a notice seen whole; of one seen in part, that it could not be found.
    std::string once = "remaining" + std::to_string(t.index);
    if (const UnknownProvision* unknown = policy_.unknown_provision("remaining_period"))
      warn_once(once, path, msg::remaining_period_unknown{.notice = notice_name(policy_), .unknown = unknown->text}, unknown->rule);
    else
      warn_once(once, path, msg::remaining_period_not_in_policy{.notice = notice_name(policy_)}, "");
    return;
  }
  const RemainingPeriodRule& rule = *policy_.remaining_period;
  report_.interpretation(rule.rule, rule.interpretation);
  auto refuse = [&](const auto& why) { report_.warning(path, why, rule.rule); };
  if (rule.contract_signed_by && c.signed_on > *rule.contract_signed_by)
    return refuse(msg::remaining_period_not_met::signed_by{.date = format_date(*rule.contract_signed_by)});
  if (rule.min_contract_years && (!c.years || *c.years < *rule.min_contract_years))
    return refuse(msg::remaining_period_not_met::contract_years{.years = static_cast<int>(*rule.min_contract_years)});
  if (rule.requires_social_insurance && !c.social_insurance)
    return refuse(msg::remaining_period_not_met::social_insurance{});
  // 见习期满N个月: whole internship months served, counted from the start date.
  int whole_months = 0;
  for (const auto& m : served) whole_months += m.whole;
  if (whole_months < rule.min_served_months)
    return refuse(msg::remaining_period_not_met::served_months{.months = rule.min_served_months, .start = format_date(t.start)});
  // A month served in part and counted at a share of a month leaves the rest of it to the
  // remaining period; a month served and counted whole leaves nothing.
  std::map<int, Rate> served_share;
  for (const auto& m : served)
    if (m.counted) served_share[m.index] = m.share;
  auto agreed = months_in_post(rules_.calendar(), t.start, t.end, policy_.part_month, {});
  int paid = 0;
  const auto cap = months_cap();
  for (MonthInPost m : agreed) {
    if (!m.counted) continue;
    if (auto s = served_share.find(m.index); s != served_share.end()) {
      if (is_whole(s->second)) continue;
      m.share = subtract(m.share, s->second);
      if (m.share.num <= 0) continue;
    }
    if (rule.max_months && paid >= *rule.max_months) break;
    if (cap && static_cast<int>(served_share.size()) + paid >= cap->months) break;
    if (policy_.position.flat()) {
      Fen amount = policy_.position.amounts.at(t.category);
      ++paid;
      add_line({t.index, m.month, "remaining_period", amount, m.share, apply(amount, m.share), rule.rule,
                with_share(msg::line_remaining_period::flat{.amount = yuan_text(amount), .month = paid, .period = period_text(m),
                                                            .signed_on = format_date(c.signed_on)}.text(),
                           m),
                {}, {}});
      continue;
    }
    if (!rate) {
      ++paid;
      continue;
    }
    auto wage = wage_for(t, m);
    if (!wage) continue;
    ++paid;
    Rate month_rate = multiply(*rate, m.share);
    add_line({t.index, m.month, "remaining_period", wage->fen, month_rate, apply(wage->fen, month_rate), rule.rule,
              with_share(msg::line_remaining_period::rate{.month = paid, .period = period_text(m), .rate = percent(*rate),
                                                          .signed_on = format_date(c.signed_on), .wage = yuan_text(wage->fen),
                                                          .wage_source = wage->source}.text(),
                         m),
              {}, {}});
  }
  if (!rate && paid > 0) report_.warning(path, msg::remaining_period_rate_unstated{.months = paid}, rule.rule);
}

}  // namespace jianxi::subsidy
