#include "model/schema_check.h"

#include "values/dates.h"
#include "io/fields.h"
#include "values/money.h"

#include <set>

namespace jianxi {
namespace {

bool has_type(const nlohmann::ordered_json& v, const std::string& t) {
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "string") return v.is_string();
  if (t == "number") return v.is_number();
  if (t == "integer")
    return v.is_number_integer() ||
           (v.is_number_float() && v.get<double>() == static_cast<long long>(v.get<double>()));
  if (t == "boolean") return v.is_boolean();
  if (t == "null") return v.is_null();
  return false;
}

std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// What the checker implements; anything else in the schema would pass unchecked.
const std::set<std::string>& supported_keywords() {
  static const std::set<std::string> keywords = {
      "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "const",
      "minimum", "maximum", "minItems", "minLength", "maxLength", "anyOf", "oneOf", "format",
      // annotations and the root's own members
      "description", "title", "$comment", "$schema", "$id", "$defs", "x-folders"};
  return keywords;
}

void unsupported(const nlohmann::ordered_json& s, const std::string& path, std::vector<SchemaProblem>& out) {
  if (!s.is_object()) return;
  for (const auto& [key, value] : s.items()) {
    std::string p = pointer_append(path, key);
    if (!supported_keywords().count(key)) out.push_back({p, "keyword " + key + " is not implemented by the checker"});
    if (key == "properties" || key == "$defs")
      for (const auto& [name, child] : value.items()) unsupported(child, pointer_append(p, name), out);
    else if (key == "items" || key == "additionalProperties")
      unsupported(value, p, out);
    else if (key == "anyOf" || key == "oneOf")
      for (std::size_t i = 0; i < value.size(); ++i) unsupported(value[i], p + "/" + std::to_string(i), out);
  }
}

}  // namespace

std::vector<SchemaProblem> SchemaChecker::unsupported_keywords() const {
  std::vector<SchemaProblem> out;
  unsupported(root_, "", out);
  return out;
}

std::vector<SchemaProblem> SchemaChecker::check(const nlohmann::ordered_json& doc,
                                                const std::string& def) const {
  std::vector<SchemaProblem> out;
  auto defs = root_.find("$defs");
  if (defs == root_.end() || !defs->contains(def)) {
    out.push_back({"", "schema has no definition " + def});
    return out;
  }
  check(doc, (*defs)[def], "", out, 0);
  return out;
}

void SchemaChecker::check(const nlohmann::ordered_json& v, const nlohmann::ordered_json& s,
                          const std::string& path, std::vector<SchemaProblem>& out,
                          int depth) const {
  if (depth > 64) {
    out.push_back({path, "schema nesting too deep"});
    return;
  }
  if (s.is_boolean()) {
    if (!s.get<bool>()) out.push_back({path, "not allowed here"});
    return;
  }
  if (auto ref = s.find("$ref"); ref != s.end()) {
    std::string name = ref->get<std::string>();
    const std::string prefix = "#/$defs/";
    if (name.rfind(prefix, 0) != 0 || !root_["$defs"].contains(name.substr(prefix.size()))) {
      out.push_back({path, "unresolvable $ref " + name});
      return;
    }
    check(v, root_["$defs"][name.substr(prefix.size())], path, out, depth + 1);
  }
  if (auto t = s.find("type"); t != s.end()) {
    bool match = false;
    if (t->is_string()) match = has_type(v, t->get<std::string>());
    else
      for (const auto& one : *t) match = match || has_type(v, one.get<std::string>());
    if (!match) {
      out.push_back({path, "type: expected " + t->dump()});
      return;
    }
  }
  if (auto e = s.find("enum"); e != s.end()) {
    bool found = false;
    for (const auto& one : *e) found = found || one == v;
    if (!found) out.push_back({path, "enum: expected one of " + e->dump()});
  }
  if (auto c = s.find("const"); c != s.end() && *c != v)
    out.push_back({path, "const: expected " + c->dump()});
  if (v.is_number()) {
    if (auto m = s.find("minimum"); m != s.end() && v.get<double>() < m->get<double>())
      out.push_back({path, "minimum: below " + m->dump()});
    if (auto m = s.find("maximum"); m != s.end() && v.get<double>() > m->get<double>())
      out.push_back({path, "maximum: above " + m->dump()});
  }
  if (v.is_string()) {
    const auto& str = v.get_ref<const std::string&>();
    if (auto m = s.find("minLength"); m != s.end() && characters(str) < m->get<std::size_t>())
      out.push_back({path, "minLength: too short"});
    if (auto m = s.find("maxLength"); m != s.end() && characters(str) > m->get<std::size_t>())
      out.push_back({path, "maxLength: longer than " + m->dump() + " characters"});
    if (auto f = s.find("format"); f != s.end()) {
      if (*f == "date" && !parse_date(str)) out.push_back({path, "format: not a YYYY-MM-DD date"});
      if (*f == "rate" && !parse_rate(str))
        out.push_back({path, "format: not a rate such as \"0.6\" or \"2/3\""});
    }
  }
  if (v.is_array()) {
    if (auto m = s.find("minItems"); m != s.end() && v.size() < m->get<std::size_t>())
      out.push_back({path, "minItems: fewer than " + m->dump()});
    if (auto items = s.find("items"); items != s.end())
      for (std::size_t i = 0; i < v.size(); ++i)
        check(v[i], *items, path + "/" + std::to_string(i), out, depth + 1);
  }
  if (v.is_object()) {
    if (auto req = s.find("required"); req != s.end())
      for (const auto& key : *req)
        if (!v.contains(key.get<std::string>()))
          out.push_back({pointer_append(path, key.get<std::string>()), "required: missing"});
    auto props = s.find("properties");
    auto extra = s.find("additionalProperties");
    for (const auto& [key, value] : v.items()) {
      std::string p = pointer_append(path, key);
      if (props != s.end() && props->contains(key)) check(value, (*props)[key], p, out, depth + 1);
      else if (extra != s.end()) check(value, *extra, p, out, depth + 1);
    }
  }
  for (const char* combinator : {"anyOf", "oneOf"}) {
    auto list = s.find(combinator);
    if (list == s.end()) continue;
    int passing = 0;
    std::vector<SchemaProblem> first;
    for (const auto& alt : *list) {
      std::vector<SchemaProblem> probs;
      check(v, alt, path, probs, depth + 1);
      if (probs.empty()) ++passing;
      else if (first.empty()) first = probs;
    }
    bool one_of = std::string(combinator) == "oneOf";
    if (passing == 0)
      out.push_back({path, std::string(combinator) + ": no alternative matches (first: " +
                               (first.empty() ? std::string("?") : first[0].path + " " + first[0].reason) + ")"});
    else if (one_of && passing > 1)
      out.push_back({path, "oneOf: more than one alternative matches"});
  }
}

}  // namespace jianxi
