// Which calendar months of an internship count: a whole month in post counts, a
// part month counts when its working days in post (unexcused absences excluded)
// reach the policy's threshold.
#pragma once

#include <set>
#include <vector>

#include "dates.h"

namespace jianxi {

struct MonthInPost {
  Date month;             // first day of the calendar month
  int working_days = 0;   // working days in post within the month
  bool whole = false;     // in post from the first to the last day of the month
  bool counted = false;
  bool outside_calendar = false;  // holidays unknown for this month: weekends only
};

// Months from first to last (inclusive days), less the days in `absent`.
std::vector<MonthInPost> months_in_post(const Calendar& calendar, Date first, Date last,
                                        int min_working_days, const std::set<Date>& absent);

}  // namespace jianxi
