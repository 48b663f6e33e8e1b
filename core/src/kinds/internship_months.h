// Which months of an internship count. Months run from the start date (the 15th to
// the 14th when the internship starts on the 15th): a month served to its end
// counts; the last, part month counts when its working days in post (unexcused
// absences excluded) reach the policy's threshold.
#pragma once

#include <set>
#include <vector>

#include "model/part_month.h"
#include "values/dates.h"

namespace jianxi {

struct MonthInPost {
  int index = 0;          // 0 for the month starting on the start date
  Date from, to;          // the days in post within this internship month
  Date month;             // the start's month plus index, the line's label (a month from
                          // 10-31 begins 12-01 and is still November's)
  int working_days = 0;   // working days in post, for a part month
  bool whole = false;     // served to the end of the internship month
  bool counted = false;
  Rate share{1, 1};       // of a month, for a part month the notice counts as less than one
  bool outside_calendar = false;  // holidays unknown for a part month: weekends only
};

// Internship months from start to last (inclusive), less the days in `absent`.
std::vector<MonthInPost> months_in_post(const Calendar& calendar, Date start, Date last,
                                        const PartMonthRule& part_month, const std::set<Date>& absent);

}  // namespace jianxi
