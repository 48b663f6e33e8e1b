#include "subsidy_request.h"

#include "engine_limits.h"
#include "term_check.h"

namespace jianxi {
namespace {

constexpr std::size_t kMaxTrainees = limits::kInterns;
constexpr long long kMaxInternshipMonths = limits::kInternshipMonths;
constexpr int kMaxPeriodYears = 10;  // an engine bound, not a policy figure

std::optional<Fen> read_money(Fields& f, const std::string& key, Report& report,
                              bool positive) {
  auto v = f.number(key);
  if (!v) return std::nullopt;
  auto fen = fen_from_yuan(*v);
  if (!fen || *fen < 0 || (positive && *fen == 0) || *fen > 100000000) {
    report.error(f.path(key), "money.out_of_range",
                 positive ? "金额应大于0且不超过100万元" : "金额应不小于0且不超过100万元",
                 positive ? "the amount must be above 0 and at most 1,000,000 yuan"
                          : "the amount must be 0 or more and at most 1,000,000 yuan");
    return std::nullopt;
  }
  return fen;
}

std::optional<Rate> read_share(Fields& f, const std::string& key, Report& report, double max) {
  auto v = f.number(key);
  if (!v) return std::nullopt;
  if (!(*v >= 0 && *v <= max)) {
    report.error(f.path(key), "rate.out_of_range",
                 "比例应在 0 到 " + std::to_string(static_cast<int>(max)) + " 之间（如 0.6 表示60%）",
                 "the share must be between 0 and " + std::to_string(static_cast<int>(max)) +
                     " (0.6 means 60%)");
    return std::nullopt;
  }
  return rate_from_number(*v);
}

Trainee read_trainee(const Vocabulary& vocab, const Json& j, std::size_t index, Report& report) {
  Trainee t;
  t.index = index;
  Fields f(j, "/trainees/" + std::to_string(index), report);
  std::size_t errors_before = report.error_count();
  if (!f.ok()) {
    t.usable = false;
    return t;
  }
  if (auto c = f.text("category", true)) {
    if (known_term(vocab.categories, *c, f.path("category"), "trainee.category_unknown",
                   {"人员类别", "category"}, report))
      t.category = *c;
  }
  auto start = f.date("start", true);
  auto end = f.date("end", true);
  if (start && end) {
    t.start = *start;
    t.end = *end;
    if (*end < *start)
      report.error(f.path("end"), "trainee.end_before_start", "见习结束日期早于开始日期",
                   "the end date is before the start date");
    else if (*end > months_after(*start, 12 * kMaxPeriodYears))
      report.error(f.path("end"), "trainee.period_too_long", "见习期超过10年，请检查日期",
                   "the internship is longer than 10 years; check the dates");
  }
  t.left_on = f.date("left_on");
  if (t.left_on && start && end && (*t.left_on < *start || *t.left_on > *end))
    report.error(f.path("left_on"), "trainee.left_on_outside", "离岗日期不在见习期内",
                 "the leaving date is outside the internship period");
  if (const Json* days = f.array("absent_days")) {
    for (std::size_t i = 0; i < days->size(); ++i) {
      std::string p = f.path("absent_days") + "/" + std::to_string(i);
      const Json& d = (*days)[i];
      auto parsed = d.is_string() ? parse_date(d.get<std::string>()) : std::nullopt;
      if (!d.is_string())
        report.malformed(p, "request.type", "此处应为日期字符串", "a date string expected here");
      else if (!parsed)
        report.error(p, "date.invalid", "不是存在的日期（格式 YYYY-MM-DD）",
                     "not a date that exists (format YYYY-MM-DD)");
      else if (start && end && (*parsed < *start || *parsed > *end))
        report.warning(p, "absence.outside_period", "缺勤日期不在见习期内，已忽略",
                       "the absence is outside the internship period and is ignored");
      else
        t.absent.insert(*parsed);
    }
  }
  t.retained = f.flag("retained").value_or(false);
  if (const Json* c = f.object("contract")) {
    Fields cf(*c, f.path("contract"), report);
    auto signed_on = cf.date("signed_on", true);
    Contract contract;
    contract.years = cf.number("years");
    if (contract.years && !(*contract.years > 0 && *contract.years <= 50)) {
      report.error(cf.path("years"), "contract.years_out_of_range", "合同年限应大于0",
                   "the contract length must be above 0 years");
      contract.years.reset();
    }
    contract.social_insurance = cf.flag("social_insurance").value_or(false);
    if (signed_on) {
      contract.signed_on = *signed_on;
      t.contract = contract;
    }
  }
  t.insurance_premium = read_money(f, "insurance_premium", report, false);
  t.flexible_insurance_monthly = read_money(f, "flexible_insurance_monthly", report, false);
  t.monthly_pay = read_money(f, "monthly_pay", report, false);
  t.usable = report.error_count() == errors_before;
  return t;
}

}  // namespace

SubsidyRequest read_subsidy_request(const Vocabulary& vocab, Fields& f, Report& report) {
  SubsidyRequest r;
  r.min_wage = read_money(f, "min_wage", report, true);
  r.place = f.text("place");
  r.place_path = f.path("place");
  if (auto city = f.text("city")) {
    if (!r.place) {
      r.place = city;
      r.place_path = f.path("city");
    } else if (*city != *r.place) {
      report.error(f.path("city"), "place.conflict", "place 与 city 不一致，请只填写 place",
                   "place and city differ; give place only");
    }
  }
  if (auto basis = f.text("wage_basis")) {
    if (known_term(vocab.wage_basis, *basis, f.path("wage_basis"), "wage_basis.unknown",
                   {"最低工资取数方式", "wage_basis"}, report))
      r.wage_basis = *basis;
  }
  if (auto tier = f.whole("wage_tier")) {
    if (*tier >= 1 && *tier <= 9) r.wage_tier = static_cast<int>(*tier);
    else
      report.error(f.path("wage_tier"), "wage_tier.out_of_range", "最低工资地区类别应为1至9",
                   "the wage tier must be 1 to 9");
  }
  r.retention_rate = read_share(f, "retention_rate", report, 1);
  r.base_rate = read_share(f, "base_rate", report, 2);
  r.model_unit = f.flag("model_unit").value_or(false);
  if (const Json* flags = f.array("region_flags")) {
    for (std::size_t i = 0; i < flags->size(); ++i) {
      std::string path = f.path("region_flags") + "/" + std::to_string(i);
      if (!(*flags)[i].is_string()) {
        report.malformed(path, "request.type", "此处应为字符串", "a string expected here");
        continue;
      }
      std::string flag = (*flags)[i].get<std::string>();
      if (known_term(vocab.region_flags, flag, path, "region_flag.unknown", {"地区类型", "area type"}, report))
        r.region_flags.push_back(flag);
    }
  }
  const Json* trainees = f.array("trainees", true);
  if (!trainees) return r;
  if (trainees->empty())
    report.error(f.path("trainees"), "trainees.empty", "请至少填写一名见习人员",
                 "add at least one intern");
  if (trainees->size() > kMaxTrainees) {
    std::string n = std::to_string(trainees->size());
    report.error(f.path("trainees"), "request.too_large",
                 "一次最多估算 100000 名见习人员（本请求 " + n + " 名），请分批提交",
                 "at most 100,000 interns per request (this one has " + n + "); split it");
    return r;
  }
  r.trainees.reserve(trainees->size());
  for (std::size_t i = 0; i < trainees->size(); ++i)
    r.trainees.push_back(read_trainee(vocab, (*trainees)[i], i, report));
  // The answer lists about one line per intern and month: bound the months so that the
  // answer fits where the core runs (the browser's module has 1 GB).
  long long months = 0;
  for (const Trainee& t : r.trainees)
    if (t.usable && t.end >= t.start)
      months += (t.end.year() - t.start.year()) * 12 + (t.end.month() - t.start.month()) + 1;
  if (months > kMaxInternshipMonths) {
    std::string n = std::to_string(months);
    report.error(f.path("trainees"), "request.too_large",
                 "一次最多估算合计 " + std::to_string(kMaxInternshipMonths) + " 个见习月（本请求 " + n +
                     " 个），请分批提交",
                 "at most " + std::to_string(kMaxInternshipMonths) + " internship months per request (this one has " +
                     n + "); split it");
    r.trainees.clear();
  }
  return r;
}

}  // namespace jianxi
