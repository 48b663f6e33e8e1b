// kind "subsidy": what an employer can expect, one line per intern, month and item,
// each line naming its clause, base, rate and month.
#include <algorithm>

#include "kinds/internship_months.h"
#include "kinds/kinds.h"
#include "io/json_writer.h"
#include "model/min_wage.h"
#include "kinds/subsidy_request.h"

namespace jianxi {
namespace {


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
Date last_day_in_post(const Trainee& t) {
  Date last = t.end;
  if (t.left_on) last = std::min(last, *t.left_on);
  if (t.contract && t.contract->signed_on <= t.end)
    last = std::min(last, t.contract->signed_on - boost::gregorian::days(1));
  return last;
}

Text period_text(const MonthInPost& m) {
  std::string from = format_date(m.from), to = format_date(m.to);
  return {from + "至" + to, from + " to " + to};
}

std::string percent(Rate r) {
  double v = 100.0 * static_cast<double>(r.num) / static_cast<double>(r.den);
  char buf[32];
  if (v == static_cast<long long>(v)) std::snprintf(buf, sizeof buf, "%lld%%", static_cast<long long>(v));
  else std::snprintf(buf, sizeof buf, "%.2f%%", v);
  return buf;
}

std::string yuan_text(Fen fen) {
  char buf[32];
  if (fen % 100 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(fen / 100));
  else std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                     static_cast<long long>(fen % 100));
  return buf;
}

// The subsidy rate the retention rule gives at retention r, or nullopt below every band.
std::optional<Rate> retention_rate_for(const RetentionRule& rule, Rate r) {
  std::optional<Rate> best;
  for (const auto& band : rule.bands) {
    int c = compare(r, band.above);
    if (c < 0 || (c == 0 && !band.inclusive)) continue;
    Rate rate = band.rate;
    if (band.step && band.step_rate)
      rate = add(rate, multiply(*band.step_rate, whole_steps(subtract(r, band.above), *band.step)));
    best = rate;
  }
  return best;
}

// The flat monthly amount the retention rule gives at retention r, or nullopt below every band.
std::optional<Fen> retention_amount_for(const RetentionRule& rule, Rate r) {
  std::optional<Fen> best;
  for (const auto& band : rule.bands) {
    int c = compare(r, band.above);
    if (c < 0 || (c == 0 && !band.inclusive) || !band.amount) continue;
    best = band.amount;
  }
  return best;
}

// The month a difference paid once is listed in.
Date paid_on(const RetentionRule& rule, Date last_day) {
  if (rule.payment == Payment::next_year) return Date(last_day.year() + 1, 1, 1);
  if (rule.payment == Payment::year_end) return Date(last_day.year(), 12, 1);
  return add_months(first_of_month(last_day), 1);
}

Text when_paid(const RetentionRule& rule) {
  if (rule.payment == Payment::next_year) return {"次年初一次性发放", "paid once at the start of the next year"};
  if (rule.payment == Payment::year_end) return {"当年底一次性补发", "paid once at the end of the year"};
  return {"见习结束后一次性发放", "paid once after the internship ends"};
}

// The first start date among the interns that could be read.
std::optional<Date> earliest_start(const SubsidyRequest& r) {
  std::optional<Date> earliest;
  for (const auto& t : r.trainees)
    if (t.usable && (!earliest || t.start < *earliest)) earliest = t.start;
  return earliest;
}

// What the wage table is asked: none where the notice pays flat amounts only, the
// province's tier 1 wherever the place is where the notice says so (内蒙古).
WageResolver::Request wage_request(const Policy& policy, const SubsidyRequest& request) {
  WageResolver::Request r{request.min_wage, request.place, request.place_path, request.wage_tier,
                          earliest_start(request)};
  if (policy.position.wage_base == WageBase::province_tier_1) {
    r.tier = 1;
    r.province_wide = true;
  }
  r.required = !policy.position.flat();
  return r;
}

std::optional<Date> latest_end(const SubsidyRequest& r) {
  std::optional<Date> latest;
  for (const auto& t : r.trainees)
    if (t.usable && (!latest || t.end > *latest)) latest = t.end;
  return latest;
}

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
  bool admitted(const Trainee& t);
  std::optional<Rate> base_rate(const Trainee& t);
  bool absence_forfeits(const Trainee& t);
  void position_lines(const Trainee& t, Rate rate, const std::vector<MonthInPost>& served);
  void rate_lines(const Trainee& t, const std::string& item, const Cited& rule, Rate rate,
                  const std::vector<MonthInPost>& served);
  void note_confidence(const Cited& rule);
  bool rate_from_request_ = false;  // the position lines being written use the request's base_rate
  void note_calendar(const Trainee& t, const MonthInPost& m);
  static Text days_text(const MonthInPost& m);
  void flat_lines(const Trainee& t, Fen amount, const std::vector<MonthInPost>& served);
  void flat_retention_line(const Trainee& t, Fen base, const std::vector<MonthInPost>& served, Date last_day);
  void cap_months(const Trainee& t, std::vector<MonthInPost>& served);
  void mentoring_fee_lines(const Trainee& t, const std::vector<MonthInPost>& served);
  void pay_capped_lines(const Trainee& t, Rate rate, const std::vector<MonthInPost>& served);
  bool raised_for(const Trainee& t, const RetentionRule& rule) const;
  void retention_lines(const Trainee& t, Rate base, const std::vector<MonthInPost>& served,
                       Date last_day);
  void insurance_line(const Trainee& t);
  void remaining_lines(const Trainee& t, Rate rate, const std::vector<MonthInPost>& served);
  void mentoring_line(const Trainee& t);
  void social_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served);
  void add_trainee(const Trainee& t);
  void warn_about_period(const Trainee& t);
  void set_aside_part_months(const Trainee& t, std::vector<MonthInPost>& served);
  void unstated_rate_lines(const Trainee& t, const std::vector<MonthInPost>& served, bool forfeits);
  void compute_retention();
  std::optional<Rate> retention_for(const Trainee& t) const;
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
  // The minimum wage a month is based on: the month's own, or the start's (wage_basis).
  std::optional<WageFigure> wage_for(const Trainee& t, const MonthInPost& m) {
    return wages_.on(request_.wage_basis == "start" ? t.start : m.from);
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

void Calculator::compute_retention() {
  bool by_year = policy_.retention && (policy_.retention->payment == Payment::next_year || policy_.retention->payment == Payment::year_end);
  for (const Trainee& t : request_.trainees) {
    if (!t.usable) continue;
    Cohort* cohort = by_year ? &retention_.by_year[last_day_in_post(t).year()] : nullptr;
    if (t.completed()) {
      ++retention_.completed;
      if (cohort) ++cohort->completed;
    }
    if (t.kept_on()) {
      ++retention_.kept_on;
      if (cohort) ++cohort->kept_on;
    }
  }
  if (request_.retention_rate) {
    retention_.rate = request_.retention_rate;
    retention_.from_request = true;
  } else if (retention_.completed > 0) {
    retention_.rate = Rate{static_cast<std::int64_t>(retention_.kept_on),
                           static_cast<std::int64_t>(retention_.completed)};
  }
}

// The retention rate that sets this intern's standard: the request's, else the rate of
// the intern's year where the notice counts by year (当年), else the unit's over all interns.
std::optional<Rate> Calculator::retention_for(const Trainee& t) const {
  if (retention_.from_request || retention_.by_year.empty()) return retention_.rate;
  return retention_.by_year.at(last_day_in_post(t).year()).rate();
}

bool Calculator::admitted(const Trainee& t) {
  auto it = policy_.eligibility.categories.find(t.category);
  const CategoryRule* c = it == policy_.eligibility.categories.end() ? nullptr : &it->second;
  if (!c || !c->admitted) {
    Text why = c ? c->note : Text{};
    Text category = Vocabulary::names(rules_.vocabulary().categories, {t.category});
    std::string rule = c ? c->rule : policy_.position.rule;
    if (why.zh.empty())
      report_.warning(t.path("category"), msg::trainee_category_not_admitted::plain{.category = category, .notice = notice_name(policy_)},
                      rule);
    else
      report_.warning(t.path("category"),
                      msg::trainee_category_not_admitted::with_reason{.category = category, .notice = notice_name(policy_), .reason = why},
                      rule);
    return false;
  }
  if (!c->region_flags.empty()) {
    bool in_region = false;
    for (const auto& f : request_.region_flags)
      in_region = in_region || std::find(c->region_flags.begin(), c->region_flags.end(), f) !=
                                   c->region_flags.end();
    if (!in_region) {
      const Vocabulary& vocab = rules_.vocabulary();
      Text who = Vocabulary::names(vocab.categories, {t.category});
      Text where = Vocabulary::names(vocab.region_flags, c->region_flags);
      report_.warning(t.path("category"), msg::trainee_category_region_only{.areas = where, .category = who}, c->rule);
      return false;
    }
  }
  return true;
}

std::optional<Rate> Calculator::base_rate(const Trainee& t) {
  auto it = policy_.position.rates.find(t.category);
  if (it == policy_.position.rates.end()) return std::nullopt;
  if (it->second) return it->second;
  if (request_.base_rate) return request_.base_rate;
  return std::nullopt;
}

bool Calculator::absence_forfeits(const Trainee& t) {
  if (!policy_.absence || t.absent.empty()) return false;
  const AbsenceRule& rule = *policy_.absence;
  const Calendar& cal = rules_.calendar();
  int total = 0, run = 0, longest = 0;
  std::optional<Date> previous;
  for (Date d : t.absent) {
    if (!cal.is_working_day(d)) continue;
    ++total;
    bool continues = previous && cal.next_working_day(*previous + boost::gregorian::days(1)) == d;
    run = continues ? run + 1 : 1;
    longest = std::max(longest, run);
    previous = d;
  }
  if (longest < rule.max_consecutive && total < rule.max_total) return false;
  report_.warning(t.path("absent_days"),
                  msg::absence_limit_reached{.longest = longest,
                                             .max_consecutive = rule.max_consecutive,
                                             .max_total = rule.max_total,
                                             .total = total},
                  rule.rule);
  report_.interpretation(rule.rule, rule.interpretation);
  return true;
}

void Calculator::position_lines(const Trainee& t, Rate rate,
                                const std::vector<MonthInPost>& served) {
  if (policy_.position.pay_cap_min_share) return pay_capped_lines(t, rate, served);
  rate_lines(t, "position", policy_.position, rate, served);
}

// The month's subsidy is the rate of the wage, at most the pay the unit gives, and nothing for a
// month paid below min_share of the wage (广州, 深圳).
void Calculator::pay_capped_lines(const Trainee& t, Rate rate, const std::vector<MonthInPost>& served) {
  const PositionRule& p = policy_.position;
  if (!t.monthly_pay) {
    report_.error(t.path("monthly_pay"), msg::subsidy_monthly_pay_missing{}, p.pay_cap_rule);
    return;
  }
  note_confidence(p);
  const Fen pay = *t.monthly_pay;
  for (const auto& m : served) {
    note_calendar(t, m);
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    Text period = period_text(m), days = days_text(m);
    Fen floor = apply(wage->fen, *p.pay_cap_min_share);
    if (pay < floor) {
      warn_once("pay-floor" + std::to_string(t.index), t.path("monthly_pay"),
                msg::subsidy_pay_below_floor{.floor = yuan_text(floor),
                                             .pay = yuan_text(pay),
                                             .share = percent(*p.pay_cap_min_share),
                                             .wage = yuan_text(wage->fen)},
                p.pay_cap_rule);
      continue;
    }
    Fen by_rate = apply(wage->fen, rate);
    bool capped = pay < by_rate;
    Line line{t.index, m.month, "position", wage->fen, rate, capped ? pay : by_rate, p.rule, {}, {}, {}};
    line.note = {period.zh + "：" + days.zh + "；" + wage->source.zh + " " + yuan_text(wage->fen) + " 元 × " +
                     percent(rate) + (capped ? "，高于实际支付的 " + yuan_text(pay) + " 元，按实际支付计" : ""),
                 period.en + ": " + days.en + "; " + wage->source.en + " " + yuan_text(wage->fen) + " yuan × " +
                     percent(rate) + (capped ? ", capped at the " + yuan_text(pay) + " yuan actually paid" : "")};
    add_line(std::move(line));
  }
}

// What kind of source a figure known only at second hand rests on, in the caveat's words:
// the most reliable kind among the figure's sources (a bureau's page before a newspaper's).
static Text source_kind_words(const Policy& policy, const Cited& rule) {
  static const std::vector<std::pair<std::string, Text>> kinds = {
      {"official_local", {"地方人社部门的转述", "a local bureau's restatement"}},
      {"mirror_of_local", {"转载的地方人社部门转述", "a copy of a local bureau's restatement"}},
      {"copy_of_text", {"转载页上的通知文本（未能与官方发布核对）", "a copy of its text on another site, not checked against the official publication"}},
      {"newspaper", {"新闻报道的转述", "a news report"}},
      {"third_party", {"非官方网页的转述", "an unofficial web page's summary"}},
      {"draft", {"征求意见稿", "a draft for comment"}},
  };
  std::set<std::string> present;
  for (const auto& id : rule.sources)
    if (auto kind = policy.source_kinds.find(id); kind != policy.source_kinds.end()) present.insert(kind->second);
  for (const auto& [kind, words] : kinds)
    if (present.count(kind)) return words;
  return {"二手资料的转述", "a second-hand restatement"};
}

void Calculator::note_confidence(const Cited& rule) {
  // A rate the user gave does not rest on the restatement the caveat speaks of.
  if (rate_from_request_ && &rule == &policy_.position) return;
  if (!rule.confidence.empty() && rule.confidence != "high" && warned_.insert("position-confidence").second) {
    Text notice = notice_name(policy_);
    Text note{rule.note.zh.empty() ? "" : "；" + rule.note.zh, rule.note.en.empty() ? "" : "; " + rule.note.en};
    report_.caveat("/policy", msg::policy_figure_caveat::plain{.from = source_kind_words(policy_, rule), .notice = notice},
                   msg::policy_figure_caveat::sources{.confidence = confidence_words(rule.confidence), .note = note}.text(),
                   rule.rule);
  }
}

void Calculator::note_calendar(const Trainee& t, const MonthInPost& m) {
  Text period = period_text(m);
  if (m.outside_calendar)
    warn_once("calendar" + period.en, t.path(), msg::calendar_not_covered::working_days{.period = period}, "");
}

Text Calculator::days_text(const MonthInPost& m) {
  return m.whole ? Text{"满1个月", "a whole month in post"}
                 : Text{"不满1个月，在岗" + std::to_string(m.working_days) + "个工作日，按1个月计",
                        std::to_string(m.working_days) + " working days in post in a part month, counted as a month"};
}

// The monthly formula of a rate: the month's minimum wage × the rate, one line a month.
void Calculator::rate_lines(const Trainee& t, const std::string& item, const Cited& rule, Rate rate,
                            const std::vector<MonthInPost>& served) {
  note_confidence(rule);
  for (const auto& m : served) {
    Text period = period_text(m);
    note_calendar(t, m);
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    Text days = days_text(m);
    Line line{t.index, m.month, item, wage->fen, rate, apply(wage->fen, rate), rule.rule, {}, {}, {}};
    line.note = {period.zh + "：" + days.zh + "；" + wage->source.zh + " " + yuan_text(wage->fen) +
                     " 元 × " + percent(rate),
                 period.en + ": " + days.en + "; " + wage->source.en + " " + yuan_text(wage->fen) +
                     " yuan × " + percent(rate)};
    add_line(std::move(line));
  }
}

bool Calculator::raised_for(const Trainee& t, const RetentionRule& rule) const {
  if (rule.applies_to == AppliesTo::retained) return t.kept_on();
  if (rule.applies_to == AppliesTo::completed) return t.completed();
  return true;
}

// The monthly formula of a flat amount: the amount itself, one line a month (广西, 重庆, 甘肃).
void Calculator::flat_lines(const Trainee& t, Fen amount, const std::vector<MonthInPost>& served) {
  note_confidence(policy_.position);
  for (const auto& m : served) {
    note_calendar(t, m);
    if (!m.counted) continue;
    Text period = period_text(m), days = days_text(m);
    add_line({t.index, m.month, "position", amount, {1, 1}, amount, policy_.position.rule,
              {period.zh + "：" + days.zh + "；每人每月 " + yuan_text(amount) + " 元",
               period.en + ": " + days.en + "; " + yuan_text(amount) + " yuan a month per intern"},
              {}, {}});
  }
}

// A flat raise by retention band: the raised amount less the base, for each month counted,
// for the interns the notice names (everyone, those who completed, or those kept on).
void Calculator::flat_retention_line(const Trainee& t, Fen base, const std::vector<MonthInPost>& served,
                                     Date last_day) {
  if (!policy_.retention || !raised_for(t, *policy_.retention)) return;
  const RetentionRule& rule = *policy_.retention;
  auto retention = retention_for(t);
  if (!retention) return;
  bool reaches_a_band = false;
  for (const auto& band : rule.bands) reaches_a_band = reaches_a_band || compare(*retention, band.above) >= 0;
  if (reaches_a_band) report_.interpretation(rule.rule, rule.interpretation);
  auto raised = retention_amount_for(rule, *retention);
  if (!raised || *raised <= base) return;
  Fen diff = *raised - base;
  std::string cohort_zh = retention_.by_year.empty() || retention_.from_request
                              ? "" : std::to_string(last_day.year()) + "年见习期满";
  std::string cohort_en = cohort_zh.empty() ? "" : " of interns ending in " + std::to_string(last_day.year());
  Text why{cohort_zh + "留用率 " + percent(*retention) + "，补贴标准提高至每人每月 " + yuan_text(*raised) + " 元",
           "retention" + cohort_en + " " + percent(*retention) + " raises the amount to " + yuan_text(*raised) +
               " yuan a month"};
  std::vector<Date> months;
  std::string months_text;
  for (const auto& m : served) {
    if (!m.counted) continue;
    if (rule.payment == Payment::monthly) {
      Text period = period_text(m);
      add_line({t.index, m.month, "retention_uplift", diff, {1, 1}, diff, rule.rule,
                {period.zh + "：" + why.zh + "，差额 " + yuan_text(diff) + " 元",
                 period.en + ": " + why.en + ", difference " + yuan_text(diff) + " yuan"},
                {}, {}});
      continue;
    }
    months.push_back(m.month);
    months_text += (months_text.empty() ? "" : ", ") + format_month(m.month);
  }
  if (months.empty()) return;
  Fen sum = diff * static_cast<Fen>(months.size());
  Text when = when_paid(rule);
  std::string n = std::to_string(months.size());
  add_line({t.index, paid_on(rule, last_day), "retention_uplift", sum, {1, 1}, sum, rule.payment_rule,
            {"差额：" + why.zh + "；" + n + "个月（" + months_text + "）× " + yuan_text(diff) + " 元，" + when.zh,
             "difference: " + why.en + "; " + n + " months (" + months_text + ") × " + yuan_text(diff) +
                 " yuan, " + when.en},
            std::move(months), {}});
}

// A notice that subsidises at most N months per intern: the months after the Nth are not counted.
void Calculator::cap_months(const Trainee& t, std::vector<MonthInPost>& served) {
  if (!policy_.position.max_months) return;
  int cap = *policy_.position.max_months, counted = 0;
  std::string dropped_zh, dropped_en;
  for (auto& m : served) {
    if (!m.counted) continue;
    if (++counted <= cap) continue;
    m.counted = false;
    dropped_zh += (dropped_zh.empty() ? "" : "、") + format_month(m.month);
    dropped_en += (dropped_en.empty() ? "" : ", ") + format_month(m.month);
  }
  if (dropped_zh.empty()) return;
  report_.warning(t.path("end"), msg::subsidy_months_capped{.cap = cap, .months = Text{dropped_zh, dropped_en}},
                  policy_.position.max_months_rule);
}

void Calculator::mentoring_fee_lines(const Trainee& t, const std::vector<MonthInPost>& served) {
  if (!policy_.mentoring_fee) return;
  rate_lines(t, "mentoring_fee", *policy_.mentoring_fee, policy_.mentoring_fee->rate, served);
}

void Calculator::retention_lines(const Trainee& t, Rate base,
                                 const std::vector<MonthInPost>& served, Date last_day) {
  if (!policy_.retention || !raised_for(t, *policy_.retention)) return;
  const RetentionRule& rule = *policy_.retention;
  bool as_model_unit = request_.model_unit && !rule.model_unit_rule.empty();
  auto retention = retention_for(t);
  auto raised = as_model_unit ? std::optional<Rate>(rule.bands.back().rate)
                : retention ? retention_rate_for(rule, *retention) : std::nullopt;
  // The reading of the bands decides the figure from the lowest threshold up, also where
  // it pays no raise (shanxi: 55% is no whole 10-point step above 50%).
  bool reaches_a_band = as_model_unit;
  for (const auto& band : rule.bands)
    reaches_a_band = reaches_a_band || (retention && compare(*retention, band.above) >= 0);
  if (reaches_a_band) report_.interpretation(rule.rule, rule.interpretation);
  if (!raised || compare(*raised, base) <= 0) return;
  Rate diff = subtract(*raised, base);
  std::string cohort_zh = retention_.by_year.empty() || retention_.from_request
                              ? "" : std::to_string(last_day.year()) + "年见习期满";
  std::string cohort_en = cohort_zh.empty() ? "" : " of interns ending in " + std::to_string(last_day.year());
  std::string why_zh = as_model_unit ? "就业见习标杆单位，补贴标准提高至 " + percent(*raised)
                      : cohort_zh + "留用率 " + percent(*retention) + "，补贴标准提高至 " + percent(*raised);
  std::string why_en = as_model_unit ? "a model (标杆) unit is raised to " + percent(*raised)
                      : "retention" + cohort_en + " " + percent(*retention) + " raises the rate to " +
                            percent(*raised);
  if (rule.payment == Payment::monthly) {
    for (const auto& m : served) {
      if (!m.counted) continue;
      auto wage = wage_for(t, m);
      if (!wage) continue;
      Text period = period_text(m);
      add_line({t.index, m.month, "retention_uplift", wage->fen, diff, apply(wage->fen, diff),
                rule.rule,
                {period.zh + "：" + why_zh + "，差额 " + yuan_text(wage->fen) + " 元 × " + percent(diff),
                 period.en + ": " + why_en + ", difference " + yuan_text(wage->fen) + " yuan × " +
                     percent(diff)},
                {}, {}});
    }
    return;
  }
  Line line{t.index, {}, "retention_uplift", 0, diff, 0, rule.payment_rule, {}, {}, {}};
  std::string months_text;
  for (const auto& m : served) {
    if (!m.counted) continue;
    auto wage = wage_for(t, m);
    if (!wage) continue;
    line.base += wage->fen;
    line.months.push_back(m.month);
    months_text += (months_text.empty() ? "" : ", ") + format_month(m.month);
  }
  if (line.months.empty()) return;
  line.amount = apply(line.base, diff);
  line.month = paid_on(rule, last_day);
  std::string when_zh = when_paid(rule).zh, when_en = when_paid(rule).en;
  const Text& label = rule.payment_label;
  line.note = {(label.zh.empty() ? "留用提高部分" : label.zh) + "差额：" + why_zh + "；" + std::to_string(line.months.size()) + "个月（" +
                   months_text + "）最低工资合计 " + yuan_text(line.base) + " 元 × " + percent(diff) +
                   "，" + when_zh,
               (label.en.empty() ? "retention raise" : label.en) + " difference: " + why_en + "; minimum wage of " +
                   std::to_string(line.months.size()) + " months (" + months_text + ") totalling " +
                   yuan_text(line.base) + " yuan × " + percent(diff) + ", " + when_en};
  add_line(std::move(line));
}

void Calculator::insurance_line(const Trainee& t) {
  if (!policy_.insurance) return;
  const InsuranceRule& rule = *policy_.insurance;
  Date month = first_of_month(t.start);
  if (rule.method == InsuranceMethod::fixed_per_person) {
    add_line({t.index, month, "insurance", rule.amount, {1, 1}, rule.amount, rule.rule,
              {"人身意外伤害保险保费补贴，每人 " + yuan_text(rule.amount) + " 元",
               "accident-insurance premium subsidy, " + yuan_text(rule.amount) + " yuan per person"},
              {}, {}});
  } else if (rule.method == InsuranceMethod::actual_premium) {
    if (!t.insurance_premium) {
      report_.warning(t.path("insurance_premium"), msg::insurance_premium_missing{}, rule.rule);
      return;
    }
    // `amount`, where given, caps the reimbursement (贵州: 按每人不高于300元的标准据实补贴).
    Fen paid = *t.insurance_premium;
    bool capped = rule.amount > 0 && paid > rule.amount;
    Fen amount = capped ? rule.amount : paid;
    Text note{"见习综合保险据实补贴：实际保费 " + yuan_text(paid) + " 元",
              "internship insurance at actual cost: premium " + yuan_text(paid) + " yuan"};
    if (rule.amount > 0) {
      note.zh += capped ? "，超过每人上限 " + yuan_text(rule.amount) + " 元，按上限补贴"
                        : "（每人上限 " + yuan_text(rule.amount) + " 元）";
      note.en += capped ? ", above the cap of " + yuan_text(rule.amount) + " yuan per person: the cap is paid"
                        : " (cap " + yuan_text(rule.amount) + " yuan per person)";
    }
    add_line({t.index, month, "insurance", amount, {1, 1}, amount, rule.rule, note, {}, {}});
  } else {
    report_.interpretation(rule.rule, rule.note);
  }
}

void Calculator::remaining_lines(const Trainee& t, Rate rate,
                                 const std::vector<MonthInPost>& served) {
  if (!t.contract || t.contract->signed_on > t.end) return;
  const Contract& c = *t.contract;
  std::string path = t.path("contract");
  if (!policy_.remaining_period) {
    warn_once("remaining" + std::to_string(t.index), path, msg::remaining_period_not_in_policy{.notice = notice_name(policy_)}, "");
    return;
  }
  const RemainingPeriodRule& rule = *policy_.remaining_period;
  report_.interpretation(rule.rule, rule.interpretation);
  auto refuse = [&](const auto& why) { report_.warning(path, why, rule.rule); };
  if (rule.contract_signed_by && c.signed_on > *rule.contract_signed_by)
    return refuse(msg::remaining_period_not_met::signed_by{.date = format_date(*rule.contract_signed_by)});
  if (rule.min_contract_years && (!c.years || *c.years < *rule.min_contract_years))
    return refuse(msg::remaining_period_not_met::contract_years{.years = static_cast<int>(*rule.min_contract_years)});
  if (rule.requires_social_insurance && !c.social_insurance)
    return refuse(msg::remaining_period_not_met::social_insurance{});
  // 见习期满N个月: whole internship months served, counted from the start date.
  int whole_months = 0;
  for (const auto& m : served) whole_months += m.whole;
  if (whole_months < rule.min_served_months)
    return refuse(msg::remaining_period_not_met::served_months{.months = rule.min_served_months, .start = format_date(t.start)});
  std::set<int> served_months;
  for (const auto& m : served)
    if (m.counted) served_months.insert(m.index);
  auto agreed = months_in_post(rules_.calendar(), t.start, t.end, policy_.min_working_days, {});
  int paid = 0;
  const auto& cap = policy_.position.max_months;
  for (const auto& m : agreed) {
    if (!m.counted || served_months.count(m.index)) continue;
    if (rule.max_months && paid >= *rule.max_months) break;
    if (cap && static_cast<int>(served_months.size()) + paid >= *cap) break;
    if (policy_.position.flat()) {
      Fen amount = policy_.position.amounts.at(t.category);
      ++paid;
      Text period = period_text(m);
      add_line({t.index, m.month, "remaining_period", amount, {1, 1}, amount, rule.rule,
                {period.zh + "：见习期未满于 " + format_date(c.signed_on) + " 签订劳动合同，剩余期限第" +
                     std::to_string(paid) + "个月；每人每月 " + yuan_text(amount) + " 元",
                 period.en + ": labour contract signed " + format_date(c.signed_on) +
                     " before the period ended, remaining month " + std::to_string(paid) + "; " +
                     yuan_text(amount) + " yuan a month"},
                {}, {}});
      continue;
    }
    auto wage = wage_for(t, m);
    if (!wage) continue;
    ++paid;
    Text period = period_text(m);
    add_line({t.index, m.month, "remaining_period", wage->fen, rate, apply(wage->fen, rate), rule.rule,
              {period.zh + "：见习期未满于 " + format_date(c.signed_on) + " 签订劳动合同，剩余期限第" +
                   std::to_string(paid) + "个月；" + wage->source.zh + " " + yuan_text(wage->fen) +
                   " 元 × " + percent(rate),
               period.en + ": labour contract signed " + format_date(c.signed_on) +
                   " before the period ended, remaining month " + std::to_string(paid) + "; " +
                   wage->source.en + " " + yuan_text(wage->fen) + " yuan × " + percent(rate)},
              {}, {}});
  }
}

void Calculator::mentoring_line(const Trainee& t) {
  if (!policy_.mentoring || !t.kept_on()) return;
  const MentoringRule& rule = *policy_.mentoring;
  report_.interpretation(rule.rule, rule.interpretation);
  std::string path = t.path("contract");
  int reached = retention_.rate ? compare(*retention_.rate, rule.retention_at_least) : -1;
  if (reached < 0 || (reached == 0 && !rule.retention_inclusive)) {
    std::string share = percent(rule.retention_at_least);
    if (rule.retention_inclusive)
      warn_once("mentoring-rate", "/retention_rate", msg::mentoring_retention_too_low::inclusive{.share = share}, rule.rule);
    else
      warn_once("mentoring-rate", "/retention_rate", msg::mentoring_retention_too_low::exclusive{.share = share}, rule.rule);
    return;
  }
  if (!t.contract || !t.contract->years || *t.contract->years < rule.min_contract_years ||
      (rule.requires_social_insurance && !t.contract->social_insurance)) {
    report_.warning(path, msg::mentoring_contract_required{.years = static_cast<int>(rule.min_contract_years)}, rule.rule);
    return;
  }
  add_line({t.index, first_of_month(t.contract->signed_on), "mentoring", rule.amount, {1, 1},
            rule.amount, rule.rule,
            {"留用率 " + percent(*retention_.rate) + "，留用并签订劳动合同、缴纳社保，带教补贴每人 " +
                 yuan_text(rule.amount) + " 元",
             "retention " + percent(*retention_.rate) +
                 ", kept on with a labour contract and social insurance: mentoring bonus " +
                 yuan_text(rule.amount) + " yuan per person"},
            {}, {}});
}

void Calculator::social_insurance_lines(const Trainee& t, const std::vector<MonthInPost>& served) {
  if (!policy_.social_insurance || !t.flexible_insurance_monthly) return;
  const SocialInsuranceRule& rule = *policy_.social_insurance;
  report_.interpretation(rule.rule, rule.interpretation);
  int whole = 0;  // 见习期满N个月: whole internship months
  for (const auto& m : served) whole += m.whole;
  if (whole < rule.min_served_months) {
    report_.warning(t.path("flexible_insurance_monthly"), msg::social_insurance_too_short{.months = rule.min_served_months, .served = whole},
                    rule.rule);
    return;
  }
  int paid = 0;
  Fen base = *t.flexible_insurance_monthly;
  for (const auto& m : served) {
    if (!m.counted || paid >= rule.max_months) continue;
    ++paid;
    Text period = period_text(m);
    add_line({t.index, m.month, "social_insurance", base, rule.rate, apply(base, rule.rate), rule.rule,
              {period.zh + "：以灵活就业身份实际缴纳社会保险费 " + yuan_text(base) + " 元 × " + percent(rule.rate) + "（补贴给见习人员）",
               period.en + ": social insurance actually paid as a flexible worker " + yuan_text(base) +
                   " yuan × " + percent(rule.rate) + " (paid to the intern)"},
              {}, {}});
  }
}

void Calculator::set_aside_part_months(const Trainee& t, std::vector<MonthInPost>& served) {
  const UnknownProvision* rule = nullptr;
  for (const auto& u : policy_.unknown)
    if (u.item == "month_counting") rule = &u;
  for (auto& m : served) {
    if (m.whole || !m.counted) continue;
    m.counted = false;
    Text period = period_text(m);
    unknown_months_.push_back({{"item", "month_counting"}, {"rule", rule->rule}, {"trainee", t.index},
                               {"month", format_month(m.month)},
                               {"message", period.zh + " 不足1个月：" + rule->text.zh + " 未计入，也不视为0"},
                               {"message_en", period.en + " is a part month: " + rule->text.en +
                                                  " Not counted, and not taken as nothing."}});
  }
}

void Calculator::warn_about_period(const Trainee& t) {
  bool wholly_outside = t.end < policy_.effective_from || (policy_.effective_to && t.start > *policy_.effective_to);
  Text in_force{format_date(policy_.effective_from) + (policy_.effective_to ? " 至 " + format_date(*policy_.effective_to) : " 起"),
                format_date(policy_.effective_from) + (policy_.effective_to ? " to " + format_date(*policy_.effective_to) : " on")};
  Text notice = notice_name(policy_);
  if (wholly_outside)
    warn_once("effective", t.path("start"), msg::policy_outside_effective_period::wholly{.in_force = in_force, .notice = notice},
              policy_.id);
  else if (t.start < policy_.effective_from || (policy_.effective_to && t.end > *policy_.effective_to))
    warn_once("effective", t.path("start"), msg::policy_outside_effective_period::partly{.in_force = in_force, .notice = notice},
              policy_.id);
  if (t.insurance_premium && (!policy_.insurance || policy_.insurance->method != InsuranceMethod::actual_premium))
    warn_once("premium" + std::to_string(t.index), t.path("insurance_premium"),
              msg::insurance_premium_not_used{.notice = notice_name(policy_)},
              policy_.insurance ? policy_.insurance->rule : policy_.position.rule);
  if (policy_.eligibility.internship_months) {
    const auto& months = *policy_.eligibility.internship_months;
    // Both bounds of "一般为3-12个月": an agreed period of N months ends the day before
    // months_after(start, N).
    if (t.end < months_after(t.start, months.min) - boost::gregorian::days(1)) {
      std::string key = "short" + std::to_string(t.index);
      if (months.binding)
        warn_once(key, t.path("end"), msg::trainee_period_below_usual::binding{.max = months.max, .min = months.min}, months.rule);
      else
        warn_once(key, t.path("end"), msg::trainee_period_below_usual::usual{.max = months.max, .min = months.min}, months.rule);
    }
    if (t.end >= months_after(t.start, months.max))
      warn_once("long" + std::to_string(t.index), t.path("end"), msg::trainee_period_beyond_usual{.max = months.max, .min = months.min},
                months.rule);
  }
}

// hunan-2023 states no base rate: ask for it, unless retention reaches the stated
// raised rate, which then applies to every month.
void Calculator::unstated_rate_lines(const Trainee& t, const std::vector<MonthInPost>& served,
                                     bool forfeits) {
  auto retention = retention_for(t);
  auto raised = policy_.retention && retention ? retention_rate_for(*policy_.retention, *retention)
                                               : std::nullopt;
  if (!asked_rate_) {
    asked_rate_ = true;
    const Text& why = policy_.position.unstated;
    if (raised)
      report_.warning("/base_rate", msg::policy_rate_unstated::raised{.raised = percent(*raised), .why = why}, policy_.position.rule);
    else
      report_.error("/base_rate", msg::policy_rate_unstated::ask{.why = why}, policy_.position.rule);
  }
  if (raised && !forfeits) {
    report_.interpretation(policy_.retention->rule, policy_.retention->interpretation);
    position_lines(t, *raised, served);
  }
}

void Calculator::note_wage_basis(const Trainee& t) {
  Date last = last_day_in_post(t);
  if (!wages_.changes_within(t.start, last)) return;
  const Vocabulary& vocab = rules_.vocabulary();
  const Term* chosen = Vocabulary::find(vocab.wage_basis, request_.wage_basis);
  Text choices = Vocabulary::choices(vocab.wage_basis);
  report_.interpretation(
      policy_.position.rule,
      {"见习期内当地最低工资标准有调整。通知未说明按哪一标准计算，各地做法不同：本结果" + chosen->name.zh +
           "计算（“最低工资调整时的计算方式”可选 " + choices.zh + "）",
       "the local minimum wage changes during the internship. The notice does not say which figure "
       "applies and local practice differs: this result takes " + chosen->name.en +
           " (the wage basis can be " + choices.en + ")"});
}

void Calculator::add_trainee(const Trainee& t) {
  if (t.contract && t.contract->signed_on < t.start) {
    // Every notice pays for interns who are not employed, and its remaining-period
    // subsidy presumes an internship under way ("见习期未满…提前签订"): a labour
    // contract before the start is a hire, not an internship.
    report_.interpretation(policy_.position.rule,
                           {"见习人员须为未就业人员，“见习期未满提前签订劳动合同”也以见习已经开始为前提：见习开始前已签订劳动合同的，"
                            "视为直接录用，该人员不计任何见习补贴",
                            "interns must be not employed, and \"a contract signed before the period ends\" presumes an "
                            "internship under way: a labour contract signed before the start date is a hire, and no "
                            "internship subsidy is counted for that person"});
    report_.warning(t.path("contract/signed_on"),
                    msg::contract_before_start{.signed_on = format_date(t.contract->signed_on), .start = format_date(t.start)},
                    policy_.position.rule);
    return;
  }
  warn_about_period(t);
  note_wage_basis(t);
  Date last = last_day_in_post(t);
  insurance_line(t);
  bool forfeits = absence_forfeits(t);
  auto served = months_in_post(rules_.calendar(), t.start, last, policy_.min_working_days,
                               forfeits ? std::set<Date>{} : t.absent);
  if (policy_.month_counting_unknown) set_aside_part_months(t, served);
  cap_months(t, served);
  if (policy_.position.flat()) {
    auto amount = policy_.position.amounts.find(t.category);
    if (amount != policy_.position.amounts.end() && !forfeits) {
      flat_lines(t, amount->second, served);
      flat_retention_line(t, amount->second, served, last);
      remaining_lines(t, {1, 1}, served);
    }
    mentoring_line(t);
    social_insurance_lines(t, served);
    return;
  }
  auto rate = base_rate(t);
  if (!rate) {
    unstated_rate_lines(t, served, forfeits);
  } else if (!forfeits) {
    if (!policy_.position.rates.at(t.category) && policy_.retention) {
      auto top = policy_.retention->bands.back().rate;
      if (compare(*rate, top) > 0)
        warn_once("base-above", "/base_rate", msg::base_rate_above_raised{.raised = percent(top), .rate = percent(*rate)},
                  policy_.retention->rule);
    }
    rate_from_request_ = !policy_.position.rates.at(t.category);
    if (rate_from_request_)
      report_.interpretation(policy_.position.rule,
                             {"基础补贴标准按填写的基础补贴比例 " + percent(*rate) + " 计算",
                              "the base rate is the one given, " + percent(*rate)});
    position_lines(t, *rate, served);
    rate_from_request_ = false;
    mentoring_fee_lines(t, served);
    retention_lines(t, *rate, served, last);
    remaining_lines(t, *rate, served);
  }
  mentoring_line(t);
  social_insurance_lines(t, served);
}

Result line_json(const Line& l) {
  Result j;
  j["trainee"] = l.trainee;
  j["month"] = format_month(l.month);
  j["item"] = l.item;
  j["base"] = yuan_json(l.base);
  j["rate"] = rate_json(l.rate);
  j["amount"] = yuan_json(l.amount);
  j["rule"] = l.rule;
  j["note"] = l.note.zh;
  j["note_en"] = l.note.en;
  j["payee"] = l.payee;
  if (!l.months.empty()) {
    auto& months = j["months"] = Result::array();
    for (Date m : l.months) months.push_back(format_month(m));
  }
  return j;
}

void Calculator::run(Result& out) {
  compute_retention();
  report_.interpretation(policy_.month_counting.rule, policy_.month_counting.interpretation);
  // Each intern's lines are written out as soon as they are computed: a request of
  // 100,000 interns never holds a tree of its 600,000 lines (the result's bulk).
  Fen total = 0;
  std::map<std::string, Fen> by_item, by_payee;
  std::vector<std::uint8_t> lines_text{'['};
  std::string one;
  std::size_t written = 0;
  for (const Trainee& t : request_.trainees) {
    if (!t.usable || !admitted(t)) continue;
    add_trainee(t);
    std::stable_sort(lines_.begin(), lines_.end(), [](const Line& a, const Line& b) { return a.month < b.month; });
    for (const Line& l : lines_) {
      total += l.amount;
      by_item[l.item] += l.amount;
      by_payee[l.payee] += l.amount;
      one.clear();
      write_compact(line_json(l), one);
      if (lines_text.size() > 1) lines_text.push_back(',');
      lines_text.insert(lines_text.end(), one.begin(), one.end());
    }
    lines_.clear();
    if (++written == 1 && lines_text.size() > 1) {
      // Room for every intern at the first one's size: growing by copying would need
      // twice the result's memory, more than the browser's module has at 100k interns.
      std::size_t estimate = (lines_text.size() + 16) * request_.trainees.size();
      lines_text.reserve(estimate + estimate / 8);
    }
  }
  lines_text.push_back(']');
  report_.interpretation(policy_.position.rule, policy_.position.interpretation);
  out["policy"] = policy_.id;
  out["total"] = yuan_json(total);
  auto& items = out["by_item"] = Result::object();
  for (const Term& item : rules_.vocabulary().items)
    if (by_item.count(item.id)) items[item.id] = yuan_json(by_item[item.id]);
  auto& payees = out["by_payee"] = Result::object();
  for (const char* payee : {"unit", "trainee"})
    if (by_payee.count(payee)) payees[payee] = yuan_json(by_payee[payee]);
  Result retention;
  retention["rate"] = retention_.rate ? rate_json(*retention_.rate) : Result(nullptr);
  retention["source"] = retention_.from_request ? "request" : "trainees";
  retention["kept_on"] = retention_.kept_on;
  retention["completed"] = retention_.completed;
  if (!retention_.by_year.empty() && !retention_.from_request) {
    auto& years = retention["by_year"] = Result::object();
    for (const auto& [year, c] : retention_.by_year)
      years[std::to_string(year)] = {{"rate", c.rate() ? rate_json(*c.rate()) : Result(nullptr)},
                                     {"kept_on", c.kept_on}, {"completed", c.completed}};
  }
  out["retention"] = std::move(retention);
  out["lines"] = raw_json(std::move(lines_text));
  if (!policy_.unknown.empty()) {
    // What the notice is known to provide but whose text was not found: its own line each.
    Result unknown = std::move(unknown_months_);
    for (auto& u : unknown_provisions(policy_, "subsidy")) unknown.push_back(std::move(u));
    out["unknown"] = std::move(unknown);
  }
  out["min_wage_sources"] = wages_.sources();
  if (request_.place) out["place"] = wages_.place_json();
}

}  // namespace

void answer_subsidy(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  SubsidyRequest r = read_subsidy_request(rules.vocabulary(), f, report);
  Result choice;
  const Policy* policy = choose_policy(rules, f, report, earliest_start(r), &choice);
  if (!policy || report.is_malformed()) return;
  warn_if_partly_known(*policy, report);
  warn_if_past_evidence(*policy, latest_end(r), report);
  Calculator(rules, *policy, r, report).run(out);
  if (!choice.is_null()) out["policy_choice"] = std::move(choice);
}

}  // namespace jianxi
