// One intern at a time: who is admitted, which items apply, and the answer written as it
// goes.
#include "kinds/subsidy/calculator.h"

#include <algorithm>

#include "io/json_writer.h"

namespace jianxi::subsidy {
namespace {

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

}  // namespace

const Trainee* earliest_trainee(const SubsidyRequest& r) {
  const Trainee* earliest = nullptr;
  for (const auto& t : r.trainees)
    if (t.usable && (!earliest || t.start < earliest->start)) earliest = &t;
  return earliest;
}

std::optional<Date> earliest_start(const SubsidyRequest& r) {
  const Trainee* earliest = earliest_trainee(r);
  return earliest ? std::optional(earliest->start) : std::nullopt;
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

Calculator::Admission Calculator::admission(const std::string& category, Date start) const {
  auto it = policy_.eligibility.categories.find(category);
  if (it == policy_.eligibility.categories.end() || !it->second.admitted) return Admission::category;
  const CategoryRule& c = it->second;
  if (c.admitted_from && start < *c.admitted_from) return Admission::not_yet;
  if (c.region_flags.empty()) return Admission::admitted;
  for (const auto& f : request_.region_flags)
    if (std::find(c.region_flags.begin(), c.region_flags.end(), f) != c.region_flags.end()) return Admission::admitted;
  return Admission::region;
}

// A graduate group the notice leaves out may still come in as unemployed youth (江西
// admits 16-24-year-olds out of work whatever their schooling): the employer is told so.
void Calculator::say_youth_route(const Trainee& t) {
  const EligibilityRules& e = policy_.eligibility;
  if (t.category == "unemployed_youth" || admission("unemployed_youth", t.start) != Admission::admitted) return;
  const CategoryRule& route = e.categories.at("unemployed_youth");
  if (!route.only_education.empty() &&
      std::none_of(route.only_education.begin(), route.only_education.end(), [&](const std::string& education) {
        auto mapped = e.education_category.find(education);
        return mapped != e.education_category.end() && mapped->second == t.category;
      }))
    return;
  if (route.min_age && route.max_age && route.requires_registration)
    report_.warning(t.path("category"),
                    msg::trainee_youth_route_open::registered{.max = *route.max_age, .min = *route.min_age, .notice = notice_name(policy_)},
                    route.rule);
  else if (route.min_age && route.max_age)
    report_.warning(t.path("category"),
                    msg::trainee_youth_route_open::ages{.max = *route.max_age, .min = *route.min_age, .notice = notice_name(policy_)},
                    route.rule);
  else
    report_.warning(t.path("category"), msg::trainee_youth_route_open::plain{.notice = notice_name(policy_)}, route.rule);
}

bool Calculator::admitted(const Trainee& t) {
  Admission why_not = admission(t.category, t.start);
  auto it = policy_.eligibility.categories.find(t.category);
  const CategoryRule* c = it == policy_.eligibility.categories.end() ? nullptr : &it->second;
  if (why_not == Admission::admitted) {
    if (!c->region_flags.empty()) report_.interpretation(c->rule, c->interpretation);  // the areas' discretion, read as used
    return true;
  }
  const Vocabulary& vocab = rules_.vocabulary();
  Text category = Vocabulary::names(vocab.categories, {t.category});
  switch (why_not) {
    case Admission::category: {
      std::string rule = c ? c->rule : policy_.position.rule;
      if (!c || c->note.zh.empty())
        report_.warning(t.path("category"), msg::trainee_category_not_admitted::plain{.category = category, .notice = notice_name(policy_)},
                        rule);
      else
        report_.warning(t.path("category"),
                        msg::trainee_category_not_admitted::with_reason{.category = category, .notice = notice_name(policy_), .reason = c->note},
                        rule);
      say_youth_route(t);
      break;
    }
    case Admission::not_yet:
      report_.warning(t.path("start"),
                      msg::trainee_category_not_admitted::not_yet{.category = category, .from = format_date(*c->admitted_from),
                                                                   .notice = notice_name(policy_), .start = format_date(t.start)},
                      c->rule);
      break;
    case Admission::region:
      report_.warning(t.path("category"),
                      msg::trainee_category_region_only{.areas = Vocabulary::names(vocab.region_flags, c->region_flags), .category = category},
                      c->rule);
      break;
    case Admission::admitted: break;
  }
  return false;
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
  Text not_counted;
  for (Date d : t.absent) {
    if (!cal.is_working_day(d)) {
      append_listed(not_counted, {format_date(d), format_date(d)});
      continue;
    }
    ++total;
    bool continues = previous && cal.next_working_day(*previous + boost::gregorian::days(1)) == d;
    run = continues ? run + 1 : 1;
    longest = std::max(longest, run);
    previous = d;
  }
  if (!not_counted.zh.empty()) report_.warning(t.path("absent_days"), msg::absence_day_not_counted{.days = not_counted}, rule.rule);
  if (longest < rule.max_consecutive && total < rule.max_total) return false;
  // The limit reached is named alone: ten scattered days are not "1 in a row".
  if (longest >= rule.max_consecutive)
    report_.warning(t.path("absent_days"),
                    msg::absence_limit_reached::in_a_row{.longest = longest, .max_consecutive = rule.max_consecutive}, rule.rule);
  else
    report_.warning(t.path("absent_days"), msg::absence_limit_reached::in_all{.max_total = rule.max_total, .total = total},
                    rule.rule);
  report_.interpretation(rule.rule, rule.interpretation);
  return true;
}

void Calculator::add_trainee(const Trainee& t) {
  if (t.contract && t.contract->signed_on < t.start) {
    // Every notice pays for interns who are not employed, and its remaining-period
    // subsidy presumes an internship under way ("见习期未满…提前签订"): a labour
    // contract before the start is a hire, not an internship.
    report_.interpretation(policy_.position.rule, msg::note_contract_before_start{}.text());
    report_.warning(t.path("contract/signed_on"),
                    msg::contract_before_start{.signed_on = format_date(t.contract->signed_on), .start = format_date(t.start)},
                    policy_.position.rule);
    return;
  }
  if (!check_period(t)) return;
  note_wage_basis(t);
  Date last = last_day_in_post(t);
  insurance_line(t);
  bool forfeits = absence_forfeits(t);
  auto served = months_in_post(rules_.calendar(), t.start, last, policy_.part_month,
                               forfeits ? std::set<Date>{} : t.absent);
  if (policy_.month_counting_unknown) set_aside_part_months(t, served);
  cap_months(t, served);
  if (policy_.position.flat()) {
    auto amount = policy_.position.amounts.find(t.category);
    if (amount != policy_.position.amounts.end() && !forfeits) {
      flat_lines(t, "position", policy_.position, amount->second, served);
      flat_retention_line(t, amount->second, served, last);
      remaining_lines(t, Rate{1, 1}, served);
    }
    mentoring_line(t);
    monthly_insurance_lines(t, served);
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
    // A rate the user gave does not rest on the restatement the notice's caveat speaks of.
    RateFrom from = policy_.position.rates.at(t.category) ? RateFrom::notice : RateFrom::request;
    if (from == RateFrom::request)
      report_.interpretation(policy_.position.rule, msg::note_base_rate_given{.rate = percent(*rate)}.text());
    position_lines(t, *rate, from, served);
    mentoring_fee_lines(t, served);
    retention_lines(t, *rate, served, last);
    remaining_lines(t, *rate, served);
  }
  mentoring_line(t);
  monthly_insurance_lines(t, served);
  social_insurance_lines(t, served);
}

void Calculator::run(Result& out) {
  compute_retention();
  // The readings explain the months of some intern; not a refusal of all of them.
  bool some_counted =
      std::any_of(request_.trainees.begin(), request_.trainees.end(), [](const Trainee& t) { return t.usable; });
  if (some_counted) report_.interpretation(policy_.month_counting.rule, policy_.month_counting.interpretation);
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
  if (some_counted) report_.interpretation(policy_.position.rule, policy_.position.interpretation);
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
  retention["source"] = retention_.from_request || retention_of_previous_year() ? "request" : "trainees";
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
    // How long an internship may last bounds the months subsidised: not found, it is said.
    for (auto& u : unknown_provisions(policy_, "eligibility", "internship_months")) unknown.push_back(std::move(u));
    out["unknown"] = std::move(unknown);
  }
  out["min_wage_sources"] = wages_.sources();
  if (request_.place) out["place"] = wages_.place_json();
}

}  // namespace jianxi::subsidy
