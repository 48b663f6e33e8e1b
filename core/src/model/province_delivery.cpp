#include "model/province_delivery.h"

#include <algorithm>
#include <cctype>

#include "identifiers/half_width.h"
#include "kinds/engine_limits.h"

namespace jianxi {

bool read_province_file(std::string_view text, std::string& province, std::vector<RuleText>& texts) {
  Json file = Json::parse(text, nullptr, false);
  if (!file.is_object() || !file.contains("province") || !file["province"].is_string() ||
      !file.contains("files") || !file["files"].is_object())
    return false;
  province = file["province"].get<std::string>();
  std::string folder = "provinces/" + province + "/";
  texts.clear();
  for (const auto& [path, doc] : file["files"].items()) {
    // The manifest is the module's index: a province file holds the rest, and its
    // notices whole (the index holds them without their research trail).
    if (path.compare(0, folder.size(), folder) != 0 || path.find("..") != std::string::npos ||
        path == folder + "province.json")
      return false;
    texts.push_back({path, doc.dump()});
  }
  return !province.empty();
}

std::vector<ProvinceNeed> absent_provinces_needed(const RuleSet& rules, const Json& request) {
  std::vector<ProvinceNeed> out;
  if (rules.absent_provinces().empty() || !request.is_object()) return out;
  auto need = [&](const std::string& province, const char* path) {
    if (rules.absent_provinces().count(province) &&
        std::none_of(out.begin(), out.end(), [&](const ProvinceNeed& n) { return n.province == province; }))
      out.push_back({province, path});
  };
  if (auto policy = request.find("policy"); policy != request.end() && policy->is_string())
    if (const Policy* p = rules.policy(policy->get<std::string>())) need(p->province, "/policy");
  if (auto province = request.find("province"); province != request.end() && province->is_string())
    need(province->get<std::string>(), "/province");
  // A place or an identity number is read against every province's divisions (a place in
  // another province is named as such; a city's notice needs its place to be unique in
  // China), so a province they may lie in must be loaded too.
  auto by_code = [&](const std::string& code, const char* path) {
    for (const auto& [id, m] : rules.provinces())
      if (m.division.compare(0, 2, code, 0, 2) == 0) need(id, path);
  };
  for (const char* key : {"place", "city"}) {
    auto place = request.find(key);
    if (place == request.end() || !place->is_string()) continue;
    const std::string& text = place->get_ref<const std::string&>();
    if (text.size() > 4 * limits::kPlaceChars) continue;  // no place: answered place.too_long
    std::string path = std::string("/") + key;
    if (text.size() >= 2 && std::isdigit(static_cast<unsigned char>(text[0])) && std::isdigit(static_cast<unsigned char>(text[1])))
      by_code(text, path.c_str());
    for (const std::string& id : rules.divisions().provinces_naming(text)) need(id, path.c_str());
  }
  if (auto id = request.find("id_number"); id != request.end() && id->is_string()) {
    std::string digits = half_width(id->get_ref<const std::string&>());
    if (digits.size() >= 2) by_code(digits, "/id_number");
  }
  return out;
}

void report_not_loaded(const RuleSet& rules, const std::vector<ProvinceNeed>& needs, Report& report) {
  for (const ProvinceNeed& n : needs) {
    auto m = rules.provinces().find(n.province);
    Text name = m == rules.provinces().end() ? Text{n.province, n.province} : m->second.name;
    report.error(n.path, msg::rules_not_loaded{.province = name});
  }
}

}  // namespace jianxi
