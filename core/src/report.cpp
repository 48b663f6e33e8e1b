#include "report.h"

namespace jianxi {

void Report::error(std::string path, std::string code, std::string zh, std::string en,
                   std::string rule) {
  errors_.push_back({std::move(path), std::move(code), std::move(zh), std::move(en),
                     std::move(rule)});
}

void Report::warning(std::string path, std::string code, std::string zh, std::string en,
                     std::string rule) {
  warnings_.push_back({std::move(path), std::move(code), std::move(zh), std::move(en),
                       std::move(rule)});
}

void Report::malformed(std::string path, std::string code, std::string zh,
                       std::string en) {
  malformed_ = true;
  error(std::move(path), std::move(code), std::move(zh), std::move(en));
}

void Report::interpretation(const std::string& rule, const Text& text) {
  if (text.empty()) return;
  for (const auto& [r, t] : interpretations_)
    if (r == rule && t.en == text.en) return;
  interpretations_.emplace_back(rule, text);
}

nlohmann::ordered_json to_json(const Finding& f) {
  nlohmann::ordered_json j;
  j["path"] = f.path;
  j["code"] = f.code;
  j["message"] = f.message;
  j["message_en"] = f.message_en;
  if (!f.rule.empty()) j["rule"] = f.rule;
  return j;
}

nlohmann::ordered_json Report::head(const std::string& kind) const {
  nlohmann::ordered_json j;
  j["kind"] = kind;
  j["ok"] = errors_.empty();
  j["errors"] = nlohmann::ordered_json::array();
  for (const auto& f : errors_) j["errors"].push_back(to_json(f));
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& f : warnings_) j["warnings"].push_back(to_json(f));
  return j;
}

void Report::tail(nlohmann::ordered_json& result) const {
  if (interpretations_.empty()) return;
  auto& list = result["interpretations"] = nlohmann::ordered_json::array();
  for (const auto& [rule, text] : interpretations_)
    list.push_back({{"rule", rule}, {"message", text.zh}, {"message_en", text.en}});
}

}  // namespace jianxi
