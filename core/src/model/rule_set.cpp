#include "model/rule_set.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "io/failure.h"
#include "model/form_rules.h"
#include "model/policy_reading.h"
#include "model/rule_reading.h"
#include "model/schema_check.h"

namespace jianxi {
namespace {

using json = nlohmann::ordered_json;

// Where a rule file sits: national data in rules/<folder>/, a province's in
// rules/provinces/<id>/ (province.json, minimum-wage.json, policies/, clauses/, notices/).
struct RulePlace {
  std::string folder;    // the schema's x-folders key
  std::string province;  // the province folder's id, or empty for national data
};

RulePlace place_of(const std::string& path) {
  auto first = path.find('/');
  std::string head = path.substr(0, first);
  if (head != "provinces" || first == std::string::npos) return {head, {}};
  auto second = path.find('/', first + 1);
  if (second == std::string::npos) return {head, {}};
  std::string province = path.substr(first + 1, second - first - 1);
  std::string rest = path.substr(second + 1);
  auto slash = rest.find('/');
  if (slash != std::string::npos) return {rest.substr(0, slash), province};
  auto dot = rest.rfind(".json");
  return {rest.substr(0, dot), province};
}

// A file in a province's folder speaks of that province only.
std::optional<std::string> province_named(const std::string& folder, const json& doc) {
  const char* key = folder == "province" ? "id" : (folder == "policies" || folder == "minimum-wage") ? "province" : nullptr;
  if (!key || !doc.is_object() || !doc.contains(key) || !doc[key].is_string()) return std::nullopt;
  return doc[key].get<std::string>();
}

// What a province's adjustment and a city's own adjustment share: when, how sure, from where.
WageAdjustment read_adjustment(const json& a) {
  WageAdjustment w;
  w.effective = date_of(a.at("effective"));
  w.date_confirmed = a.at("date_confirmed");
  w.date_note = text_of(a, "date_note");
  w.tiers_incomplete = a.value("tiers_incomplete", false);
  w.confidence = a.at("confidence");
  if (auto it = a.find("tier_confidence"); it != a.end())
    for (const auto& [tier, confidence] : it->items()) w.tier_confidence[std::stoi(tier)] = confidence;
  w.source = a.at("source");
  w.note = a.value("note", "");
  return w;
}

WageTable read_wages(const json& j) {
  WageTable t;
  t.province = j.at("province");
  t.province_zh = j.at("province_zh");
  for (const auto& a : j.at("adjustments")) {
    WageAdjustment w = read_adjustment(a);
    if (!a.at("tiers").is_null())
      for (const auto& [tier, yuan] : a["tiers"].items()) w.tiers[std::stoi(tier)] = fen_of(yuan);
    t.adjustments.push_back(std::move(w));
  }
  for (const auto& a : j.at("areas")) {
    WageAreas areas;
    areas.from = date_of(a.at("from"));
    for (const auto& p : a.at("places")) {
      AreaPlace place;
      if (p.at("code").is_string()) place.code = p["code"];
      place.name = p.value("name", "");
      if (auto also = p.find("also_written"); also != p.end())
        for (const auto& name : *also) place.also_written.push_back(name);
      place.urban = p.value("scope", "") == "urban";
      if (auto out = p.find("except"); out != p.end())
        for (const auto& code : *out) place.except.push_back(code);
      place.tier = p.at("tier");
      place.as_written = p.at("as_written");
      if (p.contains("carried_from")) place.carried_from = date_of(p["carried_from"]);
      place.confidence = p.value("confidence", "");
      areas.places.push_back(std::move(place));
    }
    areas.confidence = a.at("confidence");
    areas.source = a.at("source");
    areas.note = text_of(a, "note");
    t.areas.push_back(areas);
  }
  auto by_date = [](const auto& a, const auto& b) { return a.effective < b.effective; };
  for (const auto& c : j.value("cities", json::array())) {
    CityWages city;
    city.code = c.at("code");
    city.as_written = c.at("as_written");
    for (const auto& a : c.at("adjustments")) {
      WageAdjustment w = read_adjustment(a);
      w.tiers[1] = fen_of(a.at("amount"));
      city.adjustments.push_back(std::move(w));
    }
    std::stable_sort(city.adjustments.begin(), city.adjustments.end(), by_date);
    t.cities.push_back(std::move(city));
  }
  std::stable_sort(t.adjustments.begin(), t.adjustments.end(), by_date);
  std::stable_sort(t.areas.begin(), t.areas.end(),
                   [](const auto& a, const auto& b) { return a.from < b.from; });
  return t;
}

std::vector<Term> terms_of(const json& list) {
  std::vector<Term> out;
  for (const auto& t : list) out.push_back({t.at("id"), {t.at("zh"), t.at("en")}});
  return out;
}

Vocabulary read_vocabulary(const json& j) {
  Vocabulary v;
  v.categories = terms_of(j.at("categories"));
  v.education = terms_of(j.at("education"));
  v.region_flags = terms_of(j.at("region_flags"));
  v.items = terms_of(j.at("items"));
  v.wage_basis = terms_of(j.at("wage_basis"));
  if (j.contains("request_fields")) v.request_fields = terms_of(j["request_fields"]);
  return v;
}

// A policy may name only the categories, education levels and region flags of the vocabulary.
void check_vocabulary(const Vocabulary& v, const Policy& p, std::vector<Finding>& problems) {
  const std::string& file = p.file;
  if (!Vocabulary::find(v.provinces, p.province))
    problems.push_back(rule_problem(file, "/province", "no province manifest for " + p.province));
  auto need = [&](const std::vector<Term>& list, const std::string& id, const std::string& path) {
    if (!Vocabulary::find(list, id))
      problems.push_back(rule_problem(file, path, "\"" + id + "\" is not in vocabulary/terms.json"));
  };
  for (const auto& [category, rate] : p.position.rates)
    need(v.categories, category, "/subsidy/position/rates/" + category);
  for (const auto& [category, amount] : p.position.amounts)
    need(v.categories, category, "/subsidy/position/amounts/" + category);
  for (const auto& [education, category] : p.eligibility.education_category) {
    need(v.education, education, "/eligibility/graduate/education/" + education);
    need(v.categories, category, "/eligibility/graduate/education/" + education);
  }
  for (const auto& [category, rule] : p.eligibility.categories) {
    need(v.categories, category, "/eligibility/categories/" + category);
    for (const auto& flag : rule.region_flags)
      need(v.region_flags, flag, "/eligibility/categories/" + category + "/admitted/region_flags");
  }
}

// The schema's enums of vocabulary ids name exactly the vocabulary's ids, so that the
// names live in one place (rules/vocabulary/terms.json) and the schema cannot drift.
void check_schema_enums(const json& schema, const Vocabulary& v, std::vector<Finding>& problems) {
  const std::pair<const char*, const std::vector<Term>*> enums[] = {
      {"/$defs/category/enum", &v.categories},
      {"/$defs/eligibility/properties/categories/additionalProperties/properties/admitted/anyOf/1/properties/"
       "region_flags/items/enum",
       &v.region_flags}};
  for (const auto& [pointer, terms] : enums) {
    json::json_pointer at(pointer);
    if (!schema.contains(at)) {
      problems.push_back(rule_problem("schema.json", pointer, "missing: it lists the vocabulary's ids"));
      continue;
    }
    std::set<std::string> in_schema, in_vocabulary;
    for (const auto& id : schema.at(at)) in_schema.insert(id.get<std::string>());
    for (const Term& t : *terms) in_vocabulary.insert(t.id);
    if (in_schema != in_vocabulary)
      problems.push_back(rule_problem("schema.json", pointer, "differs from the ids in vocabulary/terms.json"));
  }
}

// Every clause id a rule file cites ("rule", "payment_rule", "sources": "<policy>#<section>")
// has its quoted clause in rules/clauses/.
void cited_ids(const json& v, const std::string& key, std::vector<std::pair<std::string, std::string>>& out,
               const std::string& path) {
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) cited_ids(child, k, out, path + "/" + k);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) cited_ids(v[i], key, out, path + "/" + std::to_string(i));
  } else if (v.is_string() && (key == "rule" || key == "sources" ||
                               (key.size() > 5 && key.compare(key.size() - 5, 5, "_rule") == 0))) {
    std::string id = v.get<std::string>();
    if (id.find('#') != std::string::npos && id.find('?') == std::string::npos) out.emplace_back(id, path);
  }
}

