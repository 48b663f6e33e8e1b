// How the last, part month of an internship counts (a notice's month_counting): from
// min_working_days working days in post, as a whole month, as a share of one (海南:
// half), or by the working day (广州: 22 to a month).
#pragma once

#include <optional>

#include "values/money.h"

namespace jianxi {

struct PartMonthRule {
  int min_working_days = 0;
  std::optional<Rate> share;
  std::optional<int> whole_from_working_days;  // with share: this many or more count whole (西安)
  std::optional<int> working_days_per_month;

  // The share of a month that a part month of `working_days` in post counts for (at
  // least min_working_days).
  Rate share_of(int working_days) const {
    if (working_days_per_month) {
      if (working_days >= *working_days_per_month) return {1, 1};
      return {working_days, *working_days_per_month};
    }
    if (share && !(whole_from_working_days && working_days >= *whole_from_working_days)) return *share;
    return {1, 1};
  }
};

}  // namespace jianxi
