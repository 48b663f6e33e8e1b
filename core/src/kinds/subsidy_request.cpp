#include "kinds/subsidy_request.h"

#include "kinds/engine_limits.h"
#include "model/term_check.h"

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
    if (positive)
      report.error(f.path(key), msg::money_out_of_range::positive{});
    else
      report.error(f.path(key), msg::money_out_of_range::not_negative{});
    return std::nullopt;
  }
  return fen;
}

std::optional<Rate> read_share(Fields& f, const std::string& key, Report& report, double max) {
  auto v = f.number(key);
  if (!v) return std::nullopt;
  if (!(*v >= 0 && *v <= max)) {
    report.error(f.path(key), msg::rate_out_of_range{.max = static_cast<int>(max)});
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
    if (known_term<msg::trainee_category_unknown>(vocab.categories, *c, f.path("category"), report))
      t.category = *c;
  }
  auto start = f.date("start", true);
  auto end = f.date("end", true);
  if (start && end) {
    t.start = *start;
    t.end = *end;
    if (*end < *start)
      report.error(f.path("end"), msg::trainee_end_before_start{});
    else if (*end > months_after(*start, 12 * kMaxPeriodYears))
      report.error(f.path("end"), msg::trainee_period_too_long{});
  }
  t.left_on = f.date("left_on");
  if (t.left_on && start && end && (*t.left_on < *start || *t.left_on > *end))
    report.error(f.path("left_on"), msg::trainee_left_on_outside{});
  if (const Json* days = f.array("absent_days")) {
    for (std::size_t i = 0; i < days->size(); ++i) {
      std::string p = f.path("absent_days") + "/" + std::to_string(i);
      const Json& d = (*days)[i];
      auto parsed = d.is_string() ? parse_date(d.get<std::string>()) : std::nullopt;
      if (!d.is_string())
        report.malformed(p, msg::request_type::expected{.type = msg::value_type::date_string{}.text()});
      else if (!parsed)
        report.error(p, msg::date_invalid::list_item{});
      else if (start && end && (*parsed < *start || *parsed > *end))
        report.warning(p, msg::absence_outside_period{});
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
      report.error(cf.path("years"), msg::contract_years_out_of_range{});
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
      report.error(f.path("city"), msg::place_conflict{});
    }
  }
  if (auto basis = f.text("wage_basis")) {
    if (known_term<msg::wage_basis_unknown>(vocab.wage_basis, *basis, f.path("wage_basis"), report))
      r.wage_basis = *basis;
  }
  if (auto tier = f.whole("wage_tier")) {
    if (*tier >= 1 && *tier <= 9) r.wage_tier = static_cast<int>(*tier);
    else
      report.error(f.path("wage_tier"), msg::wage_tier_out_of_range{});
  }
  r.retention_rate = read_share(f, "retention_rate", report, 1);
  r.retention_rate_given = f.get("retention_rate") != nullptr;
  r.base_rate = read_share(f, "base_rate", report, 2);
  r.model_unit = f.flag("model_unit").value_or(false);
  if (const Json* flags = f.array("region_flags")) {
    for (std::size_t i = 0; i < flags->size(); ++i) {
      std::string path = f.path("region_flags") + "/" + std::to_string(i);
      if (!(*flags)[i].is_string()) {
        report.malformed(path, msg::request_type::expected{.type = msg::value_type::string{}.text()});
        continue;
      }
      std::string flag = (*flags)[i].get<std::string>();
      if (known_term<msg::region_flag_unknown>(vocab.region_flags, flag, path, report))
        r.region_flags.push_back(flag);
    }
  }
  const Json* trainees = f.array("trainees", true);
  if (!trainees) return r;
  if (trainees->empty())
    report.error(f.path("trainees"), msg::trainees_empty{});
  if (trainees->size() > kMaxTrainees) {
    report.error(f.path("trainees"), msg::request_too_large::interns{.count = trainees->size()});
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
    report.error(f.path("trainees"), msg::request_too_large::months{.count = n, .limit = kMaxInternshipMonths});
    r.trainees.clear();
  }
  return r;
}

}  // namespace jianxi
