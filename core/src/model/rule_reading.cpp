#include "model/rule_reading.h"

#include "finding_messages.h"

namespace jianxi {

using json = nlohmann::ordered_json;

Text text_of(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_object()) return {};
  return {it->value("zh", ""), it->value("en", "")};
}

void read_cited(const json& obj, Cited& c) {
  c.rule = obj.value("rule", "");
  c.interpretation = text_of(obj, "interpretation");
  c.note = text_of(obj, "note");
  c.confidence = obj.value("confidence", "");
  c.sources.clear();
  auto ids = obj.find("source");
  if (ids != obj.end() && ids->is_array())
    for (const auto& id : *ids)
      if (id.is_string()) c.sources.push_back(id.get<std::string>());
}

Rate rate_of(const json& v) { return *parse_rate(v.get<std::string>()); }
Date date_of(const json& v) { return *parse_date(v.get<std::string>()); }
Fen fen_of(const json& v) { return *fen_from_yuan(v.get<double>()); }

std::optional<int> optional_int(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return it->get<int>();
}

Finding rule_problem(const std::string& file, const std::string& path, const std::string& reason) {
  std::string where = "rules/" + file + (path.empty() ? "" : " " + path);
  Text t = msg::rules_invalid{.reason = reason, .where = where}.text();
  return {"", "rules.invalid", std::move(t.zh), std::move(t.en), "", "", ""};
}

}  // namespace jianxi
