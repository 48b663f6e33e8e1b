// Reports read as typed rows (plain_report.h) answer exactly as reports read as trees:
// every report shape below is checked both ways. A batch array makes the engine parse
// a request whole, so its answer is the tree reading.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "jianxi/engine.h"
#include "io/plain_report.h"

namespace {

std::string by_rows(const std::string& text) { return jianxi::default_engine().evaluate(text).json; }

std::string as_trees(const std::string& text) {
  std::string batch = jianxi::default_engine().evaluate("[" + text + "]").json;
  if (batch.size() < 2 || batch.front() != '[') return batch;
  return batch.substr(1, batch.size() - 2);
}

const std::string kValues = R"("1":40,"2":5,"3":300,"4":20,"5":120,"6":100,"7":80,"8":60,"9":30,"10":25,"11":20,"12":4,"13":90)";

std::string report(const std::string& period, const std::string& rest) {
  return R"({"period":")" + period + R"(","unit":"u",)" + rest + "}";
}

std::string table(const std::vector<std::string>& reports) {
  std::string text = R"({"kind":"summary_table","template":"mohrss-2022","province":"jiangxi","reports":[)";
  for (std::size_t i = 0; i < reports.size(); ++i) text += (i ? "," : "") + reports[i];
  return text + "]}";
}

}  // namespace

TEST_CASE("every report shape answers the same read as a row or as a tree") {
  const std::string values = R"("values":{)" + kValues;
  const std::vector<std::string> shapes = {
      report("2023-01", R"("submitted_on":"2023-02-03",)" + values + R"(,"14":13.5})"),
      R"({"period":"2023-02","unit":"南昌市示例科技有限公司","submitted_on":"2023-03-20",)" + values + R"(,"14":1})",
      R"({"unit":"a\"b","period":"2023-03",)" + values + R"(,"14":1})",           // escaped unit
      R"({"unit":"\u4e2d","period":"2023-03",)" + values + R"(,"14":1})",
      // Units as Python's json.dumps writes them, and every other escape, good or not.
      R"({"unit":"\u5357\u660c\u5e02x\u79d1\u6280","period":"2023-03",)" + values + R"(,"14":1})",
      R"({"unit":"a\/b\\c\n\r\t\b\f\u0000\u00e9\u20AC","period":"2023-03",)" + values + R"(,"14":1})",
      R"({"unit":"\ud83d\ude00 \uD83D\uDE00","period":"2023-03",)" + values + R"(,"14":1})",
      R"({"unit":"\ud83d","period":"2023-03",)" + values + R"(,"14":1})",          // a lone high surrogate
      R"({"unit":"\ud83dx\ude00","period":"2023-03",)" + values + R"(,"14":1})",  // high, then no low
      R"({"unit":"\ude00","period":"2023-03",)" + values + R"(,"14":1})",          // a lone low surrogate
      R"({"unit":"\u12G4","period":"2023-03",)" + values + R"(,"14":1})",
      R"({"unit":"\x41","period":"2023-03",)" + values + R"(,"14":1})",
      R"({"unit":"\u12","period":"2023-03",)" + values + R"(,"14":1})",
      report("2023-13", values + R"(,"14":1})"),                                    // no such month
      R"({"period":202304,)" + values + R"(,"14":1}})",                             // period not text
      report("2023-05", R"("submitted_on":"2023-06-31",)" + values + R"(,"14":1})"),  // no such day
      report("2023-06", R"("submitted_on":null,)" + values + R"(,"14":1})"),
      report("2023-07", R"("values":{"1":40.0,"2":-0,"3":-5,"4":1e2,"5":120,"6":100.5,"7":80,"8":60,"9":30,"10":25,"11":20,"12":4,"13":90,"14":12.34567}})"),
      report("2023-08", R"("values":{"1":123456789012345,"2":1234567890123456,"3":99999999999999999999,"14":0.1}})"),
      report("2023-09", values + R"(,"14":1,"15":2,"01":3,"x":4})"),                 // keys the template lacks
      report("2023-10", values + R"(,"14":1,"1":41})"),                              // a key twice
      report("2023-11", R"("values":{}})"),
      report("2023-12", R"("values":null})"),
      report("2024-01", R"("values":[]})"),
      report("2024-02", values + R"(,"14":1},"note":"x")"),                        // a key reports lack
      R"({"period":"2024-03","period":"2024-04",)" + values + R"(,"14":1}})",
      " \n\t{ \"period\" : \"2024-05\" ,\r\n \"values\" : { \"1\" : 3 , \"14\" : 0.25 } } ",
      report("2024-06", R"("values":{"1":"40","14":1}})"),                          // a number as text
      R"({"period":"2024-07","unit":"u","values":{"14":90000000000}})",             // money out of range
      R"({"period":"2024-07","unit":"u","values":{"14":-0.5,"1":-0.0}})",
      R"(["not","an","object"])",
      R"({})",
  };
  // Each shape beside a plain report, and all of them in one table (order checks too).
  for (const auto& shape : shapes) {
    std::string text = table({report("2022-12", values + R"(,"14":1})"), shape});
    INFO(text);
    CHECK(by_rows(text) == as_trees(text));
  }
  std::string all = table(shapes);
  CHECK(by_rows(all) == as_trees(all));
  // A unit written with escapes is named in findings as the tree reads it (one unit's
  // period given twice names the unit).
  for (const std::string unit : {R"(\u5357\u660c\u5e02x)", R"(a\/b\\c\n\u00e9\u20AC)", R"(\ud83d\ude00)"}) {
    std::string once = R"({"period":"2023-03","unit":")" + unit + R"(",)" + values + R"(,"14":1}})";
    std::string text = table({once, once});
    INFO(text);
    CHECK(by_rows(text) == as_trees(text));
    CHECK(by_rows(text).find("summary.period_duplicate") != std::string::npos);
  }
  // A string with a control character or bytes that are not UTF-8 is not JSON either way.
  for (std::string bad : {std::string("{\"period\":\"2023-01\",\"unit\":\"a\tb\"}"),
                          std::string("{\"period\":\"2023-01\",\"unit\":\"a\xC3\x28\"}")}) {
    std::string text = table({report("2022-12", values + R"(,"14":1})"), bad});
    CHECK(by_rows(text) == as_trees(text));
    CHECK(by_rows(text).find("request.not_json") != std::string::npos);
  }
}

