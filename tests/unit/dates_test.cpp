// Dates, ages and the working-day calendar.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "values/dates.h"

using jianxi::Date;

TEST_CASE("parse_date accepts only days that exist") {
  CHECK(jianxi::parse_date("2024-02-29"));
  CHECK_FALSE(jianxi::parse_date("2023-02-29"));
  CHECK_FALSE(jianxi::parse_date("2023-13-01"));
  CHECK_FALSE(jianxi::parse_date("2023-1-01"));
  CHECK_FALSE(jianxi::parse_date("2023-01-01T00"));
  CHECK_FALSE(jianxi::parse_date(""));
  CHECK(jianxi::format_date(*jianxi::parse_date("2023-09-01")) == "2023-09-01");
}

TEST_CASE("age counts whole years, the birthday itself included") {
  Date birth(2000, 5, 1);
  CHECK(jianxi::age_on(birth, Date(2024, 4, 30)) == 23);
  CHECK(jianxi::age_on(birth, Date(2024, 5, 1)) == 24);
  CHECK(jianxi::age_on(Date(2004, 2, 29), Date(2021, 2, 28)) == 16);
  CHECK(jianxi::age_on(Date(2004, 2, 29), Date(2021, 3, 1)) == 17);
}

TEST_CASE("calendar: holidays and make-up working days") {
  // A fixture year, not the real calendar: 2023-10-02 off, Saturday 2023-10-07 worked.
  auto data = nlohmann::ordered_json::parse(R"({"covers":{"from":"2023-01-01","to":"2023-12-31"},
    "years":{"2023":{"off":["2023-10-02"],"workday":["2023-10-07"]}}})");
  jianxi::Calendar cal(data);
  CHECK_FALSE(cal.is_working_day(Date(2023, 10, 2)));  // Monday, holiday
  CHECK(cal.is_working_day(Date(2023, 10, 3)));        // Tuesday
  CHECK(cal.is_working_day(Date(2023, 10, 7)));        // Saturday made a working day
  CHECK_FALSE(cal.is_working_day(Date(2023, 10, 8)));  // Sunday
  CHECK(cal.nth_working_day(Date(2023, 10, 1), 1) == Date(2023, 10, 3));
  CHECK(cal.nth_working_day(Date(2023, 10, 1), 5) == Date(2023, 10, 7));
  CHECK(cal.next_working_day(Date(2023, 10, 8)) == Date(2023, 10, 9));
  CHECK(cal.covers(Date(2023, 6, 1)));
  CHECK_FALSE(cal.covers(Date(2024, 1, 1)));
}

TEST_CASE("add_months crosses years") {
  CHECK(jianxi::add_months(Date(2023, 11, 1), 2) == Date(2024, 1, 1));
  CHECK(jianxi::add_months(Date(2024, 1, 1), -1) == Date(2023, 12, 1));
}

TEST_CASE("an internship month ends the day before the same day next month, or on the last day of a shorter month") {
  using jianxi::period_month_start;
  // 15日至次月14日
  CHECK(period_month_start(Date(2023, 10, 15), 1) == Date(2023, 11, 15));
  // From 10-30 the month ends 11-29; from 10-31, with no 11-31, on 11-30 (民法典 art. 202).
  CHECK(period_month_start(Date(2023, 10, 30), 1) == Date(2023, 11, 30));
  CHECK(period_month_start(Date(2023, 10, 31), 1) == Date(2023, 12, 1));
  CHECK(period_month_start(Date(2023, 10, 31), 2) == Date(2023, 12, 31));
  // Six months from 2020-08-31 end on 2021-02-28, seven on 2021-03-30.
  CHECK(period_month_start(Date(2020, 8, 31), 6) == Date(2021, 3, 1));
  CHECK(period_month_start(Date(2020, 8, 31), 7) == Date(2021, 3, 31));
  // A leap February has the 29th.
  CHECK(period_month_start(Date(2024, 1, 29), 1) == Date(2024, 2, 29));
  CHECK(period_month_start(Date(2023, 1, 29), 1) == Date(2023, 3, 1));
  CHECK(period_month_start(Date(2023, 3, 1), 1) == Date(2023, 4, 1));
  CHECK(period_month_start(Date(2023, 3, 1), 0) == Date(2023, 3, 1));
}
