// kind "catalog": what a page or a client needs to build its forms, read from the rules.
// By default a small index (the kinds, the provinces with how many notices each has and how
// much of them is known, the limits, the version); the rest only when named in "sections"
// (the notices by title, 文号 and dates, the vocabulary, a notice's provisions and channel,
// clauses, summary templates, the application form, the finding codes), so that a small
// request gets a small answer however many notices the rules hold. "policy" narrows to one
// notice (then its provisions and clauses by default), "province" to the province's notices
// (listed by default), and with "as_of" adds its places with their wage tier and figure.
#include <algorithm>
#include <iterator>
#include <set>

#include "io/echo.h"
#include "model/form_rules.h"
#include "kinds/kinds.h"
#include "kinds/engine_limits.h"
#include "model/min_wage.h"
#include "kinds/provisions.h"

namespace jianxi {
namespace {

Result terms_json(const std::vector<Term>& list) {
  auto out = Result::array();
  for (const Term& t : list) out.push_back({{"id", t.id}, {"name", t.name.zh}, {"name_en", t.name.en}});
  return out;
}

Result summary_templates_json(const FormRules& forms) {
  auto out = Result::array();
  for (const auto& [id, t] : forms.summary_templates) {
    Result j;
    j["id"] = id;
    j["title"] = t.title.zh;
    j["title_en"] = t.title.en;
    j["sources"] = t.sources;
    j["money_decimals"] = t.money_decimals;
    auto& indicators = j["indicators"] = Result::array();
    for (const Indicator& i : t.indicators)
      indicators.push_back({{"number", i.number}, {"key", i.key}, {"name", i.name.zh}, {"name_en", i.name.en},
                            {"type", i.money ? "money" : "count"}, {"year_to_date", i.year_to_date}});
    j["relations_printed"] = t.relations_printed;
    j["units"] = t.units.zh;
    j["units_en"] = t.units.en;
    if (!t.layout.is_null()) j["layout"] = t.layout;
    auto& relations = j["relations"] = Result::array();
    for (const Relation& r : t.relations) relations.push_back({{"printed", r.printed}, {"sides", r.sides}});
    out.push_back(std::move(j));
  }
  return out;
}

const char* format_name(FieldFormat f) {
  switch (f) {
    case FieldFormat::credit_code: return "credit_code";
    case FieldFormat::phone: return "phone";
    case FieldFormat::count: return "count";
    case FieldFormat::long_text: return "long_text";
    default: return "text";
  }
}

Result forms_json(const FormRules& forms, const std::string& only_policy) {
  auto out = Result::array();
  for (const auto& [id, form] : forms.application_forms) {
    Result j;
    j["id"] = id;
    j["title"] = form.title.zh;
    j["title_en"] = form.title.en;
    j["rule"] = form.rule;
    auto& sections = j["sections"] = Result::array();
    for (const FormSection& s : form.sections) {
      Result sj{{"key", s.key}, {"label", s.label.zh}, {"label_en", s.label.en}, {"list", s.list},
                {"required", s.required}, {"min_items", s.min_items}, {"rule", s.rule}};
      auto& fields = sj["fields"] = Result::array();
      for (const FormField& f : s.fields) {
        Result fj{{"key", f.key}, {"label", f.label.zh}, {"label_en", f.label.en},
                  {"format", format_name(f.format)}, {"required", f.required}};
        if (f.min) fj["min"] = *f.min;
        if (!f.rule.empty()) fj["rule"] = f.rule;
        fields.push_back(std::move(fj));
      }
      sections.push_back(std::move(sj));
    }
    auto& declarations = j["declarations"] = Result::array();
    for (const auto& [key, text] : form.declarations)
      declarations.push_back({{"key", key}, {"label", text.zh}, {"label_en", text.en}});
    if (!form.report.is_null()) j["report"] = form.report;
    auto& by_policy = j["policies"] = Result::object();
    for (const auto& [policy, rules] : forms.application_by_policy) {
      if (rules.form_id != id || (!only_policy.empty() && policy != only_policy)) continue;
      Result pj;
      pj["rule"] = rules.rule;
      auto& conditions = pj["declarations_required"] = Result::array();
      for (const Condition& c : rules.conditions) conditions.push_back({{"key", c.key}, {"rule", c.rule}});
      auto& forbidden = pj["forbidden_requirements"] = Result::array();
      for (const ForbiddenRequirement& f : rules.forbidden)
        forbidden.push_back({{"kind", f.kind}, {"label", f.label.zh}, {"label_en", f.label.en}, {"rule", f.rule}});
      by_policy[policy] = std::move(pj);
    }
    out.push_back(std::move(j));
  }
  return out;
}

Result clauses_json(const RuleSet& rules, const std::string& policy) {
  auto out = Result::array();
  for (const Clause* c : rules.clauses_of(policy))
    out.push_back({{"id", c->id}, {"heading", c->heading}, {"text", c->text}, {"text_en", c->text_en}});
  return out;
}

// The less certain of two confidences (high, medium, low).
const std::string& less_certain(const std::string& a, const std::string& b) {
  auto rank = [](const std::string& c) { return c == "high" ? 2 : c == "medium" ? 1 : 0; };
  return rank(b) < rank(a) ? b : a;
}

// A place's monthly figure on `day` for its tier, with the adjustment it comes from
// (null and "missing" where the table has no figure). Its confidence is the figure's or
// the area list's that gave the tier, whichever is lower: a high figure on a tier from a
// carried list is not a high answer for the place.
void add_wage(Result& j, const WageTable& table, Date day, const std::optional<TierOf>& tier,
              const WageAreas* areas) {
  const WageAdjustment* adj = adjustment_on(table, day);
  auto figure = adj && tier ? adj->tiers.find(tier->tier) : std::map<int, Fen>::const_iterator{};
  bool known = adj && tier && figure != adj->tiers.end();
  j["min_wage"] = known ? yuan_json(figure->second) : Result(nullptr);
  if (!adj) return;
  j["effective"] = format_date(adj->effective);
  if (!known) {
    j["confidence"] = "missing";
    return;
  }
  const std::string& area_confidence = tier->entry->confidence.empty() ? areas->confidence : tier->entry->confidence;
  j["confidence"] = less_certain(adj->confidence_of(tier->tier), area_confidence);
}

// A place of a city with its own minimum wage (深圳): the city's figure on `day`, no tier.
void add_city_wage(Result& j, const CityWages& city, Date day) {
  const WageAdjustment* adj = adjustment_on(city, day);
  j["tier"] = nullptr;
  j["as_written"] = city.as_written;
  j["min_wage"] = adj ? yuan_json(adj->tiers.at(1)) : Result(nullptr);
  if (!adj) return;
  j["effective"] = format_date(adj->effective);
  j["confidence"] = adj->confidence_of(1);
}

// One place of the picker: its tier and figure on `day`, or why there is none.
Result place_json(const RuleSet& rules, const WageTable& table, const WageAreas* areas, Date day,
                  const Division& d) {
  Result j;
  j["code"] = d.code;
  j["name"] = d.name;
  j["full_name"] = rules.divisions().full_name(d);
  if (!d.name_en.empty()) {
    j["name_en"] = d.name_en;
    j["full_name_en"] = rules.divisions().full_name_en(d);
  }
  j["level"] = d.is_prefecture() ? "prefecture" : "county";
  if (d.is_county()) j["parent"] = d.prefecture_code();
  if (d.zone) j["zone"] = true;
  if (const CityWages* city = own_city_of(table, d)) {
    add_city_wage(j, *city, day);
    return j;
  }
  std::optional<TierOf> tier;
  auto in_place = [&](const WageAreas& a) { return tier_of_division(a, rules.divisions(), d); };
  if (areas) tier = in_place(*areas);
  if (tier && !carried_tier_stands(table, *areas, *tier, day, in_place)) tier.reset();
  j["tier"] = tier ? Result(tier->tier) : Result(nullptr);
  if (tier) j["as_written"] = tier->entry->as_written;
  add_wage(j, table, day, tier, areas);
  return j;
}

Result places_json(const RuleSet& rules, const WageTable& table, Date day) {
  auto out = Result::array();
  const WageAreas* areas = areas_on(table, day);
  // Divisions in code order: each prefecture, then its counties.
  for (const Division* prefecture : rules.divisions().prefectures_of(table.province_code)) {
    out.push_back(place_json(rules, table, areas, day, *prefecture));
    for (const Division* county : rules.divisions().children(*prefecture))
      out.push_back(place_json(rules, table, areas, day, *county));
  }
  if (areas)
    for (const AreaPlace& named : areas->places)
      if (named.code.empty()) {
        auto in_named = [&](const WageAreas& a) { return tier_of_named(a, named.name); };
        bool stands = carried_tier_stands(table, *areas, TierOf{named.tier, &named}, day, in_named);
        Result j{{"code", nullptr}, {"name", named.name}, {"full_name", table.province_zh + named.name},
                 {"level", "named_area"}, {"tier", stands ? Result(named.tier) : Result(nullptr)},
                 {"as_written", named.as_written}};
        add_wage(j, table, day, stands ? std::optional<TierOf>(TierOf{named.tier, &named}) : std::nullopt, areas);
        out.push_back(std::move(j));
      }
  return out;
}

// How much of a notice is known: national (no notice of the province was found: the
// national documents stand in), complete (no provision listed as not found, eligibility
// from its own text), named (only the notice is known: who may intern rests on the
// national documents and no rate or amount is stated), else partial.
const char* known_of(const Policy& p) {
  if (p.national_only) return "national";
  bool national = p.eligibility.national_basis.has_value();
  if (p.unknown.empty() && !national) return "complete";
  bool figure = p.position.flat();
  for (const auto& [category, rate] : p.position.rates) figure = figure || rate.has_value();
  return figure || !national ? "partial" : "named";
}

// A notice's identity and dates, in the order every listing writes them: `brief` for the
// policies kind (id, province, title, 文号, issue and effective dates, as the contract lists
// them: small enough for 80 notices within 1,000 times its 19-byte request), `named` for
// the catalog's index (also the province's and the title's other names, and whether the
// start is confirmed, without the issue date), `whole` both.
enum class Naming { brief, named, whole };

Result policy_identity(const Policy& p, Naming naming) {
  Result j;
  j["id"] = p.id;
  j["province"] = p.province;
  if (naming != Naming::brief) j["province_zh"] = p.province_zh;
  j["title"] = p.title;
  if (naming != Naming::brief) j["title_en"] = p.title_en;
  j["document"] = p.document ? Result(*p.document) : Result(nullptr);
  if (naming != Naming::named) j["issued"] = p.issued ? Result(format_date(*p.issued)) : Result(nullptr);
  j["effective_from"] = format_date(p.effective_from);
  j["effective_to"] = p.effective_to ? Result(format_date(*p.effective_to)) : Result(nullptr);
  if (naming != Naming::brief && !p.effective_from_confirmed) j["effective_from_confirmed"] = false;
  return j;
}

// Known levels from the most to the least of a notice found.
const char* const kKnownLevels[] = {"complete", "partial", "named", "national"};

// A province as the index lists it: its names and code, how many notices the rules hold
// and the most known of any of them ("none" without a notice).
Result province_json(const RuleSet& rules, const std::string& id, const ProvinceManifest& m) {
  int notices = 0;
  std::size_t best = std::size(kKnownLevels);
  for (const Policy& p : rules.policies()) {
    if (p.province != id) continue;
    ++notices;
    std::string level = known_of(p);
    for (std::size_t i = 0; i < best; ++i)
      if (level == kKnownLevels[i]) best = i;
  }
  return {{"id", id}, {"name", m.name.zh}, {"name_en", m.name.en}, {"code", m.division},
          {"known", best < std::size(kKnownLevels) ? kKnownLevels[best] : "none"}, {"notices", notices}};
}

// The sections a catalog answers only when asked (request field "sections").
const std::vector<std::string>& section_names() {
  static const std::vector<std::string> names = {"policies", "vocabulary", "provisions", "clauses", "templates", "forms", "findings", "messages"};
  return names;
}

// The sections the request names, or the default (a notice's own sections when it names
// one); nullopt when the list is malformed or names an unknown section.
std::optional<std::set<std::string>> sections_asked(Fields& f, Report& report, bool one_policy) {
  std::set<std::string> out;
  const Json* list = f.array("sections");
  if (!list) {
    if (!f.ok() || report.has_errors()) return std::nullopt;
    if (one_policy) out = {"provisions", "clauses"};
    return out;
  }
  std::string known;
  for (const std::string& n : section_names()) known += (known.empty() ? "" : ", ") + n;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = f.path("sections") + "/" + std::to_string(i);
    const Json& name = (*list)[i];
    if (!name.is_string()) {
      report.malformed(path, msg::request_type::expected{.type = msg::value_type::section_name{}.text()});
      return std::nullopt;
    }
    const auto& names = section_names();
    if (std::find(names.begin(), names.end(), name.get<std::string>()) == names.end()) {
      report.error(path, msg::catalog_section_unknown{.known = known, .section = echoed(name.get<std::string>())});
      return std::nullopt;
    }
    out.insert(name.get<std::string>());
  }
  return out;
}

}  // namespace

