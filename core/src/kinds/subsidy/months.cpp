// Months a notice does not count: beyond its cap, or part months where its rule was not found.
#include "kinds/subsidy/calculator.h"

namespace jianxi::subsidy {

std::optional<Calculator::MonthsCap> Calculator::months_cap() const {
  if (policy_.position.max_months) return MonthsCap{*policy_.position.max_months, policy_.position.max_months_rule};
  const auto& length = policy_.eligibility.internship_months;
  if (length && length->binding) return MonthsCap{length->max, length->rule};
  return std::nullopt;
}

// A notice that subsidises at most N months per intern: the months after the Nth are not counted.
void Calculator::cap_months(const Trainee& t, std::vector<MonthInPost>& served) {
  auto cap = months_cap();
  if (!cap) return;
  int counted = 0;
  Text dropped;
  for (auto& m : served) {
    if (!m.counted) continue;
    if (++counted <= cap->months) continue;
    m.counted = false;
    append_listed(dropped, {format_month(m.month), format_month(m.month)});
  }
  if (dropped.empty()) return;
  report_.warning(t.path("end"), msg::subsidy_months_capped{.cap = cap->months, .months = dropped},
                  cap->rule);
}

void Calculator::set_aside_part_months(const Trainee& t, std::vector<MonthInPost>& served) {
  const UnknownProvision* rule = policy_.unknown_provision("month_counting");
  for (auto& m : served) {
    if (m.whole || !m.counted) continue;
    m.counted = false;
    Text text = msg::note_part_month_not_counted{.period = period_text(m), .rule = rule->text}.text();
    unknown_months_.push_back({{"item", "month_counting"}, {"rule", rule->rule}, {"trainee", t.index},
                               {"month", format_month(m.month)}, {"message", text.zh}, {"message_en", text.en}});
  }
}

}  // namespace jianxi::subsidy
