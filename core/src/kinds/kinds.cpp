#include "kinds/kinds.h"

#include <algorithm>

#include "values/edit_distance.h"
#include "values/links.h"

namespace jianxi {

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"catalog", answer_catalog},
      {"policies", answer_policies},
      {"subsidy", answer_subsidy},
      {"eligibility", answer_eligibility},
      {"summary_table", answer_summary_table},
      {"allocation_table", answer_allocation_table},
      {"unit_application", answer_unit_application},
  };
  return table;
}

const std::vector<std::string>& figures_of(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> table = {
      {"subsidy", {"total", "by_item", "by_payee", "lines", "retention", "min_wage_sources"}},
      {"eligibility", {"eligible", "category", "age", "reasons"}},
      {"allocation_table", {"sums"}},
  };
  static const std::vector<std::string> none;
  auto it = table.find(kind);
  return it == table.end() ? none : it->second;
}

namespace {

// An unknown policy id, with the notices whose ids are a slip away (jiangxi2023, jilin-2021).
void report_unknown_policy(const RuleSet& rules, const std::string& id, const std::string& path, Report& report) {
  auto written = characters(id.substr(0, 40));
  // The ids nearest to what was written, within a quarter of its length (at least 2 edits).
  std::size_t closest = std::max<std::size_t>(2, written.size() / 4);
  std::vector<std::size_t> distance;
  for (const auto& p : rules.policies()) {
    distance.push_back(edit_distance(written, characters(p.id)));
    closest = std::min(closest, distance.back());
  }
  Text near;
  for (std::size_t i = 0; i < rules.policies().size(); ++i) {
    const Policy& p = rules.policies()[i];
    if (distance[i] > closest) continue;
    Text name = notice_name(p);
    Text named{name.zh + "（" + p.id + "）", name.en + " (" + p.id + ")"};
    near = near.empty() ? named : msg::notice_or{.first = near, .second = named}.text();
  }
  if (near.empty()) report.error(path, msg::policy_unknown::none{.policy = id});
  else report.error(path, msg::policy_unknown::near{.near = near, .policy = id});
}

}  // namespace

const Policy* choose_policy(const RuleSet& rules, Fields& request, Report& report,
                            std::optional<Date> fallback_date, Result* choice, const std::string& fallback_path) {
  if (auto id = request.text("policy")) {
    if (const Policy* p = rules.policy(*id)) {
      // Both given and naming different provinces: the notice decides, and the answer says so.
      const Json* given = request.get("province");
      const Term* named = given && given->is_string() && *given != p->province
                              ? Vocabulary::find(rules.vocabulary().provinces, given->get<std::string>())
                              : nullptr;
      if (named) {
        report.warning(request.path("province"),
                       msg::policy_province_mismatch{.notice = notice_name(*p),
                                                     .notice_province = rules.vocabulary().province(p->province, p->province_zh),
                                                     .province = named->name});
      }
      return p;
    }
    report_unknown_policy(rules, *id, request.path("policy"), report);
    return nullptr;
  }
  auto province = request.text("province");
  if (!province) {
    if (request.ok())
      report.error(request.path("policy"), msg::policy_missing{});
    return nullptr;
  }
  auto as_of = request.date("as_of");
  // The date the choice rests on: the request's as_of, else where the fallback came from.
  std::string date_path = as_of || fallback_path.empty() ? request.path("as_of") : fallback_path;
  if (!as_of) as_of = fallback_date;
  if (!as_of) {
    report.error(request.path("as_of"), msg::field_required::date_for_notice{});
    return nullptr;
  }
  std::string province_zh = *province;
  std::vector<const Policy*> in_force;
  for (const auto& p : rules.policies()) {
    if (p.province != *province) continue;
    province_zh = p.province_zh;
    if (p.in_force_on(*as_of)) in_force.push_back(&p);
  }
  // A city's notice answers for places inside its scope; elsewhere it is not a candidate.
  const Division* place = nullptr;
  const WageTable* wages = rules.wage_table(*province);
  bool city_notice = std::any_of(in_force.begin(), in_force.end(), [](const Policy* p) { return !p->scope.empty(); });
  for (const char* key : {"place", "city"})
    if (const Json* text = request.get(key); city_notice && text && text->is_string() && !place)
      place = rules.divisions().resolve(text->get<std::string>(), wages ? wages->province_code : "", false).division;
  std::vector<const Policy*> scoped, province_wide;
  for (const Policy* p : in_force) {
    if (p->scope.empty()) province_wide.push_back(p);
    else if (place && p->covers(place->code)) scoped.push_back(p);
  }
  if (!scoped.empty()) {
    const Policy* chosen = scoped.front();
    for (const Policy* p : scoped)
      if (p->effective_from > chosen->effective_from) chosen = p;
    std::string place_name = rules.divisions().full_name(*place);
    msg::policy_city_notice city{.notice = notice_name(*chosen),
                                 .place = Text{place_name, rules.divisions().full_name_en(*place)},
                                 .scope = chosen->scope_note};
    Text why = city.text();
    report.warning(request.path("province"), city);
    if (choice) {
      Result also = Result::array();
      for (const Policy* p : in_force)
        if (p != chosen && (p->scope.empty() || p->covers(place->code))) also.push_back(p->id);
      *choice = {{"used", chosen->id}, {"also_in_force", std::move(also)}, {"message", why.zh}, {"message_en", why.en}};
    }
    return chosen;
  }
  in_force = province_wide;
  if (!in_force.empty()) {
    // A notice that says it is preferred over another in force is taken; else the latest.
    const Policy* chosen = in_force.front();
    const RelatedPolicy* preferred = nullptr;
    for (const Policy* p : in_force)
      if (p->effective_from > chosen->effective_from) chosen = p;
    for (const Policy* p : in_force)
      for (const RelatedPolicy& r : p->related)
        if (r.prefer && std::any_of(in_force.begin(), in_force.end(),
                                    [&](const Policy* q) { return q->id == r.policy; })) {
          chosen = p;
          preferred = &r;
        }
    if (in_force.size() > 1) {
      Text others;
      Result also = Result::array();
      for (const Policy* p : in_force)
        if (p != chosen) {
          append_listed(others, notice_name(*p), "; ");
          also.push_back(p->id);
        }
      Text why = preferred ? preferred->note
                           : msg::notice_chosen_latest{.from = format_date(chosen->effective_from)}.text();
      // One plain line; why this notice was taken is the finding's detail.
      report.caveat(request.path("province"),
                    msg::policy_several_in_force{
                        .date = format_date(*as_of), .notice = notice_name(*chosen), .others = others},
                    why);
      if (choice)
        *choice = {{"used", chosen->id}, {"also_in_force", std::move(also)},
                   {"message", why.zh}, {"message_en", why.en}};
    }
    return chosen;
  }
  if (!rules.has_notices_of(*province))
    report.error(request.path("province"), msg::province_unknown::no_rules{.province = *province});
  else {
    // Name the notice that ended last before the date, so the person knows why.
    const Policy* ended = nullptr;
    for (const auto& p : rules.policies())
      if (p.province == *province && p.effective_to && *p.effective_to < *as_of &&
          (!ended || *p.effective_to > *ended->effective_to))
        ended = &p;
    // Or the first notice known, when the date is before every notice of the province.
    const Policy* first = nullptr;
    for (const auto& p : rules.policies())
      if (p.province == *province && p.scope.empty() && p.effective_from > *as_of &&
          (!first || p.effective_from < first->effective_from))
        first = &p;
    Text province_name = rules.vocabulary().province(*province, province_zh);
    std::string date = format_date(*as_of);
    if (ended && ended->effective_to_confirmed)
      report.error(date_path,
                   msg::policy_none_in_force::after_ended{
                       .date = date, .ended = format_date(*ended->effective_to), .notice = notice_name(*ended), .province = province_name});
    else if (ended)
      report.error(date_path,
                   msg::policy_none_in_force::after_ended_unconfirmed{
                       .date = date, .ended = format_date(*ended->effective_to), .notice = notice_name(*ended), .province = province_name});
    else if (first && first->effective_from_confirmed)
      report.error(date_path,
                   msg::policy_none_in_force::before_first{
                       .date = date, .from = format_date(first->effective_from), .notice = notice_name(*first), .province = province_name});
    else if (first)
      report.error(date_path,
                   msg::policy_none_in_force::before_first_unconfirmed{
                       .date = date, .from = format_date(first->effective_from), .notice = notice_name(*first), .province = province_name});
    else
      report.error(date_path, msg::policy_none_in_force::none{.date = date, .province = province_name});
  }
  return nullptr;
}

