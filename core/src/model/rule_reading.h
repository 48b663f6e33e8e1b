// Small readers shared by the rule loaders: files have passed rules/schema.json, so
// these only convert (a {zh, en} text, a clause with its notes, a rate, a date) and
// word a problem the same way for every rule file.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "values/dates.h"
#include "jianxi/finding.h"
#include "values/money.h"
#include "model/rule_enums.h"
#include "io/failure.h"
#include "model/rule_set.h"
#include "values/text.h"

namespace jianxi {

Text text_of(const nlohmann::ordered_json& obj, const char* key);
void read_cited(const nlohmann::ordered_json& obj, Cited& c);
Rate rate_of(const nlohmann::ordered_json& v);
Date date_of(const nlohmann::ordered_json& v);
Fen fen_of(const nlohmann::ordered_json& v);
std::optional<int> optional_int(const nlohmann::ordered_json& obj, const char* key);
// A schema enum's value; a name outside it (a file that skipped the build's check) fails.
template <class E>
E enum_of(const nlohmann::ordered_json& v) {
  const std::string& name = v.get_ref<const std::string&>();
  if (auto e = enum_named<E>(name)) return *e;
  fail("unknown value \"" + name + "\"");
}
// "rules/<file> <path>: <reason>", as the error every evaluation reports.
Finding rule_problem(const std::string& file, const std::string& path, const std::string& reason);

}  // namespace jianxi
