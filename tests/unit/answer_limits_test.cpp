// The documented bounds on the work and the answer of one request: the answer limit
// and catalogs per batch, echoed texts cut in findings, place names of bounded length,
// trailing bytes (a NUL included) refused, numbers too large to read located.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "kinds/engine_limits.h"
#include "jianxi/engine.h"

using nlohmann::json;
namespace limits = jianxi::limits;

namespace {

json answer(const std::string& request, bool* malformed = nullptr, std::size_t* bytes = nullptr) {
  auto ev = jianxi::default_engine().evaluate(request);
  if (malformed) *malformed = ev.malformed;
  if (bytes) *bytes = ev.json.size();
  json r = json::parse(ev.json, nullptr, false);
  REQUIRE_MESSAGE(!r.is_discarded(), "not JSON: " << ev.json.substr(0, 200));
  return r;
}

std::string catalogs(std::size_t n) {
  std::string batch = "[";
  for (std::size_t i = 0; i < n; ++i) batch += std::string(i ? "," : "") + R"({"kind":"catalog"})";
  return batch + "]";
}

std::string subsidy(std::size_t interns, const std::string& place = "南昌市东湖区") {
  json trainees = json::array();
  for (std::size_t i = 0; i < interns; ++i)
    trainees.push_back({{"category", "college_graduate"}, {"start", "2023-09-01"}, {"end", "2024-03-31"},
                        {"insurance_premium", 100}});
  return json{{"kind", "subsidy"}, {"policy", "jiangxi-2023"}, {"place", place}, {"trainees", trainees}}.dump();
}

std::string repeat(const std::string& text, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("the catalog answers of a batch are bounded together") {
  // As many whole catalogs as fit in 1 MB pass; one more is refused (the count follows the
  // catalog's size, which grows with the rules).
  bool malformed = false;
  std::size_t one = 0;
  answer(catalogs(1), &malformed, &one);
  REQUIRE(one > 0);
  std::size_t fit = 1000000 / (one + 1);
  REQUIRE(fit >= 1);
  json within = answer(catalogs(fit), &malformed);
  REQUIRE(within.is_array());
  CHECK(within.size() == fit);
  CHECK_FALSE(malformed);

  json over = answer(catalogs(fit + 1), &malformed);
  REQUIRE(over.is_object());
  CHECK(malformed);
  CHECK(over["errors"][0]["code"] == "request.too_large");
  CHECK(over["errors"][0]["message_en"].get<std::string>().find("larger than 1 MB together") != std::string::npos);

  // Catalog requests answered with an error are small, and many fit.
  std::string bad = "[";
  for (int i = 0; i < 2000; ++i) bad += std::string(i ? "," : "") + R"({"kind":"catalog","policy":1})";
  json errors = answer(bad + "]", &malformed);
  REQUIRE(errors.is_array());
  CHECK(errors.size() == 2000);
}

TEST_CASE("an answer over the answer limit is refused, naming the limit") {
  // Each 35,000-intern estimate answers about 106 MB: the fourth takes the batch over 384 MiB.
  std::string one = subsidy(35000);
  bool malformed = false;
  std::size_t bytes = 0;
  json r = answer("[" + one + "," + one + "," + one + "," + one + "]", &malformed, &bytes);
  REQUIRE(r.is_object());
  CHECK(malformed);
  CHECK(r["errors"][0]["code"] == "request.too_large");
  CHECK(r["errors"][0]["message_en"].get<std::string>().find("384 MiB") != std::string::npos);
  CHECK(bytes < 4096);
}

TEST_CASE("a text of the request is quoted in findings at the documented length") {
  std::string name = repeat("长", 70000);  // 210 KB
  bool malformed = false;
  std::size_t bytes = 0;
  json kind = answer(json{{"kind", name}}.dump(), &malformed, &bytes);
  CHECK(kind["errors"][0]["code"] == "request.kind_unknown");
  CHECK(kind["errors"][0]["message"].get<std::string>().find(repeat("长", limits::kEchoedChars) + "…") !=
        std::string::npos);
  CHECK(bytes < 2 * limits::kFindingTextBytes + 1024);

  // A column name of 210 KB, missing from every row of a table.
  json rows = json::array();
  for (int i = 0; i < 2000; ++i) rows.push_back({{"region", "长春市" + std::to_string(i)}});
  json table = answer(json{{"kind", "allocation_table"}, {"columns", {name}}, {"rows", rows}}.dump(), nullptr, &bytes);
  CHECK(bytes < 8u << 20);
  for (const auto& list : {table["errors"], table["warnings"]})
    for (const auto& f : list) {
      CHECK(f["path"].get<std::string>().size() <= limits::kFindingTextBytes);
      CHECK(f["message"].get<std::string>().size() <= limits::kFindingTextBytes);
      CHECK(f["message_en"].get<std::string>().size() <= limits::kFindingTextBytes);
    }
}

TEST_CASE("a place name over the documented length is place.too_long at once") {
  json at_limit = answer(subsidy(1, repeat("某", limits::kPlaceChars)));
  CHECK(at_limit["errors"][0]["code"] == "place.unknown");
  json over = answer(subsidy(1, repeat("某", limits::kPlaceChars + 1)));
  CHECK(over["errors"][0]["code"] == "place.too_long");
  CHECK(over["errors"][0]["path"] == "/place");
  // 9 MB of name: refused without searching (a full search took seconds per MB).
  json huge = answer(subsidy(1, repeat("某", 3u << 20)));
  CHECK(huge["errors"][0]["code"] == "place.too_long");
  CHECK(huge["errors"][0]["message"].get<std::string>().size() <= limits::kFindingTextBytes);
}

TEST_CASE("bytes after the JSON text, a NUL among them, are not JSON") {
  for (std::string tail : {std::string("\0GARBAGE", 8), std::string("\0", 1), std::string(" x"), std::string("{}")}) {
    bool malformed = false;
    json r = answer(std::string(R"({"kind":"policies"})") + tail, &malformed);
    CHECK(malformed);
    CHECK(r["errors"][0]["code"] == "request.not_json");
  }
  bool malformed = false;
  json batch = answer(std::string(R"([{"kind":"policies"}])") + std::string("\0]", 2), &malformed);
  CHECK(batch["errors"][0]["code"] == "request.not_json");
  // A table split into its reports is refused the same way.
  std::string report = R"({"unit":"U","period":"2023-09","values":{"1":1}})";
  std::string table = R"({"kind":"summary_table","template":"mohrss-2022","reports":[)" + report + "," + report + "]}";
  CHECK(answer(table + std::string("\0", 1))["errors"][0]["code"] == "request.not_json");
  jianxi::TableColumns columns;
  columns.request = std::string(R"({"template":"mohrss-2022"})") + std::string("\0x", 2);
  columns.periods = {"2023-09"};
  columns.values = {1};
  columns.indicators = 1;
  auto ev = jianxi::default_engine().evaluate_table(columns);
  CHECK(ev.malformed);
}

TEST_CASE("a number too large to read is number.out_of_range at its path") {
  bool malformed = false;
  json r = answer(R"({"kind":"subsidy","policy":"jiangxi-2023","min_wage":1e999})", &malformed);
  CHECK(malformed);
  CHECK(r["errors"][0]["code"] == "number.out_of_range");
  CHECK(r["errors"][0]["path"] == "/min_wage");

  std::string digits = "9" + repeat("0", 100000);
  r = answer(R"({"kind":"subsidy","trainees":[{"start":"2023-09-01"},{"insurance_premium":)" + digits + "}]}");
  CHECK(r["errors"][0]["code"] == "number.out_of_range");
  CHECK(r["errors"][0]["path"] == "/trainees/1/insurance_premium");

  r = answer(R"([{"kind":"policies"},{"a/b~":[-1e400]}])");
  CHECK(r["errors"][0]["path"] == "/1/a~1b~0/0");
  // A report of a table read on its own is located in the whole request.
  std::string report = R"({"unit":"U","period":"2023-09","values":{"1":1}})";
  r = answer(R"({"kind":"summary_table","template":"mohrss-2022","reports":[)" + report + "," + report +
             R"(,{"unit":"U","period":"2023-09","values":{"1":2e308}}]})");
  CHECK(r["errors"][0]["code"] == "number.out_of_range");
  CHECK(r["errors"][0]["path"] == "/reports/2/values/1");
}

TEST_CASE("a list under one no-limit word is read to the documented number of words, no further") {
  // ningxia-2020#2 forbids degree thresholds; 不限学历、学历、…、学历 sets none while the
  // list is within limits::kListedWords words of the 学历 judged, and past that the 学历 is
  // read on its own: a threshold.
  auto position_errors = [](const std::string& requirements) {
    json position = {{"title", "行政助理"}, {"count", 1}, {"requirements", requirements}};
    json request = {{"kind", "unit_application"}, {"policy", "ningxia-2020"}, {"positions", json::array({position})}};
    std::size_t thresholds = 0;
    json r = answer(request.dump());
    for (const auto& e : r["errors"])
      if (e["code"] == "position.requirement_forbidden") ++thresholds;
    return thresholds;
  };
  CHECK(position_errors("不限" + repeat("学历、", limits::kListedWords - 1) + "学历") == 0);
  CHECK(position_errors("不限" + repeat("学历、", limits::kListedWords + 1) + "学历") == 1);
  // Allowed phrases are blanked however many there are: 专业知识 is no major threshold.
  CHECK(position_errors(repeat("专业知识", 20000)) == 0);
  CHECK(position_errors(repeat("专业知识", 20000) + "本科") == 1);
}

TEST_CASE("an object with more members than the documented limit is request.too_large before it is read") {
  auto row = [](std::size_t members) {
    json r = {{"region", "长春市"}, {"positions", 1}};
    for (std::size_t i = 2; i < members; ++i) r["c" + std::to_string(i)] = 1;
    return r;
  };
  auto table = [&](std::size_t members) {
    return json{{"kind", "allocation_table"}, {"columns", {"positions"}}, {"rows", json::array({row(members)})},
                {"total", {{"region", "全省"}, {"positions", 1}}}};
  };
  auto code = [](const std::string& request) {
    bool malformed = false;
    json r = answer(request, &malformed);
    return r["errors"].empty() ? std::string("none") : r["errors"][0]["code"].get<std::string>();
  };
  CHECK(code(table(limits::kObjectMembers).dump()) == "none");
  CHECK(code(table(limits::kObjectMembers + 1).dump()) == "request.too_large");
  // In a batch (the root an array), and in a table's reports, read apart from the rest.
  CHECK(code("[" + table(limits::kObjectMembers + 1).dump() + "]") == "request.too_large");
  json wide = {{"period", "2023-01"}, {"values", row(limits::kObjectMembers + 1)}};
  json plain = {{"period", "2023-01"}, {"values", {{"1", 1}}}};
  for (const json& reports : {json::array({wide}), json::array({wide, plain}), json::array({plain, plain, wide})}) {
    json summary = {{"kind", "summary_table"}, {"template", "mohrss-2022"}, {"reports", reports}};
    CHECK(code(summary.dump()) == "request.too_large");
  }
  // Wherever the wide object sits among a table's reports, and however the table is
  // written, the request is refused before it is read, alone as in a batch.
  const std::string w = wide.dump(), p = plain.dump();
  for (const std::string& text :
       {R"({"kind":"policies","reports":[{},)" + w + "]}", R"({"reports":[{},)" + w + "]}",
        R"({"\u006bind":"summary_table","template":"mohrss-2022","reports":[{},)" + w + "]}",
        R"({"kind":"summary_table","reports":[{},)" + w + R"(],"reports":1})",
        R"({"kind":"summary_table","template":"mohrss-2022","reports":[{},)" + w + R"(],"reports":[)" + p + "," + p + "]}",
        R"({"kind":"summary_table","template":"nope","reports":[)" + p + "," + w + "]}",
        R"({"kind":"summary_table","template":"mohrss-2022","reports":[)" + p + R"(,{"period":tru},)" + w + "]}"}) {
    INFO(text.substr(0, 120));
    CHECK(code(text) == "request.too_large");
    CHECK(code("[" + text + "]") == "request.too_large");
  }
  // Commas inside strings are no members, and text that is not JSON stays request.not_json.
  CHECK(code(R"({"kind":"policies","note":")" + repeat(",", 1000) + R"("})") == "none");
  CHECK(code("]]{") == "request.not_json");
}
