// The words and figures of a line: its period, days in post, percent and yuan.
#include "kinds/subsidy/calculator.h"

#include <algorithm>
#include <cstdio>

namespace jianxi::subsidy {

// A contract signed inside the agreed period ends the internship the day before, unless
// the stated last day is the signing day (a contract is often signed on it); no one is an
// intern after signing.
Date last_day_in_post(const Trainee& t) {
  Date last = t.end;
  if (t.left_on) last = std::min(last, *t.left_on);
  if (t.contract && t.contract->signed_on <= t.end)
    last = std::min(last, t.left_on ? t.contract->signed_on : t.contract->signed_on - boost::gregorian::days(1));
  return last;
}

Text period_text(const MonthInPost& m) {
  return msg::line_period{.from = format_date(m.from), .to = format_date(m.to)}.text();
}

// Two places, or more where two would show a whole percent the rate is not: a retention
// of 69.995% is not "70.00%" beside the 65% step it reached. Rates hold 9 decimals, so 7
// places of a percent always tell.
std::string percent(Rate r) {
  double v = 100.0 * static_cast<double>(r.num) / static_cast<double>(r.den);
  char buf[32];
  if (v == static_cast<long long>(v)) {
    std::snprintf(buf, sizeof buf, "%lld%%", static_cast<long long>(v));
    return buf;
  }
  for (int places = 2; places <= 7; ++places) {
    std::snprintf(buf, sizeof buf, "%.*f%%", places, v);
    std::string shown = buf;
    if (shown.find_last_not_of("0%") != shown.find('.')) return shown;
  }
  return buf;
}

std::string yuan_text(Fen fen) {
  char buf[32];
  if (fen % 100 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(fen / 100));
  else std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                     static_cast<long long>(fen % 100));
  return buf;
}

Text Calculator::days_text(const MonthInPost& m) {
  if (m.whole) return msg::line_days::whole{}.text();
  if (is_whole(m.share)) return msg::line_days::part{.days = m.working_days}.text();
  return msg::line_days::part_share{.days = m.working_days, .share = share_text(m.share)}.text();
}

bool is_whole(Rate share) { return share.num == share.den; }

// "50%", or "15/22" for a share by the working day that no short percent states.
std::string share_text(Rate share) {
  if ((100 * share.num) % share.den == 0) return percent(share);
  return std::to_string(share.num) + "/" + std::to_string(share.den);
}

// A line's note, with the share of its month where that is a part month counted in part
// (the lines whose note does not tell the days in post).
Text with_share(Text note, const MonthInPost& m) {
  if (is_whole(m.share)) return note;
  Text share = msg::line_part_share{.share = share_text(m.share)}.text();
  note.zh += share.zh;
  note.en += share.en;
  return note;
}

// A month in a list of months: its share beside it when it counts for less than a month.
std::string month_label(const MonthInPost& m) {
  return is_whole(m.share) ? format_month(m.month) : format_month(m.month) + "×" + share_text(m.share);
}

}  // namespace jianxi::subsidy