TEST_CASE("a plain number reads as strtod reads it") {
  std::mt19937_64 random(20261126);
  jianxi::ReportRow row;
  for (int i = 0; i < 100000; ++i) {
    int digits = 1 + static_cast<int>(random() % 15);
    int fraction = static_cast<int>(random() % digits);
    std::string number = std::to_string(random() % 9 + 1);
    for (int d = 1; d < digits; ++d) number += static_cast<char>('0' + random() % 10);
    if (fraction) number.insert(number.size() - fraction, ".");
    if (number.front() == '.') number.insert(0, "0");
    if (random() % 4 == 0) number.insert(0, "-");
    std::string text = R"({"period":"2023-01","values":{"14":)" + number + "}}";
    REQUIRE(jianxi::read_plain_report(text, 14, row));
    INFO(number);
    CHECK(row.cells[13].number == std::strtod(number.c_str(), nullptr));
    CHECK(row.cells[13].integer == (number.find('.') == std::string::npos));
  }
  // Beyond 15 digits, exponents and leading zeros are left to the tree reader.
  for (const char* number : {"1234567890123456", "1e2", "01", "1.", ".5", "-", "0.1234567890123456"}) {
    std::string text = R"({"period":"2023-01","values":{"14":)" + std::string(number) + "}}";
    INFO(number);
    CHECK_FALSE(jianxi::read_plain_report(text, 14, row));
  }
}

TEST_CASE("a table given as columns answers as the same table written as JSON") {
  const double nan = std::nan("");
  jianxi::TableColumns t;
  t.request = R"({"template":"mohrss-2022","province":"jiangxi"})";
  t.indicators = 14;
  t.periods = {"2023-01", "2023-02", "2023-13", "2023-04", "2023-03"};
  t.units = {"甲", "甲", "a\"b", "甲", ""};
  t.submitted = {"2023-02-03", "2023-03-31", "", "2023-05-40", "2023-04-01"};
  std::vector<double> row = {40, 5, 300, 20, 120, 100, 80, 60, 30, 25, 20, 4, 90, 13.5};
  for (int r = 0; r < 5; ++r) t.values.insert(t.values.end(), row.begin(), row.end());
  t.values[14 + 0] = 40.5;   // a count with a fraction
  t.values[28 + 5] = -1;     // negative
  t.values[42 + 13] = nan;   // an empty cell
  t.values[56 + 13] = 0.123456;
  std::string json = R"({"kind":"summary_table","template":"mohrss-2022","province":"jiangxi","reports":[)";
  for (std::size_t r = 0; r < t.periods.size(); ++r) {
    json += r ? "," : "";
    json += R"({"period":")" + t.periods[r] + "\"";
    if (!t.units[r].empty()) json += R"(,"unit":")" + std::string(r == 2 ? "a\\\"b" : t.units[r]) + "\"";
    if (!t.submitted[r].empty()) json += R"(,"submitted_on":")" + t.submitted[r] + "\"";
    json += R"(,"values":{)";
    bool first = true;
    for (int i = 0; i < 14; ++i) {
      double v = t.values[r * 14 + i];
      if (v != v) continue;
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", v);
      json += (first ? "\"" : ",\"") + std::to_string(i + 1) + "\":" + buffer;
      first = false;
    }
    json += "}}";
  }
  json += "]}";
  CHECK(jianxi::default_engine().evaluate_table(t).json == as_trees(json));
}
