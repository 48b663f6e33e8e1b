// Administrative divisions (GB/T 2260 codes and names, generated into
// rules/divisions/ from a published code table) and the resolution of a place as
// people write it: a 6-digit code, 四平市, 四平市区, 吕梁市离石区, 离石区, 夏县, 延边州,
// with or without the province, or a former name still in use.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "values/text.h"

namespace jianxi {

struct Division {
  std::string code;  // 6 digits: XX0000 province, XXXX00 prefecture, else county level
  std::string name;
  std::string name_en;  // as people write it (Changsha, Dongcheng District); empty when none
  bool zone = false;  // a statistical functional zone (开发区), not a GB/T 2260 division

  bool is_province() const { return code.compare(2, 4, "0000") == 0; }
  bool is_prefecture() const { return !is_province() && code.compare(4, 2, "00") == 0; }
  bool is_county() const { return !is_province() && !is_prefecture(); }
  std::string province_code() const { return code.substr(0, 2) + "0000"; }
  std::string prefecture_code() const { return code.substr(0, 4) + "00"; }
  // A district (市辖区) or a zone: part of its city's urban area (市区).
  bool is_urban() const;
};

struct PlaceResolution {
  const Division* division = nullptr;  // set when the place is unique
  bool urban = false;                  // written as "<city>市区"
  Text alias;                          // how a former or short name was read, when one was
  std::vector<const Division*> candidates;  // when ambiguous
  std::vector<std::string> nearest;         // when unknown: names close to what was written
};

class Divisions {
 public:
  // rules/divisions/cn.json: provinces, divisions and generated short names.
  void read_table(const nlohmann::ordered_json& doc);
  // The provinces (ids) whose place names, listed by the table's `place_names` for the
  // provinces whose divisions come later (the wasm module's), occur in `text`: those whose
  // divisions resolving `text` may need.
  std::vector<std::string> provinces_naming(const std::string& text) const;
  // rules/divisions/renamed.json: former names and codes; returns codes that are not in the table.
  std::vector<std::string> read_renamed(const nlohmann::ordered_json& doc);
  // A province's name as people write it (the manifest's: 内蒙古, 广西), read before a place
  // that starts with it (内蒙古呼和浩特市).
  void name_province(const std::string& code, const std::string& short_name);
  void finish();  // builds the name index once everything is read

  bool empty() const { return by_code_.empty(); }
  const Division* by_code(const std::string& code) const;
  // "吉林省四平市铁西区"
  std::string full_name(const Division& d) const;
  // "Tiexi District, Siping, Jilin"; the Chinese full name when a part has no English name.
  std::string full_name_en(const Division& d) const;
  // The prefecture's divisions (not itself), in code order.
  std::vector<const Division*> children(const Division& prefecture) const;
  std::vector<const Division*> provinces() const;
  std::vector<const Division*> prefectures_of(const std::string& province_code) const;
  const nlohmann::ordered_json& dataset() const { return dataset_; }

  // The year a former name stopped being a division's name (renamed, merged), if it is one.
  std::optional<int> renamed_in(const std::string& former_name) const;

  // `within`: a province code that restricts the search (the notice's province), if any.
  // `suggest`: whether an unknown place gets the names close to it (a search of them all).
  PlaceResolution resolve(const std::string& text, const std::string& within = {}, bool suggest = true) const;

 private:
  struct Former {
    std::string name, old_code, code;
    Text note;
    int since = 0;  // the year of the change
  };
  // The divisions `text` names (no province prefix); sets r.urban and r.alias.
  std::vector<const Division*> candidates(const std::string& text, PlaceResolution& r) const;
  std::vector<const Division*> named(const std::string& name, bool exact_only) const;
  std::vector<std::string> nearest(const std::string& text, const std::string& within) const;

  std::map<std::string, Division> by_code_;
  std::multimap<std::string, std::string> by_name_;        // name or short name → code
  std::multimap<std::string, std::string> by_base_name_;   // name without 市/县/区/州 → code
  // Each prefecture (code order) with the names it is written by before one of its
  // divisions (吕梁市, 吕梁, ...): read by every place that is not a name by itself.
  std::vector<std::pair<std::string, std::vector<std::string>>> prefecture_heads_;  // by code
  std::vector<Former> former_;
  std::map<std::string, std::string> province_short_names_;  // code → 内蒙古
  nlohmann::ordered_json dataset_;
  std::vector<std::pair<std::string, std::string>> place_names_;  // province id, name; grouped by province
};

}  // namespace jianxi
