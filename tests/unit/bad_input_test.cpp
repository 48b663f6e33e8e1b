// What a spreadsheet or a careless paste can hold: every value of every case
// request swapped for each wrong type, numbers past any range, strings that look
// like numbers, invalid UTF-8, a 10 MB request and a 100,000-row table. Each must
// give JSON with ok == errors.empty(), a located error for what it cannot use, and
// never a crash.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json answer(const std::string& request, bool* malformed = nullptr) {
  auto ev = jianxi::default_engine().evaluate(request);
  if (malformed) *malformed = ev.malformed;
  json r = json::parse(ev.json, nullptr, false);
  REQUIRE_MESSAGE(!r.is_discarded(), "not JSON: " << ev.json.substr(0, 200));
  auto check = [&](const json& one) {
    REQUIRE(one.is_object());
    CHECK(one["ok"].get<bool>() == one["errors"].empty());
    if (ev.malformed && !r.is_array()) CHECK(!one["errors"].empty());
  };
  if (r.is_array())
    for (const auto& one : r) check(one);
  else
    check(r);
  return r;
}

std::vector<json> case_requests() {
  std::vector<json> out;
  for (const auto& e : fs::recursive_directory_iterator(JIANXI_CASES_DIR)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    std::stringstream s;
    s << in.rdbuf();
    json c = json::parse(s.str());
    if (c["request"].is_object()) out.push_back(c["request"]);
  }
  return out;
}

// Calls f on every value inside doc (not the root), with a pointer to it.
void each_value(json& doc, const std::function<void(json&)>& f) {
  if (doc.is_object())
    for (auto& [k, v] : doc.items()) {
      if (k != "kind") f(v);
      each_value(v, f);
    }
  else if (doc.is_array())
    for (auto& v : doc) {
      f(v);
      each_value(v, f);
    }
}

}  // namespace

TEST_CASE("every value of every case request replaced by each wrong type") {
  const std::vector<json> wrong = {nullptr, true, 0, -1, 1.5, 1e308, "", "NaN", "Infinity",
                                   "1e999", json::array(), json::object()};
  std::size_t evaluated = 0;
  for (const json& request : case_requests()) {
    json probe = request;
    std::size_t count = 0;
    each_value(probe, [&](json&) { ++count; });
    for (std::size_t target = 0; target < count; ++target) {
      for (const json& w : wrong) {
        json mutated = request;
        std::size_t i = 0;
        each_value(mutated, [&](json& v) {
          if (i++ == target) v = w;
        });
        answer(mutated.dump());
        ++evaluated;
      }
    }
  }
  CHECK(evaluated > 10000);
}

TEST_CASE("numbers past every range") {
  for (const char* n : {"1e400", "-1e400", "123456789012345678901234567890", "-0", "1e-400",
                        "18446744073709551616", "9007199254740993"}) {
    std::string sub = std::string(R"({"kind":"subsidy","policy":"jiangxi-2023","min_wage":)") + n +
                      R"(,"trainees":[{"category":"college_graduate","start":"2023-09-01","end":"2023-09-30","insurance_premium":)" +
                      n + "}]}";
    answer(sub);
    std::string table = std::string(R"({"kind":"summary_table","template":"mohrss-2022","reports":[{"period":"2023-09","values":{"1":)") +
                        n + R"(,"14":)" + n + "}}]}";
    answer(table);
  }
}

TEST_CASE("invalid UTF-8 is refused as not JSON") {
  bool malformed = false;
  json r = answer("{\"kind\":\"policies\",\"x\":\"\xff\xfe\"}", &malformed);
  CHECK(malformed);
  CHECK(r["errors"][0]["code"] == "request.not_json");
  r = answer("{\"kind\":\"subsidy\",\"city\":\"\xe5\x8d\"}", &malformed);
  CHECK(r["errors"][0]["code"] == "request.not_json");
}

TEST_CASE("a 10 MB summary table is answered, findings capped") {
  // 70,000 reports of 14 values, every one breaking 1≥2: 70,000 relation errors,
  // of which 1,000 are listed and one more finding counts the rest.
  std::string request = R"({"kind":"summary_table","template":"mohrss-2022","reports":[)";
  for (int i = 0; i < 70000; ++i) {
    if (i) request += ",";
    request += R"({"period":"2023-09","unit":"u)" + std::to_string(i) +
               R"(","values":{"1":1,"2":2,"3":40,"4":5,"5":30,"6":20,"7":10,"8":10,"9":6,"10":4,"11":4,"12":1,"13":15,"14":2.5}})";
  }
  request += "]}";
  CHECK(request.size() > 10u * 1000 * 1000);
  json r = answer(request);
  REQUIRE(r["errors"].size() == 1001);
  CHECK(r["errors"][0]["code"] == "summary.relation");
  CHECK(r["errors"][1000]["code"] == "findings.truncated");
  CHECK(r["errors"][1000]["message_en"] == "69000 more errors not listed");
  CHECK(r["reports"].size() == 70000);
}

TEST_CASE("a 100,000-row allocation table adds up") {
  // 100,000 regions of 3 positions and 1 intern: totals 300,000 and 100,000.
  std::string request = R"({"kind":"allocation_table","columns":["positions","trainees"],"rows":[)";
  for (int i = 0; i < 100000; ++i) {
    if (i) request += ",";
    request += R"({"region":"r)" + std::to_string(i) + R"(","positions":3,"trainees":1})";
  }
  request += R"(],"total":{"region":"all","positions":300000,"trainees":100000}})";
  json r = answer(request);
  CHECK(r["ok"] == true);
  request.replace(request.find("300000"), 6, "300001");
  r = answer(request);
  CHECK(r["ok"] == false);
  CHECK(r["errors"][0]["code"] == "allocation.sum_mismatch");
}
