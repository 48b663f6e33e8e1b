// ISO dates and months, and the working-day calendar of the State Council
// (public holidays and make-up working days) that month counting and deadlines use.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace jianxi {

using Date = boost::gregorian::date;

// "YYYY-MM-DD" of a day that exists, from `earliest_year`; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text, int earliest_year = 1900);
// "YYYY-MM": the first day of that month.
std::optional<Date> parse_month(std::string_view text);
std::string format_date(Date d);
std::string format_month(Date d);

Date first_of_month(Date d);
Date last_of_month(Date d);
Date add_months(Date first_of_month, int months);
// The day `months` months after `start`: the same day of the month, or the month's last
// day when it is shorter (2022-02-28 + 24 months = 2024-02-28, never 02-29; 01-31 + 1 =
// 02-28). The one month arithmetic of the engine: no end-of-month snapping.
Date months_after(Date start, int months);
// The first day of the k-th month of a period that began on `start` (k = 0 is `start`):
// the same day k months later or, where that month has no such day, the first day of the
// month after it, so that a month from 10-31 runs to 11-30, as a month with no
// corresponding day ends on the month's last day (民法典 art. 202), and the next from 12-01.
Date period_month_start(Date start, int k);
// Whole years from birth to on (the day before a birthday counts the lower age).
int age_on(Date birth, Date on);

class Calendar {
 public:
  Calendar() = default;
  // From the rules/calendar file: {"covers":{"from","to"},"years":{"YYYY":{"off":[],"workday":[]}}}.
  explicit Calendar(const nlohmann::ordered_json& data);

  bool covers(Date d) const { return !from_.is_special() && d >= from_ && d <= to_; }
  // Monday to Friday unless a holiday, or a weekend day made a working day.
  bool is_working_day(Date d) const;
  // The n-th working day (1-based) on or after from.
  Date nth_working_day(Date from, int n) const;
  // The first working day on or after d.
  Date next_working_day(Date d) const;

 private:
  std::unordered_set<long> off_;
  std::unordered_set<long> workday_;
  Date from_{boost::gregorian::not_a_date_time};
  Date to_{boost::gregorian::not_a_date_time};
};

}  // namespace jianxi
