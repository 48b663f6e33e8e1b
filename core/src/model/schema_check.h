// Checks a JSON document against the subset of JSON Schema that rules/schema.json
// uses: $ref to $defs, type, properties, required, additionalProperties, items,
// enum, const, minimum, maximum, minItems, minLength, maxLength (in characters), anyOf,
// oneOf, and the formats "date" (YYYY-MM-DD that exists) and "rate" ("0.6", "2/3").
// A schema using any other keyword is refused (unsupported_keywords), so that no
// constraint written in rules/schema.json is silently ignored.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jianxi {

struct SchemaProblem {
  std::string path;    // JSON Pointer into the checked document
  std::string reason;  // English, names the keyword that failed
};

class SchemaChecker {
 public:
  explicit SchemaChecker(const nlohmann::ordered_json& schema) : root_(schema) {}
  // Problems of `doc` against the definition `#/$defs/<def>`; empty when valid.
  std::vector<SchemaProblem> check(const nlohmann::ordered_json& doc, const std::string& def) const;
  // Keywords the schema uses that this checker does not implement; empty when all are.
  std::vector<SchemaProblem> unsupported_keywords() const;

 private:
  void check(const nlohmann::ordered_json& doc, const nlohmann::ordered_json& schema, const std::string& path,
             std::vector<SchemaProblem>& out, int depth) const;
  const nlohmann::ordered_json& root_;
};

}  // namespace jianxi
