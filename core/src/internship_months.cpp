#include "internship_months.h"

#include <algorithm>

namespace jianxi {

std::vector<MonthInPost> months_in_post(const Calendar& calendar, Date first, Date last,
                                        int min_working_days, const std::set<Date>& absent) {
  std::vector<MonthInPost> out;
  if (last < first) return out;
  for (Date m = first_of_month(first); m <= last; m = add_months(m, 1)) {
    MonthInPost mip;
    mip.month = m;
    Date from = std::max(first, m), to = std::min(last, last_of_month(m));
    mip.whole = from == m && to == last_of_month(m);
    for (Date d = from; d <= to; d += boost::gregorian::days(1)) {
      if (!calendar.covers(d)) mip.outside_calendar = true;
      if (calendar.is_working_day(d) && !absent.count(d)) ++mip.working_days;
    }
    mip.counted = mip.whole || mip.working_days >= min_working_days;
    out.push_back(mip);
  }
  return out;
}

}  // namespace jianxi
