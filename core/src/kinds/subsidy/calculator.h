// The subsidy calculator: one Calculator per request, which writes each intern's lines
// item by item (kinds/subsidy/*.cpp, one file per item or mechanism) and the answer.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kinds/internship_months.h"
#include "kinds/kinds.h"
#include "kinds/subsidy_request.h"
#include "model/min_wage.h"

namespace jianxi::subsidy {

struct Line {
  std::size_t trainee = 0;
  Date month;
  std::string item;
  Fen base = 0;
  Rate rate{1, 1};
  Fen amount = 0;
  std::string rule;
  Text note;
  std::vector<Date> months;  // for a line that sums several months
  std::string payee;         // unit | trainee: who receives it (set by add_line from the item)
};

struct Cohort {
  std::size_t kept_on = 0, completed = 0;
  std::optional<Rate> rate() const {
    if (completed == 0) return std::nullopt;
    return Rate{static_cast<std::int64_t>(kept_on), static_cast<std::int64_t>(completed)};
  }
};

struct Retention {
  std::optional<Rate> rate;
  std::size_t kept_on = 0, completed = 0;
  bool from_request = false;
  std::map<int, Cohort> by_year;  // by the year the internship ends, where the notice counts 当年
};

// The last day in post: the agreed end, an earlier leaving day, or the day before an
// early labour contract.
Date last_day_in_post(const Trainee& t);
Text period_text(const MonthInPost& m);
std::string percent(Rate r);
bool is_whole(Rate share);
std::string share_text(Rate share);
std::string month_label(const MonthInPost& m);
Text with_share(Text note, const MonthInPost& m);
std::string yuan_text(Fen fen);
// The subsidy rate the retention rule gives at retention r, or nullopt below every band.
std::optional<Rate> retention_rate_for(const RetentionRule& rule, Rate r);
// The flat monthly amount the retention rule gives at retention r, or nullopt below every band.
std::optional<Fen> retention_amount_for(const RetentionRule& rule, Rate r);
// The month a difference paid once is listed in, and the words for when it is paid.
Date paid_on(const RetentionRule& rule, Date last_day);
Text when_paid(const RetentionRule& rule);
// The first to start among the interns that could be read (the one whose start chooses the
// notice by province), its start, and the last end.
const Trainee* earliest_trainee(const SubsidyRequest& r);
std::optional<Date> earliest_start(const SubsidyRequest& r);
std::optional<Date> latest_end(const SubsidyRequest& r);
// What the wage table is asked for this notice and request.
WageResolver::Request wage_request(const Policy& policy, const SubsidyRequest& request);

class Calculator {
 public:
  Calculator(const RuleSet& rules, const Policy& policy, const SubsidyRequest& request,
             Report& report)
      : rules_(rules),
        policy_(policy),
        request_(request),
        report_(report),
        wages_(rules, policy, wage_request(policy, request), report) {}

  void run(Result& out);

 private:
  // Whether the notice admits the intern, and if not, why.
  enum class Admission { admitted, category, not_yet, region };
  Admission admission(const std::string& category, Date start) const;
  // The same, saying why where it does not.
  bool admitted(const Trainee& t);
  void say_youth_route(const Trainee& t);
  std::optional<Rate> base_rate(const Trainee& t);
  bool absence_forfeits(const Trainee& t);
  // Whose figure a rate is: the notice's, or the base_rate the request gave for a notice
  // that states none (then the notice's caveat on its figures does not apply).
  enum class RateFrom { notice, request };
  void position_lines(const Trainee& t, Rate rate, RateFrom from, const std::vector<MonthInPost>& served);
  void rate_lines(const Trainee& t, const std::string& item, const Cited& rule, Rate rate, RateFrom from,
                  const std::vector<MonthInPost>& served);
  void note_confidence(const Cited& rule);
  void note_calendar(const Trainee& t, const MonthInPost& m);
  static Text days_text(const MonthInPost& m);
  void flat_lines(const Trainee& t, const std::string& item, const Cited& rule, Fen amount,
                  const std::vector<MonthInPost>& served);
  void flat_retention_line(const Trainee& t, Fen base, const std::vector<MonthInPost>& served, Date last_day);
  // The most months subsidised per intern: the notice's cap on the subsidy, else the
  // longest internship a notice that sets the period (见习时间为3至12个月) admits.
  struct MonthsCap {
    int months = 0;
    std::string rule;
  };
  std::optional<MonthsCap> months_cap() const;
  void cap_months(const Trainee& t, std::vector<MonthInPost>& served);
  void mentoring_fee_lines(const Trainee& t, const std::vector<MonthInPost>& served);
  void pay_capped_lines(const Trainee& t, Rate rate, RateFrom from, const std::vector<MonthInPost>& served);
  bool raised_for(const Trainee& t, const RetentionRule& rule) const;
  void retention_lines(const Trainee& t, Rate base, const std::vector<MonthInPost>& served,
                       Date last_day);
  void insurance_line(const Trainee& t);
  // `rate` nullopt: the notice states no base rate and none was given; the months owed are said, not paid.
  void remaining_lines(const Trainee& t, std::optional<Rate> rate, const std::vector<MonthInPost>& served);
  void mentoring_line(const Trainee& t);
  void monthly_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served);
  void social_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served);
  void add_trainee(const Trainee& t);
  // Warns of a period outside the notice's; false when the notice admits no such internship.
  bool check_period(const Trainee& t);
  void set_aside_part_months(const Trainee& t, std::vector<MonthInPost>& served);
  void unstated_rate_lines(const Trainee& t, const std::vector<MonthInPost>& served, bool forfeits);
  void compute_retention();
  std::optional<Rate> retention_for(const Trainee& t) const;
  // Whether the retention rate is counted by the year the internship ends (当年), not given.
  bool by_year_counted() const { return !retention_.by_year.empty() && !retention_.from_request; }
  // The raise rests on the unit's previous year (汕头), so its rate only comes from the request.
  bool retention_of_previous_year() const {
    return policy_.retention && policy_.retention->retention_of == RetentionOf::previous_year;
  }
  template <class M, std::size_t = M::kTemplate>
  void warn_once(const std::string& key, const std::string& path, const M& m, const std::string& rule) {
    if (warned_.insert(key).second) report_.warning(path, m, rule);
  }
  void add_line(Line line) {
    // Who receives what: the monthly subsidy and its raise go where the notice pays them
    // (the trainee's own account in 上海, 新疆); social insurance is the intern's; the rest the unit's.
    if (line.item == "position" || line.item == "retention_uplift") line.payee = policy_.position.payee;
    else if (line.item == "social_insurance") line.payee = "trainee";
    else line.payee = "unit";
    lines_.push_back(std::move(line));
  }
  // How the minimum wage of a month is taken: as the notice says, else as the request chose.
  const std::string& wage_basis() const {
    return policy_.position.wage_month.empty() ? request_.wage_basis : policy_.position.wage_month;
  }
  // The minimum wage a month is based on: the month's own, or the start's.
  std::optional<WageFigure> wage_for(const Trainee& t, const MonthInPost& m) {
    return wages_.on(wage_basis() == "start" ? t.start : m.from);
  }
  void note_wage_basis(const Trainee& t);

  const RuleSet& rules_;
  const Policy& policy_;
  const SubsidyRequest& request_;
  Report& report_;
  WageResolver wages_;
  Retention retention_;
  std::vector<Line> lines_;
  Result unknown_months_ = Result::array();  // part months a notice known in part cannot count
  std::set<std::string> warned_;
  bool asked_rate_ = false;
};

}  // namespace jianxi::subsidy
