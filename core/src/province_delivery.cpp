#include "province_delivery.h"

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
    if (rules.absent_provinces().count(province) && (out.empty() || out.back().province != province))
      out.push_back({province, path});
  };
  if (auto policy = request.find("policy"); policy != request.end() && policy->is_string())
    if (const Policy* p = rules.policy(policy->get<std::string>())) need(p->province, "/policy");
  if (auto province = request.find("province"); province != request.end() && province->is_string())
    need(province->get<std::string>(), "/province");
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
