#include "model/divisions.h"

#include "finding_messages.h"
#include "values/affixes.h"
#include "values/edit_distance.h"
#include "values/trim.h"
#include "kinds/engine_limits.h"

#include <algorithm>

namespace jianxi {
namespace {

using json = nlohmann::ordered_json;

// 吕梁市 → 吕梁, 离石区 → 离石; a two-character name (夏县) keeps its suffix.
std::string base_name(const std::string& name) {
  auto chars = characters(name);
  if (chars.size() < 3) return {};
  const std::string& last = chars.back();
  if (last != "市" && last != "县" && last != "区" && last != "州" && last != "盟") return {};
  return name.substr(0, name.size() - last.size());
}

bool six_digits(const std::string& s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void add_unique(std::vector<const Division*>& list, const Division* d) {
  if (d && std::find(list.begin(), list.end(), d) == list.end()) list.push_back(d);
}

}  // namespace

bool Division::is_urban() const { return zone || ends_with(name, "区"); }

void Divisions::read_table(const json& doc) {
  // The wasm module reads the table in parts: the national part (dataset, provinces and
  // place_names), then a part per province loaded (its divisions and short names).
  if (doc.contains("dataset")) dataset_ = doc.at("dataset");
  if (auto names = doc.find("place_names"); names != doc.end())
    for (const auto& [province, list] : names->items())
      for (const auto& name : list) place_names_.emplace_back(province, name.get<std::string>());
  // [code, name], [code, name, English name] or [code, name, "zone"].
  auto read = [this](const json& row) {
    bool zone = row.size() > 2 && row.at(2) == "zone";
    std::string en = row.size() > 2 && !zone ? row.at(2).get<std::string>() : "";
    by_code_[row.at(0)] = Division{row.at(0), row.at(1), std::move(en), zone};
  };
  static const json none = json::array();
  auto list = [&doc](const char* key) -> const json& { auto it = doc.find(key); return it == doc.end() ? none : *it; };
  for (const auto& p : list("provinces")) read(p);
  for (const auto& d : list("divisions")) read(d);
  for (const auto& s : list("short_names")) by_name_.emplace(s.at(1), s.at(0));
}

std::vector<std::string> Divisions::provinces_naming(const std::string& written) const {
  std::vector<std::string> out;
  std::string text = trim(written);
  for (const auto& [province, name] : place_names_) {
    if (!out.empty() && out.back() == province) continue;
    std::string base = base_name(name);
    if (text.find(name) != std::string::npos || (!base.empty() && text.find(base) != std::string::npos))
      out.push_back(province);
  }
  return out;
}

std::vector<std::string> Divisions::read_renamed(const json& doc) {
  std::vector<std::string> missing;
  for (const auto& r : doc.at("renamed")) {
    Former f{r.at("name"), r.value("old_code", ""), r.at("code"),
             {r.value("note", ""), r.value("note_en", "")}, std::stoi(r.at("since").get<std::string>())};
    if (!by_code_.count(f.code)) missing.push_back(f.code);
    else former_.push_back(std::move(f));
  }
  return missing;
}

void Divisions::name_province(const std::string& code, const std::string& short_name) {
  province_short_names_[code] = short_name;
}

void Divisions::finish() {
  for (const auto& [code, d] : by_code_) {
    by_name_.emplace(d.name, code);
    if (d.is_province()) continue;
    std::string base = base_name(d.name);
    if (!base.empty()) by_base_name_.emplace(base, code);
  }
  std::map<std::string, std::vector<std::string>> other_names;
  for (const auto& [name, code] : by_name_)
    if (auto d = by_code_.find(code); d != by_code_.end() && name != d->second.name)
      other_names[code].push_back(name);
  prefecture_heads_.clear();
  for (const auto& [code, d] : by_code_) {
    if (!d.is_prefecture()) continue;
    std::vector<std::string> heads = {d.name};
    if (std::string base = base_name(d.name); !base.empty()) heads.push_back(base);
    if (auto more = other_names.find(code); more != other_names.end())
      heads.insert(heads.end(), more->second.begin(), more->second.end());
    prefecture_heads_.emplace_back(code, std::move(heads));
  }
}

const Division* Divisions::by_code(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &it->second;
}

namespace {

// GB/T 2260 groups the districts of a municipality under 市辖区 or 县, and the
// counties a province governs directly under 省（自治区）直辖县级行政区划: groupings,
// not places, so they are not part of the name people write (北京市东城区, 湖北省仙桃市).
bool is_grouping(const std::string& name) {
  static const std::string kDirectlyGoverned = "直辖县级行政区划";
  return name == "市辖区" || name == "县" ||
         (name.size() >= kDirectlyGoverned.size() &&
          name.compare(name.size() - kDirectlyGoverned.size(), kDirectlyGoverned.size(), kDirectlyGoverned) == 0);
}

}  // namespace

std::string Divisions::full_name(const Division& d) const {
  std::string out;
  if (!d.is_province())
    if (const Division* p = by_code(d.province_code())) out += p->name;
  if (d.is_county())
    if (const Division* p = by_code(d.prefecture_code()); p && !is_grouping(p->name)) out += p->name;
  return out + d.name;
}

std::string Divisions::full_name_en(const Division& d) const {
  if (d.name_en.empty()) return full_name(d);
  std::string out = d.name_en;
  if (d.is_county())
    if (const Division* p = by_code(d.prefecture_code()); p && !is_grouping(p->name)) {
      if (p->name_en.empty()) return full_name(d);
      out += ", " + p->name_en;
    }
  if (!d.is_province())
    if (const Division* p = by_code(d.province_code())) {
      if (p->name_en.empty()) return full_name(d);
      out += ", " + p->name_en;
    }
  return out;
}

std::vector<const Division*> Divisions::children(const Division& prefecture) const {
  std::vector<const Division*> out;
  std::string prefix = prefecture.code.substr(0, 4);
  for (auto it = by_code_.lower_bound(prefecture.code); it != by_code_.end(); ++it) {
    if (it->first.compare(0, 4, prefix) != 0) break;
    if (it->first != prefecture.code) out.push_back(&it->second);
  }
  return out;
}

std::vector<const Division*> Divisions::provinces() const {
  std::vector<const Division*> out;
  for (const auto& [code, d] : by_code_)
    if (d.is_province()) out.push_back(&d);
  return out;
}

std::vector<const Division*> Divisions::prefectures_of(const std::string& province_code) const {
  // A province's divisions are the codes that begin with its two digits: one run of the map.
  std::vector<const Division*> out;
  for (auto it = by_code_.lower_bound(province_code); it != by_code_.end(); ++it) {
    if (it->second.province_code() != province_code) break;
    if (it->second.is_prefecture()) out.push_back(&it->second);
  }
  return out;
}

std::vector<const Division*> Divisions::named(const std::string& name, bool exact_only) const {
  std::vector<const Division*> out;
  auto [b, e] = by_name_.equal_range(name);
  for (auto it = b; it != e; ++it) add_unique(out, by_code(it->second));
  if (!out.empty() || exact_only) return out;
  auto [bb, be] = by_base_name_.equal_range(name);
  for (auto it = bb; it != be; ++it) add_unique(out, by_code(it->second));
  // 长治 means the city (长治市) rather than a county of the same base name.
  std::vector<const Division*> prefectures;
  for (const Division* d : out)
    if (d->is_prefecture()) prefectures.push_back(d);
  return prefectures.size() == 1 ? prefectures : out;
}

std::optional<int> Divisions::renamed_in(const std::string& former_name) const {
  for (const Former& f : former_)
    if (f.name == former_name) return f.since;
  return std::nullopt;
}

std::vector<const Division*> Divisions::candidates(const std::string& text, PlaceResolution& r) const {
  std::vector<const Division*> found;
  r.urban = false;
  r.alias = {};
  if (ends_with(text, "市区")) {
    for (const Division* d : named(text.substr(0, text.size() - std::string("区").size()), false))
      if (d->is_prefecture()) add_unique(found, d);
    if (!found.empty()) r.urban = true;
  }
  if (found.empty()) found = named(text, false);
  if (found.empty()) {
    for (const Former& f : former_)
      if (f.name == text) {
        add_unique(found, by_code(f.code));
        r.alias = msg::place_alias::former_name{.name = f.name, .note = f.note}.text();
      }
  }
  if (found.empty()) {
    // 吕梁市离石区, 运城夏县: a prefecture's name, then one of its divisions.
    for (const auto& [code, heads] : prefecture_heads_) {
      for (const std::string& head : heads) {
        if (!starts_with(text, head) || text.size() == head.size()) continue;
        std::string rest = text.substr(head.size());
        for (const Division* child : children(by_code_.at(code))) {
          if (child->name == rest || base_name(child->name) == rest) add_unique(found, child);
          auto [b, e] = by_name_.equal_range(rest);
          for (auto it = b; it != e; ++it)
            if (it->second == child->code) add_unique(found, child);
        }
      }
    }
  }
  return found;
}

PlaceResolution Divisions::resolve(const std::string& written, const std::string& within, bool suggest) const {
  PlaceResolution r;
  std::string text = trim(written);
  if (six_digits(text)) {
    if (const Division* d = by_code(text)) {
      r.division = d;
      return r;
    }
    for (const Former& f : former_)
      if (f.old_code == text) {
        r.division = by_code(f.code);
        r.alias = msg::place_alias::former_code{.code = text, .name = f.name, .note = f.note}.text();
        return r;
      }
    return r;
  }

  std::string province = within;
  std::vector<const Division*> found = candidates(text, r);
  if (found.empty()) {
    // 山西省运城市夏县, 吉林四平: the province's name first (tried only when the whole text
    // is not a name, so that 吉林市 stays the city).
    for (const Division* p : provinces()) {
      std::vector<std::string> heads = {p->name};
      if (auto short_name = province_short_names_.find(p->code); short_name != province_short_names_.end())
        heads.push_back(short_name->second);
      for (const std::string& head : heads) {
        if (!starts_with(text, head)) continue;
        std::string rest = text.substr(head.size());
        if (rest.empty()) {
          r.division = p;
          return r;
        }
        found = candidates(rest, r);
        if (!found.empty()) {
          province = p->code;
          break;
        }
      }
      if (!found.empty()) break;
    }
  }
  auto in_province = [&](std::vector<const Division*> list) {
    if (province.empty()) return list;
    std::vector<const Division*> kept;
    for (const Division* d : list)
      if (d->province_code() == province) kept.push_back(d);
    return kept.empty() ? list : kept;
  };
  found = in_province(found);
  if (found.size() == 1) r.division = found.front();
  else if (found.size() > 1) r.candidates = found;
  else if (suggest) r.nearest = nearest(text, province);
  if (!r.division) r.alias = {};
  return r;
}

std::vector<std::string> Divisions::nearest(const std::string& text, const std::string& within) const {
  auto wanted = characters(text);
  if (wanted.size() > limits::kPlaceChars) wanted.resize(limits::kPlaceChars);  // bounds the search
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& [code, d] : by_code_) {
    if (d.is_province() || (!within.empty() && d.province_code() != within)) continue;
    std::size_t distance = edit_distance(wanted, characters(d.name));
    if (d.is_county())
      if (const Division* p = by_code(d.prefecture_code()))
        distance = std::min(distance, edit_distance(wanted, characters(p->name + d.name)));
    scored.emplace_back(distance, d.is_county() ? full_name(d) : d.name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < 5; ++i)
    if (scored[i].first <= std::max<std::size_t>(2, wanted.size() / 2)) out.push_back(scored[i].second);
  return out;
}

}  // namespace jianxi
