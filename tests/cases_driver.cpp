// Runs every case file under tests/cases: {"name", "description", "request",
// "expect", "absent"?, "malformed"?}. "expect" is matched as a subset: each key it
// names must be in the result with a matching value; arrays must have the same length
// and match element by element. "absent" lists JSON Pointers the result must not
// have. The description holds the clause and the arithmetic.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Empty when `actual` contains `expected`; else where and how they differ.
std::string difference(const json& expected, const json& actual, const std::string& path) {
  if (expected.is_object()) {
    if (!actual.is_object()) return path + ": expected an object, got " + actual.dump();
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return path + "/" + key + ": missing";
      std::string m = difference(value, actual[key], path + "/" + key);
      if (!m.empty()) return m;
    }
    return {};
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size())
      return path + ": expected " + std::to_string(expected.size()) + " items, got " +
             (actual.is_array() ? std::to_string(actual.size()) : actual.dump());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string m = difference(expected[i], actual[i], path + "/" + std::to_string(i));
      if (!m.empty()) return m;
    }
    return {};
  }
  if (expected.is_number() && actual.is_number()) {
    if (expected.get<double>() != actual.get<double>())
      return path + ": expected " + expected.dump() + ", got " + actual.dump();
    return {};
  }
  if (expected != actual) return path + ": expected " + expected.dump() + ", got " + actual.dump();
  return {};
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(JIANXI_CASES_DIR))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("case files") {
  auto files = case_files();
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    std::string name = fs::relative(file, JIANXI_CASES_DIR).string();
    SUBCASE(name.c_str()) {
      std::ifstream in(file);
      std::stringstream text;
      text << in.rdbuf();
      json c = json::parse(text.str(), nullptr, false);
      REQUIRE_MESSAGE(c.is_object(), name << " is not a JSON object");
      REQUIRE_MESSAGE(c.contains("request"), name << " has no request");
      REQUIRE_MESSAGE(c.contains("expect"), name << " has no expect");
      REQUIRE_MESSAGE(c.contains("description"), name << " has no description");
      const json& request = c["request"];
      std::string request_text = request.is_string() ? request.get<std::string>() : request.dump();
      jianxi::Evaluation ev = jianxi::default_engine().evaluate(request_text);
      json result = json::parse(ev.json);
      INFO(name << "\n" << ev.json);
      CHECK_MESSAGE(difference(c["expect"], result, "").empty(), difference(c["expect"], result, ""));
      CHECK(ev.malformed == c.value("malformed", false));
      for (const auto& pointer : c.value("absent", json::array()))
        CHECK_MESSAGE(!result.contains(json::json_pointer(pointer.get<std::string>())), name << ": " << pointer);
      // An answer that refuses shows no figure and no verdict, in every case file.
      auto check_ok = [](const json& r) {
        if (!r.is_object()) return;
        CHECK(r["ok"].get<bool>() == r["errors"].empty());
        if (r["ok"].get<bool>()) return;
        for (const char* figure : {"total", "by_item", "lines", "retention", "min_wage_sources", "sums", "eligible",
                                   "category", "age", "reasons"})
          CHECK_MESSAGE(!r.contains(figure), "an answer with errors carries " << figure);
        for (const auto& report : r.value("reports", json::array()))
          CHECK_MESSAGE(!report.contains("due"), "a table with errors carries a due date");
      };
      if (result.is_array())
        for (const auto& r : result) check_ok(r);
      else
        check_ok(result);
    }
  }
}