// The clauses of a province not loaded yet are not here: citations of its notices are
// checked where it is whole (natively, and by --check-rules at build time).
void check_clauses_cited(const std::map<std::string, json>& documents, const std::vector<Clause>& clauses,
                         const std::set<std::string>& absent_policies, std::vector<Finding>& problems) {
  std::set<std::string> quoted;
  for (const auto& c : clauses) quoted.insert(c.id);
  for (const auto& [file, doc] : documents) {
    if (place_of(file).folder == "clauses") continue;
    std::vector<std::pair<std::string, std::string>> ids;
    cited_ids(doc, "", ids, "");
    for (const auto& [id, path] : ids)
      if (!quoted.count(id) && !absent_policies.count(id.substr(0, id.find('#'))))
        problems.push_back(rule_problem(file, path, "clause " + id + " is not quoted in rules/clauses/"));
  }
}

// A copied entry names an earlier list that was found (not itself copied) and gives the
// same place the same tier.
bool carried_entry_found(const WageTable& table, const WageAreas& areas, const AreaPlace& place) {
  for (const WageAreas& origin : table.areas) {
    if (origin.from != *place.carried_from || !(origin.from < areas.from)) continue;
    for (const AreaPlace& p : origin.places)
      if (p.code == place.code && p.name == place.name && p.urban == place.urban)
        return p.tier == place.tier && !p.carried_from;
  }
  return false;
}

