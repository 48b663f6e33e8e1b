#include "values/dates.h"

#include <algorithm>

namespace jianxi {
namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view t, int earliest_year) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2)))
    return std::nullopt;
  int y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2)), d = to_int(t.substr(8, 2));
  // Boost's calendar covers 1400-9999; the programme needs far less.
  if (y < earliest_year || y > 2200 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(y, m, d);
}

std::optional<Date> parse_month(std::string_view t) {
  if (t.size() != 7 || t[4] != '-' || !digits(t.substr(0, 4)) || !digits(t.substr(5, 2)))
    return std::nullopt;
  int y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2));
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return std::nullopt;
  return Date(y, m, 1);
}

std::string format_date(Date d) {
  // By hand: snprintf shows up in profiles of large summary tables.
  std::string out = "0000-00-00";
  int y = d.year(), m = d.month(), day = d.day();
  for (int i = 3; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string format_month(Date d) { return format_date(d).substr(0, 7); }

Date first_of_month(Date d) { return Date(d.year(), d.month(), 1); }
Date last_of_month(Date d) { return d.end_of_month(); }

Date add_months(Date first, int months) {
  int index = first.year() * 12 + (first.month() - 1) + months;
  return Date(index / 12, index % 12 + 1, 1);
}

int age_on(Date birth, Date on) {
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
    --age;
  return age;
}

Calendar::Calendar(const nlohmann::ordered_json& data) {
  from_ = *parse_date(data.at("covers").at("from").get<std::string>());
  to_ = *parse_date(data.at("covers").at("to").get<std::string>());
  for (const auto& [year, lists] : data.at("years").items()) {
    for (const auto& d : lists.at("off"))
      off_.insert(parse_date(d.get<std::string>())->day_number());
    for (const auto& d : lists.at("workday"))
      workday_.insert(parse_date(d.get<std::string>())->day_number());
  }
}

bool Calendar::is_working_day(Date d) const {
  long n = d.day_number();
  if (workday_.count(n)) return true;
  auto wd = d.day_of_week().as_number();  // 0 = Sunday
  if (wd == 0 || wd == 6) return false;
  return off_.count(n) == 0;
}

Date Calendar::nth_working_day(Date from, int n) const {
  Date d = from;
  for (int seen = 0;; d += boost::gregorian::days(1)) {
    if (is_working_day(d) && ++seen == n) return d;
  }
}

Date Calendar::next_working_day(Date d) const {
  while (!is_working_day(d)) d += boost::gregorian::days(1);
  return d;
}

Date months_after(Date start, int months) {
  Date first = add_months(first_of_month(start), months);
  int day = std::min<int>(start.day(), last_of_month(first).day());
  return Date(first.year(), first.month(), day);
}

Date period_month_start(Date start, int k) {
  Date first = add_months(first_of_month(start), k);
  if (start.day() <= last_of_month(first).day()) return Date(first.year(), first.month(), start.day());
  return add_months(first, 1);
}

}  // namespace jianxi
