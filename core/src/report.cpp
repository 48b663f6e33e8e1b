#include "report.h"

namespace jianxi {

void Report::error(std::string path, std::string code, std::string zh, std::string en,
                   std::string rule) {
  if (errors_.size() >= kMaxFindings) {
    ++errors_dropped_;
    return;
  }
  errors_.push_back({std::move(path), std::move(code), std::move(zh), std::move(en),
                     std::move(rule)});
}

void Report::warning(std::string path, std::string code, std::string zh, std::string en,
                     std::string rule) {
  if (warnings_.size() >= kMaxFindings) {
    ++warnings_dropped_;
    return;
  }
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

namespace {

nlohmann::ordered_json findings_json(const std::vector<Finding>& list, std::size_t dropped,
                                     const char* zh_kind, const char* en_kind) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : list) out.push_back(to_json(f));
  if (dropped > 0) {
    std::string n = std::to_string(dropped);
    out.push_back(to_json({"", "findings.truncated", "另有 " + n + " 个" + zh_kind + "未列出",
                           n + " more " + en_kind + " not listed", ""}));
  }
  return out;
}

}  // namespace

nlohmann::ordered_json Report::head(const std::string& kind) const {
  nlohmann::ordered_json j;
  j["kind"] = kind;
  j["ok"] = errors_.empty();
  j["errors"] = findings_json(errors_, errors_dropped_, "错误", "errors");
  j["warnings"] = findings_json(warnings_, warnings_dropped_, "提示", "warnings");
  return j;
}

void Report::tail(nlohmann::ordered_json& result) const {
  if (interpretations_.empty()) return;
  auto& list = result["interpretations"] = nlohmann::ordered_json::array();
  for (const auto& [rule, text] : interpretations_)
    list.push_back({{"rule", rule}, {"message", text.zh}, {"message_en", text.en}});
}

}  // namespace jianxi