// Every place of a wage table names a division of the table's province, or is named alone;
// a 市区 entry takes out only its own districts; a copied entry matches the list it is
// copied from.
void check_wage_places(const Divisions& divisions, const std::map<std::string, ProvinceManifest>& manifests,
                       std::map<std::string, WageTable>& tables, std::vector<Finding>& problems) {
  for (auto& [province, table] : tables) {
    const std::string& file = table.file;
    // The manifest's division code; by name only where there is no manifest (reported apart).
    auto manifest = manifests.find(province);
    for (const Division* p : divisions.provinces())
      if (manifest != manifests.end() ? p->code == manifest->second.division
                                      : p->name.compare(0, table.province_zh.size(), table.province_zh) == 0)
        table.province_code = p->code;
    if (table.province_code.empty()) {
      problems.push_back(rule_problem(file, "/province", "the province's division code is not a province of the divisions"));
      continue;
    }
    for (std::size_t i = 0; i < table.areas.size(); ++i)
      for (std::size_t k = 0; k < table.areas[i].places.size(); ++k) {
        const AreaPlace& place = table.areas[i].places[k];
        std::string path = "/areas/" + std::to_string(i) + "/places/" + std::to_string(k);
        const Division* d = place.code.empty() ? nullptr : divisions.by_code(place.code);
        if (place.code.empty() ? place.name.empty()
                               : !d || d->province_code() != table.province_code ||
                                     (place.urban && !d->is_prefecture()))
          problems.push_back(rule_problem(file, path, "not a division of the province: " + place.as_written));
        for (std::size_t e = 0; e < place.except.size(); ++e) {
          const Division* out = divisions.by_code(place.except[e]);
          if (!place.urban || !out || !out->is_urban() || out->prefecture_code() != place.code)
            problems.push_back(rule_problem(file, path + "/except/" + std::to_string(e),
                                            "not a district of " + place.as_written + ": " + place.except[e]));
        }
        if (place.carried_from && !carried_entry_found(table, table.areas[i], place))
          problems.push_back(rule_problem(file, path + "/carried_from",
                                          "no earlier list of that date gives " + place.as_written + " this tier"));
      }
  }
}