Text notice_name(const Policy& p) {
  Text title{p.title, p.title_en};
  if (!p.document) return msg::notice_name::titled{.title = title}.text();
  return msg::notice_name::numbered{.document = *p.document, .title = title}.text();
}

Text period_in_force(const Policy& p) {
  if (p.effective_to)
    return msg::note_in_force::until{.from = format_date(p.effective_from), .to = format_date(*p.effective_to)}.text();
  return msg::note_in_force::open{.from = format_date(p.effective_from)}.text();
}

Result unknown_provisions(const Policy& policy, const std::string& section, const std::string& item) {
  Result unknown = Result::array();
  for (const UnknownProvision& u : policy.unknown)
    if (u.section == section && (item.empty() || u.item == item))
      unknown.push_back({{"item", u.item}, {"rule", u.rule}, {"message", u.text.zh}, {"message_en", u.text.en}});
  return unknown;
}

void warn_if_partly_known(const Policy& policy, Report& report) {
  if (policy.effective_from_confirmed) return;
  Text notice = notice_name(policy);
  std::string from = format_date(policy.effective_from);
  report.caveat("/policy", msg::policy_start_unconfirmed{.date = from, .notice = notice}, policy.effective_note);
}

// The addresses a source record cites, in brackets after a note.
static Text cited_in_brackets(const std::string& record) {
  Text links = links_text(record);
  return links.empty() ? Text{} : msg::source_links_bracketed{.links = links}.text();
}

void warn_if_past_evidence(const Policy& policy, std::optional<Date> last_day, Report& report) {
  // A notice that states its own end answers for its period on its own words; outside it
  // the answer already says so (policy.outside_effective_period). Evidence of a day
  // answers for its year: notices and plans run by the year, and a caveat on every
  // answer from the week after a notice's issue would be noise.
  if (!policy.latest_evidence || !last_day || last_day->year() <= policy.latest_evidence->date.year() ||
      policy.effective_to)
    return;
  const Evidence& ev = *policy.latest_evidence;
  Text notice = notice_name(policy);
  std::string seen = format_date(ev.date);
  report.caveat("/policy", msg::policy_past_latest_evidence{.date = seen, .notice = notice},
                msg::notice_evidence{.note = ev.note, .source = cited_in_brackets(ev.source)}.text());
}

void say_national_basis(const Policy& policy, Report& report) {
  const EligibilityRules& e = policy.eligibility;
  if (!e.national_basis) return;
  report.warning("/policy", msg::eligibility_national_basis{.note = *e.national_basis}, e.national_basis_rule);
}

}  // namespace jianxi