Result policy_brief_json(const Policy& p) {
  Result j = policy_identity(p, Naming::brief);
  j["known"] = known_of(p);
  return j;
}

Result policy_head_json(const Policy& p) {
  Result j = policy_identity(p, Naming::named);
  j["known"] = known_of(p);
  return j;
}

// A city's notice names the divisions it answers for, so that a page can ask for the
// place only where it chooses the notice.
static void add_scope(Result& j, const Policy& p, const Divisions& divisions) {
  if (p.scope.empty()) return;
  auto& scope = j["scope"] = Result::array();
  for (std::size_t i = 0; i < p.scope.size(); ++i) {
    const std::string& code = p.scope[i];
    Text name{code, code};
    if (const Division* d = divisions.by_code(code)) name = {divisions.full_name(*d), divisions.full_name_en(*d)};
    else if (i < p.scope_names.size()) name = p.scope_names[i];
    scope.push_back({{"code", code}, {"name", name.zh}, {"name_en", name.en}});
  }
}

static Result zh_en(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

// In the rule file's shape (rules/schema.json $defs/channel).
static Result channel_json(const Channel& c) {
  Result j;
  j["rule"] = c.rule;
  auto& zones = j["zones"] = Result::array();
  for (const ApplicationZone& z : c.zones) {
    Result zone;
    zone["name"] = zh_en(z.name);
    zone["url"] = z.url ? Result(*z.url) : Result(nullptr);
    if (!z.note.empty()) zone["note"] = zh_en(z.note);
    if (!z.rule.empty()) zone["rule"] = z.rule;
    zones.push_back(std::move(zone));
  }
  j["where"] = zh_en(c.where);
  auto& documents = j["documents"] = Result::array();
  for (const Text& d : c.documents) documents.push_back(zh_en(d));
  if (!c.documents_note.empty()) j["documents_note"] = zh_en(c.documents_note);
  return j;
}

Result policy_json(const Policy& p) {
  Result j = policy_identity(p, Naming::whole);
  if (!p.effective_note.empty())
    j["effective_note"] = {{"message", p.effective_note.zh}, {"message_en", p.effective_note.en}};
  if (!p.unknown.empty()) {
    auto& unknown = j["unknown"] = Result::array();
    for (const UnknownProvision& u : p.unknown)
      unknown.push_back({{"item", u.item}, {"rule", u.rule}, {"message", u.text.zh}, {"message_en", u.text.en}});
  }
  if (p.channel) j["channel"] = channel_json(*p.channel);
  if (p.national_only) j["national_only"] = true;
  if (!p.related.empty()) {
    auto& related = j["related"] = Result::array();
    for (const RelatedPolicy& r : p.related)
      related.push_back({{"policy", r.policy}, {"relation", r.relation}, {"message", r.note.zh}, {"message_en", r.note.en}});
  }
  return j;
}

void answer_catalog(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  auto policy_id = f.text("policy");
  auto province = f.text("province");
  auto as_of = f.date("as_of");
  if (!f.ok() || report.has_errors()) return;
  auto sections = sections_asked(f, report, policy_id.has_value());
  if (!sections) return;
  auto asked = [&](const char* name) { return sections->count(name) > 0; };
  const Policy* policy = nullptr;
  if (policy_id) {
    policy = rules.policy(*policy_id);
    if (!policy) {
      choose_policy(rules, f, report);
      return;
    }
  }
  if (asked("clauses") && !policy) {
    f.missing("policy");
    return;
  }
  // Every notice's provisions at once would be an answer growing with the rules, far
  // beyond its request: they come one notice or one province at a time.
  if (asked("provisions") && !policy && !province) {
    report.error(f.path("province"), msg::field_required::notice_for_provisions{});
    return;
  }
  const WageTable* table = nullptr;
  if (province) {
    table = rules.wage_table(*province);
    if (!table) {
      std::string known;
      for (const auto& [id, m] : rules.provinces()) known += (known.empty() ? "" : ", ") + id;
      report.error(f.path("province"), msg::province_unknown::with_choices{.known = known, .province = *province});
      return;
    }
  }
  out["rules_version"] = rules.version();
  out["limits"] = {{"request_bytes", limits::kRequestBytes}, {"nesting", limits::kNesting},
                   {"object_members", limits::kObjectMembers},
                   {"interns", limits::kInterns}, {"internship_months", limits::kInternshipMonths},
                   {"findings_listed", limits::kFindingsListed}, {"answer_bytes", limits::kAnswerBytes},
                   {"catalog_bytes_per_batch", limits::kCatalogBytesPerBatch}, {"echoed_chars", limits::kEchoedChars},
                   {"finding_text_bytes", limits::kFindingTextBytes}, {"place_chars", limits::kPlaceChars}};
  out["sections"] = section_names();
  auto& kinds = out["kinds"] = Result::array();
  for (const auto& [kind, handler] : handlers()) kinds.push_back(kind);
  if (policy || province || asked("policies") || asked("provisions")) {
    auto& policies = out["policies"] = Result::array();
    for (const Policy& p : rules.policies()) {
      if ((policy && &p != policy) || (province && p.province != *province)) continue;
      if (!asked("provisions")) {
        policies.push_back(policy_head_json(p));
        add_scope(policies.back(), p, rules.divisions());
        continue;
      }
      Result j = policy_json(p);
      add_scope(j, p, rules.divisions());
      j["known"] = known_of(p);
      j["provisions"] = provisions_json(p, rules.forms());
      policies.push_back(std::move(j));
    }
  }
  if (asked("vocabulary")) {
    const Vocabulary& v = rules.vocabulary();
    out["categories"] = terms_json(v.categories);
    out["education"] = terms_json(v.education);
    out["region_flags"] = terms_json(v.region_flags);
    out["items"] = terms_json(v.items);
    out["wage_basis"] = terms_json(v.wage_basis);
    out["request_fields"] = terms_json(v.request_fields);
  }
  if (asked("templates")) out["templates"] = summary_templates_json(rules.forms());
  if (asked("forms")) out["forms"] = forms_json(rules.forms(), policy ? policy->id : "");
  if (asked("findings")) {
    auto& findings = out["findings"] = Result::array();
    for (const FindingCode& c : rules.finding_codes())
      findings.push_back({{"code", c.code}, {"message", c.text.zh}, {"message_en", c.text.en}, {"kinds", c.kinds}});
    auto& reasons = out["reasons"] = Result::array();
    for (const FindingCode& c : rules.reason_codes())
      reasons.push_back({{"code", c.code}, {"message", c.text.zh}, {"message_en", c.text.en}});
    auto& texts = out["texts"] = Result::array();
    for (const FindingCode& c : rules.text_codes())
      texts.push_back({{"code", c.code}, {"message", c.text.zh}, {"message_en", c.text.en}});
  }
  if (asked("messages")) out["messages"] = message_templates_json();
  auto& provinces = out["provinces"] = Result::array();
  // From the manifests, so that a province whose rules are not loaded yet is listed too.
  for (const auto& [id, m] : rules.provinces()) provinces.push_back(province_json(rules, id, m));
  out["divisions_dataset"] = rules.divisions().dataset();
  if (asked("clauses")) out["clauses"] = clauses_json(rules, policy->id);
  if (table && as_of) {
    out["as_of"] = format_date(*as_of);
    out["places"] = places_json(rules, *table, *as_of);
  }
}

}  // namespace jianxi
