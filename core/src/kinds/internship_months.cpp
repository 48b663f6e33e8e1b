#include "kinds/internship_months.h"

#include <algorithm>

namespace jianxi {

std::vector<MonthInPost> months_in_post(const Calendar& calendar, Date start, Date last,
                                        const PartMonthRule& part_month, const std::set<Date>& absent) {
  std::vector<MonthInPost> out;
  for (int k = 0;; ++k) {
    Date from = period_month_start(start, k);
    if (from > last) break;
    Date end = period_month_start(start, k + 1) - boost::gregorian::days(1);
    MonthInPost m;
    m.index = k;
    m.from = from;
    m.month = add_months(first_of_month(start), k);
    m.whole = end <= last;
    m.to = m.whole ? end : last;
    if (!m.whole) {
      for (Date d = from; d <= last; d += boost::gregorian::days(1)) {
        if (!calendar.covers(d)) m.outside_calendar = true;
        if (calendar.is_working_day(d) && !absent.count(d)) ++m.working_days;
      }
    }
    m.counted = m.whole || m.working_days >= part_month.min_working_days;
    if (m.counted && !m.whole) m.share = part_month.share_of(m.working_days);
    out.push_back(m);
  }
  return out;
}

}  // namespace jianxi
