#include "model/min_wage.h"

#include "io/echo.h"
#include "kinds/engine_limits.h"
#include "io/json_writer.h"
#include "values/links.h"

#include <algorithm>

namespace jianxi {

// The addresses a source record cites, after a note: the research trail itself stays in
// the rules and in the result's wage sources.
static Text cited(const std::string& record) {
  Text links = links_text(record);
  return links.empty() ? Text{} : msg::source_links{.links = links}.text();
}

// A wage table's research note goes to the detail in its own language only: most are
// English notes of the sources read, which a Chinese reader's detail leaves out.
static Text research_note(const std::string& note) {
  if (note.empty()) return {};
  std::size_t han = 0, chars = 0;
  for (std::size_t i = 0; i < note.size(); ++chars) {
    const unsigned char lead = static_cast<unsigned char>(note[i]);
    const std::size_t width = std::max<std::size_t>(1, utf8_sequence_length(note, i));
    if (width == 3 && lead >= 0xE4 && lead <= 0xE9) ++han;  // U+4E00–U+9FFF
    i += width;
  }
  bool chinese = han * 4 > chars;
  return {chinese ? "；" + note : "", chinese ? "" : "; " + note};
}
namespace {

const AreaPlace* entry_for(const WageAreas& areas, const std::string& code, bool urban) {
  for (const auto& p : areas.places)
    if (p.code == code && p.urban == urban) return &p;
  return nullptr;
}

std::string strip_full_stop(std::string s) {
  const std::string full_stop = "。";
  if (s.size() >= full_stop.size() && s.compare(s.size() - full_stop.size(), full_stop.size(), full_stop) == 0)
    s.resize(s.size() - full_stop.size());
  return s;
}

// What a figure's caveat says below its line: why its start date is not confirmed, where
// the table says so in both languages, else its research note.
static Text caveat_note(const WageAdjustment& adj) {
  if (!adj.date_confirmed && !adj.date_note.zh.empty())
    return {"；" + strip_full_stop(adj.date_note.zh), adj.date_note.en.empty() ? "" : "; " + adj.date_note.en};
  return research_note(adj.note);
}

}  // namespace

std::optional<TierOf> tier_of_county(const WageAreas& areas, const Division& county) {
  const AreaPlace* e = entry_for(areas, county.code, false);
  if (!e && county.is_urban()) {
    const AreaPlace* urban = entry_for(areas, county.prefecture_code(), true);
    if (urban && std::find(urban->except.begin(), urban->except.end(), county.code) == urban->except.end()) e = urban;
  }
  if (!e) e = entry_for(areas, county.prefecture_code(), false);
  if (!e) e = entry_for(areas, county.province_code(), false);
  if (!e) return std::nullopt;
  return TierOf{e->tier, e};
}

std::optional<TierOf> tier_of_prefecture(const WageAreas& areas, const Divisions& divisions,
                                         const Division& prefecture) {
  const AreaPlace* e = entry_for(areas, prefecture.code, true);
  if (!e) e = entry_for(areas, prefecture.code, false);
  if (e) return TierOf{e->tier, e};
  // Its districts (市区) by the tier most of them share (the lower tier on a tie); a
  // prefecture without districts only when all its counties share one.
  std::map<int, std::pair<int, const AreaPlace*>> urban;
  std::optional<TierOf> any;
  bool any_differ = false;
  for (const Division* child : divisions.children(prefecture)) {
    if (child->zone) continue;
    auto t = tier_of_county(areas, *child);
    if (!t) return std::nullopt;
    if (any && any->tier != t->tier) any_differ = true;
    if (!any) any = t;
    if (!child->is_urban()) continue;
    auto& [count, entry] = urban[t->tier];
    if (count++ == 0) entry = t->entry;
  }
  if (!urban.empty()) {
    auto best = urban.begin();
    for (auto it = urban.begin(); it != urban.end(); ++it)
      if (it->second.first > best->second.first) best = it;
    return TierOf{best->first, best->second.second};
  }
  return any_differ ? std::nullopt : any;
}

const WageAreas* areas_on(const WageTable& table, Date day) {
  const WageAreas* found = nullptr;
  for (const auto& a : table.areas)
    if (a.from <= day) found = &a;
  return found;
}

static const WageAdjustment* latest_by(const std::vector<WageAdjustment>& adjustments, Date day) {
  const WageAdjustment* found = nullptr;
  for (const auto& a : adjustments)
    if (a.effective <= day) found = &a;
  return found;
}

const WageAdjustment* adjustment_on(const WageTable& table, Date day) { return latest_by(table.adjustments, day); }

const WageAdjustment* adjustment_on(const CityWages& city, Date day) { return latest_by(city.adjustments, day); }

const CityWages* own_city_of(const WageTable& table, const Division& division) {
  for (const auto& city : table.cities)
    if (city.code == division.code || city.code == division.prefecture_code()) return &city;
  return nullptr;
}

std::optional<TierOf> tier_of_division(const WageAreas& areas, const Divisions& divisions,
                                       const Division& division) {
  return division.is_county() ? tier_of_county(areas, division) : tier_of_prefecture(areas, divisions, division);
}

std::optional<TierOf> tier_of_named(const WageAreas& areas, const std::string& name) {
  for (const auto& p : areas.places)
    if (p.code.empty() && p.name == name) return TierOf{p.tier, &p};
  return std::nullopt;
}

int tier_count(const WageAdjustment* adjustment) {
  return adjustment && !adjustment->tiers.empty() ? adjustment->tiers.rbegin()->first : 0;
}

namespace {

bool same_tier_count_since(const WageTable& table, Date origin, Date day) {
  int count = tier_count(adjustment_on(table, origin));
  if (count == 0) return false;
  for (const auto& a : table.adjustments)
    if (a.effective > origin && a.effective <= day && !a.tiers_incomplete && tier_count(&a) != count) return false;
  return true;
}

}  // namespace

bool carried_tier_stands(const WageTable& table, const WageAreas& areas, const TierOf& tier, Date day,
                         const std::function<std::optional<TierOf>(const WageAreas&)>& tier_in) {
  if (!tier.entry->carried_from) return true;
  if (same_tier_count_since(table, *tier.entry->carried_from, day)) return true;
  for (const auto& later : table.areas) {
    if (later.from <= areas.from) continue;
    auto found = tier_in(later);
    if (found && !found->entry->carried_from) return found->tier == tier.tier;
  }
  return false;
}

WageResolver::WageResolver(const RuleSet& rules, const Policy& policy, Request request,
                           Report& report)
    : rules_(rules), table_(rules.wage_table(policy.province)), request_(std::move(request)), report_(report) {
  if (request_.required && !request_.given && !request_.place && !request_.tier)
    report_.error("/min_wage", msg::min_wage_missing{});
  if (request_.place && table_) resolve_place();
}

void WageResolver::resolve_place() {
  const std::string& text = *request_.place;
  const std::string& path = request_.place_path;
  if (character_count(text, limits::kPlaceChars + 1) > limits::kPlaceChars) {
    place_failed_ = true;
    report_.error(path, msg::place_too_long{.limit = limits::kPlaceChars, .place = echoed(text)});
    return;
  }
  const Divisions& divisions = rules_.divisions();
  // An older area list may still name a division merged or renamed since: asked for a
  // day after the change, the name is read as its successor's, which the answer says.
  auto changed = divisions.renamed_in(text);
  bool renamed_before = changed && request_.earliest && request_.earliest->year() > *changed;
  if (!renamed_before)
    for (const auto& areas : table_->areas)
      for (const auto& p : areas.places)
        if (p.code.empty() && (p.name == text || p.as_written == text ||
                               std::find(p.also_written.begin(), p.also_written.end(), text) != p.also_written.end())) {
          named_place_ = p.name;
          return;
        }
  PlaceResolution r = divisions.resolve(text, table_->province_code);
  place_failed_ = r.division == nullptr;
  // A province is too broad unless its area lists name it alone, one tier for all (北京市);
  // a list that also names its cities uses the province's code for "the rest" (三类地区).
  auto listed_whole = [&](const Division& d) {
    bool named = false;
    for (const auto& areas : table_->areas)
      for (const auto& p : areas.places)
        if (p.code == d.code) {
          if (areas.places.size() > 1) return false;
          named = true;
        }
    return named;
  };
  bool own_province = r.division && r.division->province_code() == table_->province_code;
  if (r.division && r.division->is_province() && !listed_whole(*r.division)) {
    // A notice of flat amounts asks no wage, so its own province is place enough.
    if (!request_.required && own_province) {
      division_ = r.division;
      return;
    }
    place_failed_ = true;
    report_.error(path, msg::place_too_broad{.place = text});
  } else if (r.division && !own_province) {
    place_failed_ = true;
    report_.error(path, msg::place_other_province{.code = r.division->code,
                                                  .division = Text{divisions.full_name(*r.division), divisions.full_name_en(*r.division)},
                                                  .place = text,
                                                  .province = province_text()});
  } else if (r.division) {
    division_ = r.division;
    urban_ = r.urban || r.division->is_prefecture();
    alias_ = r.alias;
  } else if (!r.candidates.empty()) {
    Text list;
    for (const Division* d : r.candidates)
      append_listed(list, msg::wage_division_with_code{.code = d->code, .name = Text{divisions.full_name(*d), divisions.full_name_en(*d)}}.text(),
                    "; ");
    report_.error(path, msg::place_ambiguous{.place = text, .places = list});
  } else {
    std::string list;
    for (const auto& n : r.nearest) list += (list.empty() ? "" : "、") + n;
    if (list.empty())
      report_.error(path, msg::place_unknown::no_close_names{.place = text});
    else
      report_.error(path, msg::place_unknown::close_names{.close = list, .place = text});
  }
}

Text WageResolver::province_text() const {
  return rules_.vocabulary().province(table_->province, table_->province_zh);
}

Text WageResolver::place_label() const {
  if (!named_place_.empty()) return {named_place_, named_place_};
  if (!division_) return {};
  Text name{rules_.divisions().full_name(*division_), rules_.divisions().full_name_en(*division_)};
  if (!division_->is_prefecture()) return name;
  for (const Division* child : rules_.divisions().children(*division_))
    if (child->is_urban() && !child->zone) return msg::wage_urban_districts{.prefecture = name}.text();
  return name;
}

std::optional<TierOf> WageResolver::tier_in(const WageAreas& areas) const {
  if (!named_place_.empty()) return tier_of_named(areas, named_place_);
  return tier_of_division(areas, rules_.divisions(), *division_);
}

void WageResolver::report_not_carried(const WageAreas& areas, const TierOf& tier, Date day,
                                      const Text& label) {
  std::string from = format_date(areas.from);
  if (!reported_.insert("carried" + from).second) return;
  std::string origin = format_date(*tier.entry->carried_from);
  std::string counts = std::to_string(tier_count(adjustment_on(*table_, *tier.entry->carried_from))) + "→" +
                       std::to_string(tier_count(adjustment_on(*table_, day)));
  report_.error(request_.place_path, msg::min_wage_tier_unknown::not_carried{.counts = counts,
                                                                            .from = from,
                                                                            .origin = origin,
                                                                            .place = label,
                                                                            .province = province_text(),
                                                                            .tier = tier.tier});
}

std::optional<int> WageResolver::tier_on(Date day) {
  if (request_.tier) return request_.tier;
  if (place_failed_ || (!division_ && named_place_.empty())) return std::nullopt;
  const WageAreas* areas = areas_on(*table_, day);
  const std::string& path = request_.place_path;
  Text label = place_label();
  if (!areas) {
    if (!request_.given && reported_.insert("no_areas").second)
      report_.error(path, msg::min_wage_areas_unknown{.date = format_date(day), .province = province_text()});
    return std::nullopt;
  }
  std::optional<TierOf> tier = tier_in(*areas);
  auto in_this_place = [this](const WageAreas& a) { return tier_in(a); };
  if (tier && !carried_tier_stands(*table_, *areas, *tier, day, in_this_place)) {
    if (!request_.given) report_not_carried(*areas, *tier, day, label);
    return std::nullopt;
  }
  std::string from = format_date(areas->from);
  if (!tier) {
    if (!request_.given && reported_.insert("tier" + from).second) {
      if (division_ && division_->is_prefecture())
        report_.error(path, msg::min_wage_tier_unknown::undecided_city{.from = from, .place = label, .province = province_text()});
      else
        report_.error(path, msg::min_wage_tier_unknown::undecided{.from = from, .place = label, .province = province_text()});
    }
    return std::nullopt;
  }
  const std::string& confidence = tier->entry->confidence.empty() ? areas->confidence : tier->entry->confidence;
  if (confidence != "high" && reported_.insert("areas" + from).second) {
    Text note{areas->note.zh.empty() ? "" : "；" + strip_full_stop(areas->note.zh), areas->note.en.empty() ? "" : "; " + areas->note.en};
    report_.caveat(path, msg::min_wage_area_caveat::plain{.from = from, .place = label, .tier = tier->tier},
                   msg::min_wage_area_caveat::sources{.confidence = confidence_words(confidence), .note = note, .source = cited(areas->source)}.text());
  }
  if (division_ && division_->is_prefecture()) {
    Text differ;
    for (const Division* child : rules_.divisions().children(*division_)) {
      if (child->zone) continue;
      auto t = tier_of_county(*areas, *child);
      auto in_child = [child](const WageAreas& a) { return tier_of_county(a, *child); };
      bool stands = t && carried_tier_stands(*table_, *areas, *t, day, in_child);
      if (!t || (stands && t->tier == tier->tier)) continue;
      Text county{child->name, child->name_en.empty() ? child->name : child->name_en};
      Text one = stands ? msg::wage_county_tier::known{.county = county, .tier = t->tier}.text()
                        : msg::wage_county_tier::unknown{.county = county}.text();
      append_listed(differ, one);
    }
    if (!differ.empty() && reported_.insert("urban" + std::to_string(tier->tier) + differ.zh).second)
      report_.warning(path, msg::place_city_as_urban{.counties = differ,
                                                     .place = *request_.place,
                                                     .tier = tier->tier,
                                                     .urban = Text{label.zh, rules_.divisions().full_name_en(*division_)}});
  }
  return tier->tier;
}

std::optional<WageFigure> WageResolver::on(Date day) {
  long key = day.day_number();
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  auto figure = lookup(day);
  cache_[key] = figure;
  return figure;
}

bool WageResolver::changes_within(Date from, Date to) const {
  if ((request_.given && !request_.place && !request_.tier) || !table_) return false;
  for (const auto& a : table_->adjustments)
    if (a.effective > from && a.effective <= to) return true;
  for (const auto& a : table_->areas)
    if (a.from > from && a.from <= to) return true;
  if (const CityWages* city = own_city())
    for (const auto& a : city->adjustments)
      if (a.effective > from && a.effective <= to) return true;
  return false;
}

std::optional<WageFigure> WageResolver::lookup(Date day) {
  if (request_.given && !request_.place && !request_.tier)
    return WageFigure{*request_.given, msg::wage_source::given{}.text()};
  if (!request_.place && !request_.tier) return std::nullopt;
  if (request_.given && (!table_ || place_failed_)) return filled(day);
  if (!table_) {
    if (reported_.insert("table").second)
      report_.error("/min_wage", msg::min_wage_no_table{});
    return std::nullopt;
  }
  if (const CityWages* city = own_city()) return city_figure(*city, day);
  auto tier = tier_on(day);
  if (!tier) return request_.given ? std::optional<WageFigure>(filled(day)) : std::nullopt;
  const WageAdjustment* adj = adjustment_on(*table_, day);
  std::string month_text = format_month(first_of_month(day));
  std::string tier_text = std::to_string(*tier);
  Text label = request_.province_wide ? Text{} : place_label();
  Text place{label.zh.empty() ? table_->province_zh : label.zh, label.en.empty() ? province_text().en : label.en};
  Text where = msg::wage_where{.place = place, .tier = *tier}.text();
  auto figure = adj ? adj->tiers.find(*tier) : std::map<int, Fen>::const_iterator{};
  if ((!adj || figure == adj->tiers.end()) && request_.given) return filled(day);
  if (!adj || figure == adj->tiers.end()) {
    Text which = !adj                ? msg::wage_which::before_table{}.text()
                 : adj->tiers.empty() ? msg::wage_which::unsettled{.from = format_date(adj->effective)}.text()
                                      : msg::wage_which::adjustment{.from = format_date(adj->effective)}.text();
    // The table's notes are for its readers; the answer says why in people's words.
    Text why = !adj ? msg::wage_why::table_starts_later{}.text()
               : !adj->date_note.zh.empty() ? Text{strip_full_stop(adj->date_note.zh), adj->date_note.en}
               : !adj->tiers.empty() ? msg::wage_why::tier_not_found{.tier = *tier}.text()
                                     : msg::wage_why::month_not_held{}.text();
    std::string key = "unconfirmed" + (adj ? format_date(adj->effective) : "") + tier_text;
    if (reported_.insert(key).second)
      report_.error("/min_wage", msg::min_wage_unconfirmed{.month = month_text, .where = where, .which = which, .why = why});
    return std::nullopt;
  }
  std::string effective = format_date(adj->effective);
  if (!used_.count(adj->effective.day_number())) {
    nlohmann::ordered_json entry;
    entry["province"] = table_->province;
    entry["effective"] = effective;
    entry["date_confirmed"] = adj->date_confirmed;
    entry["tier"] = *tier;
    entry["amount"] = yuan_json(figure->second);
    const std::string& confidence = adj->confidence_of(*tier);
    entry["confidence"] = confidence;
    entry["source"] = adj->source;
    used_[adj->effective.day_number()] = entry;
    Text sources = msg::min_wage_caveat::sources{.confidence = confidence_words(confidence), .note = caveat_note(*adj), .source = cited(adj->source)}.text();
    if (!adj->date_confirmed && confidence != "high")
      report_.caveat("/min_wage",
                     msg::min_wage_caveat::plain_figure_and_date_unconfirmed{.amount = figure->second / 100, .from = effective, .province = province_text(), .tier = *tier},
                     sources);
    else if (!adj->date_confirmed)
      report_.caveat("/min_wage",
                     msg::min_wage_caveat::plain_date_unconfirmed{.amount = figure->second / 100, .from = effective, .province = province_text(), .tier = *tier},
                     sources);
    else if (confidence != "high")
      report_.caveat("/min_wage",
                     msg::min_wage_caveat::plain{.amount = figure->second / 100, .from = effective, .province = province_text(), .tier = *tier},
                     sources);
  }
  return WageFigure{figure->second, msg::wage_source::tier{.from = effective, .where = where}.text()};
}

// The city with its own minimum wage that the place is in, if any (深圳).
const CityWages* WageResolver::own_city() const {
  return table_ && division_ ? own_city_of(*table_, *division_) : nullptr;
}

// A city's own figure on `day`, in place of a provincial tier.
std::optional<WageFigure> WageResolver::city_figure(const CityWages& city, Date day) {
  const Text name = city_name(city);
  const WageAdjustment* adj = adjustment_on(city, day);
  if (!adj) {
    if (request_.given) return filled(day);
    if (reported_.insert("city-table").second)
      report_.error("/min_wage", msg::min_wage_unconfirmed{.month = format_month(first_of_month(day)),
                                                           .where = name,
                                                           .which = msg::wage_which::city_own{}.text(),
                                                           .why = msg::wage_why::month_not_held{}.text()});
    return std::nullopt;
  }
  Fen amount = adj->tiers.at(1);
  std::string effective = format_date(adj->effective);
  if (!used_.count(adj->effective.day_number())) {
    nlohmann::ordered_json entry;
    entry["province"] = table_->province;
    entry["city"] = name.zh;
    entry["city_en"] = name.en;
    entry["effective"] = effective;
    entry["date_confirmed"] = adj->date_confirmed;
    entry["amount"] = yuan_json(amount);
    entry["confidence"] = adj->confidence;
    entry["source"] = adj->source;
    used_[adj->effective.day_number()] = entry;
    Text sources = msg::min_wage_caveat::sources{.confidence = confidence_words(adj->confidence), .note = caveat_note(*adj), .source = cited(adj->source)}.text();
    if (!adj->date_confirmed && adj->confidence != "high")
      report_.caveat("/min_wage", msg::min_wage_caveat::city_figure_and_date_unconfirmed{.amount = amount / 100, .city = name, .from = effective}, sources);
    else if (!adj->date_confirmed)
      report_.caveat("/min_wage", msg::min_wage_caveat::city_date_unconfirmed{.amount = amount / 100, .city = name, .from = effective}, sources);
    else if (adj->confidence != "high")
      report_.caveat("/min_wage", msg::min_wage_caveat::city{.amount = amount / 100, .city = name, .from = effective}, sources);
  }
  return WageFigure{amount, msg::wage_source::city{.city = name, .from = effective}.text()};
}

Text WageResolver::city_name(const CityWages& city) const {
  const Division* d = rules_.divisions().by_code(city.code);
  return {city.as_written, d && !d->name_en.empty() ? d->name_en : city.as_written};
}

// With a place, a given min_wage fills only the months the table has no figure for.
WageFigure WageResolver::filled(Date day) {
  std::string month = format_month(first_of_month(day));
  if (reported_.insert("filled").second)
    report_.warning("/min_wage", msg::min_wage_filled{.month = month, .yuan = *request_.given / 100});
  return WageFigure{*request_.given, msg::wage_source::given_for_gap{}.text()};
}

nlohmann::ordered_json WageResolver::sources() const {
  auto list = nlohmann::ordered_json::array();
  for (const auto& [day, entry] : used_) list.push_back(entry);
  return list;
}

nlohmann::ordered_json WageResolver::place_json() const {
  if (!named_place_.empty()) return {{"code", nullptr}, {"name", named_place_}, {"level", "named_area"}};
  if (!division_) return nullptr;
  nlohmann::ordered_json j;
  j["code"] = division_->code;
  j["name"] = rules_.divisions().full_name(*division_);
  j["name_en"] = rules_.divisions().full_name_en(*division_);
  j["level"] = division_->is_province() ? "province" : division_->is_prefecture() ? "prefecture" : "county";
  if (urban_) j["urban"] = true;
  if (!alias_.empty()) j["alias"] = {{"message", alias_.zh}, {"message_en", alias_.en}};
  return j;
}

}  // namespace jianxi