// FNV-1a over paths and texts, in order.
std::string content_hash(const std::vector<RuleText>& texts) {
  std::uint64_t hash = 1469598103934665603ull;
  for (const auto& t : texts)
    for (const std::string* part : {&t.path, &t.text})
      for (unsigned char c : *part) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace

// Each choice as the value a request writes, with its name: college（高校（大专及以上））.
Text Vocabulary::choices(const std::vector<Term>& list) {
  Text t;
  for (std::size_t i = 0; i < list.size(); ++i) {
    t.zh += (i ? "、" : "") + list[i].id + "（" + list[i].name.zh + "）";
    t.en += (i == 0 ? "" : i + 1 == list.size() ? " or " : ", ") + list[i].id + " (" + list[i].name.en + ")";
  }
  return t;
}

Text Vocabulary::names(const std::vector<Term>& list, const std::vector<std::string>& ids) {
  Text t;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Term* term = find(list, ids[i]);
    t.zh += (i ? "、" : "") + (term ? term->name.zh : ids[i]);
    t.en += (i == 0 ? "" : i + 1 == ids.size() ? " or " : ", ") + (term ? term->name.en : ids[i]);
  }
  return t;
}

std::unique_ptr<RuleSet> RuleSet::load(const std::vector<RuleText>& texts, const RuleDelivery& delivery) {
  auto set = std::make_unique<RuleSet>();
  set->absent_ = delivery.absent;
  json schema;
  for (const auto& t : texts)
    if (t.path == "schema.json") schema = json::parse(t.text, nullptr, false);
  if (!schema.is_object() || !schema.contains("x-folders") || !schema.contains("$defs")) {
    set->problems_.push_back(rule_problem("schema.json", "", "missing or not a schema"));
    return set;
  }
  // Without the check (texts checked at build time) the schema only maps folders to definitions.
  std::optional<SchemaChecker> checker;
  if (!delivery.checked_at_build) checker.emplace(schema);
  if (checker)
    for (const auto& p : checker->unsupported_keywords())
      set->problems_.push_back(rule_problem("schema.json", p.path, p.reason));
  if (!delivery.version.empty()) set->version_ = delivery.version;
  // The embedded copy may be shortened; its version is the hash of the files as written.
  else if (&texts == &embedded_rules() && *embedded_rules_version()) set->version_ = embedded_rules_version();
  else set->version_ = content_hash(texts);
  bool have_calendar = false;
  std::vector<Term> province_terms;  // from the provinces' manifests
  std::vector<std::pair<std::string, json>> renamed;  // read after the table they point into
  for (const auto& t : texts) {
    if (t.path == "schema.json") continue;
    json doc = json::parse(t.text, nullptr, false);
    if (doc.is_discarded()) {
      set->problems_.push_back(rule_problem(t.path, "", "not valid JSON"));
      continue;
    }
    RulePlace place = place_of(t.path);
    const std::string& folder = place.folder;
    const json& folders = schema["x-folders"];
    if (!folders.contains(folder)) {
      set->problems_.push_back(rule_problem(t.path, "", "no schema definition for folder " + folder));
      continue;
    }
    std::string def = folders[folder];
    auto found = checker ? checker->check(doc, def) : std::vector<SchemaProblem>();
    for (const auto& p : found) set->problems_.push_back(rule_problem(t.path, p.path, p.reason));
    if (!found.empty()) continue;
    if (!place.province.empty()) {
      auto named = province_named(folder, doc);
      if (named && *named != place.province) {
        set->problems_.push_back(rule_problem(t.path, "", "names province " + *named + " inside the folder of " + place.province));
        continue;
      }
    }
    catching(
        [&] {
          if (def == "policy") {
            // A notice of a province not loaded yet is its head: the index holds no more of it.
            set->policies_.push_back(set->absent_.count(place.province) ? read_policy_head(doc) : read_policy(doc));
            set->policies_.back().file = t.path;
          } else if (def == "province_manifest") {
            ProvinceManifest m{doc.at("id"), {doc.at("name").at("zh"), doc.at("name").at("en")}, doc.at("division")};
            province_terms.push_back({m.id, m.name});
            set->provinces_[m.id] = std::move(m);
          } else if (def == "minimum_wage") {
            WageTable w = read_wages(doc);
            w.file = t.path;
            set->wages_[w.province] = std::move(w);
          } else if (def == "divisions") {
            if (doc.contains("renamed")) renamed.emplace_back(t.path, std::move(doc));
            else set->divisions_.read_table(doc);
            return;  // a division table is read, not kept as a document
          } else if (def == "clauses") {
            for (const auto& c : doc.at("clauses"))
              set->clauses_.push_back({c.at("id"), c.at("heading"), c.at("text"), c.at("text_en")});
          } else if (def == "vocabulary") {
            set->vocabulary_ = read_vocabulary(doc);
          } else if (def == "finding_codes") {
            for (const auto& c : doc.at("findings"))
              set->finding_codes_.push_back({c.at("code"), {c.at("zh"), c.at("en")}, c.at("kinds")});
            for (const auto& c : doc.value("reasons", json::array()))
              set->reason_codes_.push_back({c.at("code"), {c.at("zh"), c.at("en")}, {"eligibility"}});
            for (const auto& c : doc.value("texts", json::array()))
              set->text_codes_.push_back({c.at("code"), {c.at("zh"), c.at("en")}, {}});
          } else if (def == "calendar") {
            set->calendar_ = Calendar(doc);
            have_calendar = true;
          }
          set->documents_[t.path] = std::move(doc);
        },
        [&](const char* what) { set->problems_.push_back(rule_problem(t.path, "", what)); });
  }
  if (!have_calendar) set->problems_.push_back(rule_problem("calendar/", "", "no calendar file"));
  // A former name of a province not loaded yet points into divisions still to come.
  std::set<std::string> absent_prefixes;
  for (const auto& [id, m] : set->provinces_)
    if (set->absent_.count(id)) absent_prefixes.insert(m.division.substr(0, 2));
  for (const auto& [path, doc] : renamed)
    for (const auto& code : set->divisions_.read_renamed(doc))
      if (!absent_prefixes.count(code.substr(0, 2)))
        set->problems_.push_back(rule_problem(path, "", "code " + code + " is not in the division table"));
  for (const auto& [id, m] : set->provinces_) set->divisions_.name_province(m.division, m.name.zh);
  set->divisions_.finish();
  check_wage_places(set->divisions_, set->provinces_, set->wages_, set->problems_);
  for (Term& t : province_terms) set->vocabulary_.provinces.push_back(std::move(t));
  std::sort(set->vocabulary_.provinces.begin(), set->vocabulary_.provinces.end(),
            [](const Term& a, const Term& b) { return a.id < b.id; });
  if (set->vocabulary_.categories.empty())
    set->problems_.push_back(rule_problem("vocabulary/", "", "no vocabulary file"));
  else {
    for (const Policy& p : set->policies_) check_vocabulary(set->vocabulary_, p, set->problems_);
    for (const auto& [province, table] : set->wages_)
      if (!Vocabulary::find(set->vocabulary_.provinces, province))
        set->problems_.push_back(rule_problem(table.file, "/province", "no province manifest for " + province));
    if (checker) check_schema_enums(schema, set->vocabulary_, set->problems_);
  }
  std::sort(set->policies_.begin(), set->policies_.end(),
            [](const Policy& a, const Policy& b) { return a.id < b.id; });
  std::set<std::string> absent_policies;
  for (const Policy& p : set->policies_)
    if (set->absent_.count(p.province)) absent_policies.insert(p.id);
  if (!delivery.checked_at_build) check_clauses_cited(set->documents_, set->clauses_, absent_policies, set->problems_);
  set->forms_ = read_form_rules(set->documents_, set->policies_, set->problems_);
  return set;
}

const Policy* RuleSet::policy(const std::string& id) const {
  for (const auto& p : policies_)
    if (p.id == id) return &p;
  return nullptr;
}

bool RuleSet::has_notices_of(const std::string& province) const {
  return std::any_of(policies_.begin(), policies_.end(), [&](const Policy& p) { return p.province == province; });
}

std::vector<const Clause*> RuleSet::clauses_of(const std::string& policy) const {
  std::vector<const Clause*> out;
  for (const auto& c : clauses_)
    if (c.id.compare(0, policy.size() + 1, policy + "#") == 0) out.push_back(&c);
  return out;
}

const WageTable* RuleSet::wage_table(const std::string& province) const {
  auto it = wages_.find(province);
  return it == wages_.end() ? nullptr : &it->second;
}

}  // namespace jianxi
