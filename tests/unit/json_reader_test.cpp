// The request reader gives nlohmann's tree exactly (types, key order, values), and
// refuses exactly what nlohmann refuses: every case request, then each with bytes
// changed, cut or inserted, and texts at the edges of the grammar.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/json_reader.h"

using Json = nlohmann::ordered_json;

namespace {

// Same type at every node (an unsigned 1 is not an integer 1), same order, same values.
bool identical(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    auto i = a.begin();
    auto j = b.begin();
    for (; i != a.end(); ++i, ++j)
      if (i.key() != j.key() || !identical(i.value(), j.value())) return false;
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!identical(a[k], b[k])) return false;
    return true;
  }
  if (a.is_number_float()) {
    double x = a.get<double>(), y = b.get<double>();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  if (a.is_discarded()) return true;
  return a == b;
}

void check_same(const std::string& text) {
  Json expected = Json::parse(text, nullptr, false);
  Json got = jianxi::parse_json(text);
  INFO("text: " << text);
  CHECK(identical(expected, got));
}

}  // namespace

TEST_CASE("the reader gives nlohmann's tree at the edges of the grammar") {
  const char* texts[] = {
      "", " ", "{}", "[]", " {} ", "{} x", "{,}", "[,]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}",
      "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":{\"a\":2},\"a\":[3]}", "{\"b\":1,\"a\":2}", "[[[[]]]]",
      "0", "-0", "00", "01", "-", "-a", "1.", "1.e5", ".5", "1e", "1e+", "1E-2", "1e5", "-1.5e-3", "0.1",
      "123456789012345678", "1234567890123456789", "12345678901234567890", "-9223372036854775808",
      "-123456789012345678", "18446744073709551615", "18446744073709551616", "1e400", "-1e400", "1e-400",
      "2.2250738585072011e-308", "0.30000000000000004", "3.14159265358979323846264338327950288",
      "true", "false", "null", "tru", "nul", "True", "truex", "[true false]", "[true,false,null]",
      "\"\"", "\"a\"", "\"a", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0041\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
      "\"\\x\"", "\"\\\"", "\"tab\there\"", "\"nul\x01\"", "\"\x7f\"", "\"见习补贴\"", "\"😀\"",
      "\"\xc0\xaf\"", "\"\xc2\x80\"", "\"\xe0\x9f\xbf\"", "\"\xe0\xa0\x80\"", "\"\xed\x9f\xbf\"", "\"\xed\xa0\x80\"",
      "\"\xef\xbf\xbf\"", "\"\xf0\x8f\xbf\xbf\"", "\"\xf0\x90\x80\x80\"", "\"\xf4\x8f\xbf\xbf\"", "\"\xf4\x90\x80\x80\"",
      "\"\xf5\x80\x80\x80\"", "\"\xe4\xb8\"", "\"\xff\"", "\xef\xbb\xbf{}", "{\"k\xff\":1}", "{\"a\":1}\n\r\t ",
      "{\"kind\":\"unit_application\",\"plan\":{\"positions\":5,\"trainees\":1.5}}", "[1,-2,3.5,\"x\",{},[]]",
      "\t[\n1\r,\n2 ]", "[1 2]", "{\"a\":1 \"b\":2}", "{1:2}", "[\"a\":1]", "}", "]", "[}", "{]",
  };
  for (const char* t : texts) check_same(t);
  check_same(std::string("\"a\0b\"", 5));
  check_same(std::string("[1]\0", 4));
  check_same(std::string(300, '[') + std::string(300, ']'));
}

// Past 16 members the reader checks for a repeated key once, at the object's end.
std::string object_of(int members, int repeated_at) {
  std::string text = "{";
  for (int i = 0; i < members; ++i) {
    if (i) text += ',';
    int name = i == repeated_at ? 3 : i;
    text += "\"k" + std::to_string(name) + "\":" + std::to_string(i);
  }
  return text + "}";
}

TEST_CASE("the reader gives nlohmann's tree for wide objects, a key repeated or not") {
  for (int members : {15, 16, 17, 18, 40, 256}) {
    check_same(object_of(members, -1));
    for (int at : {4, members - 1, members / 2}) check_same(object_of(members, at));
    check_same("[" + object_of(members, members - 1) + "," + object_of(members, -1) + "]");
  }
  Json wide = jianxi::parse_json(object_of(40, 39));
  REQUIRE(wide.is_object());
  CHECK(wide.size() == 39);
  CHECK(wide["k3"] == 39);  // nlohmann keeps the last value, at the first place
}

TEST_CASE("the reader gives nlohmann's tree for every case request, also with bytes changed") {
  namespace fs = std::filesystem;
  std::vector<std::string> texts;
  for (const auto& entry : fs::recursive_directory_iterator(JIANXI_CASES_DIR)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    Json c = Json::parse(s.str());
    texts.push_back(c.at("request").dump());
    texts.push_back(c.at("request").dump(1));
  }
  REQUIRE(texts.size() > 100);
  std::mt19937 random(13);
  const std::string alphabet = "{}[],:\"\\/-+.eE0123456789 \ttrufalsn\x01\x7f\x80\xbf\xc2\xe4\xed\xf0\xf4\xff";
  std::size_t changed = 0;
  for (const std::string& text : texts) {
    check_same(text);
    for (int k = 0; k < 40 && !text.empty(); ++k) {
      std::string t = text;
      std::size_t at = random() % t.size();
      switch (random() % 4) {
        case 0: t[at] = alphabet[random() % alphabet.size()]; break;
        case 1: t.insert(at, 1, alphabet[random() % alphabet.size()]); break;
        case 2: t.erase(at, 1 + random() % 3); break;
        default: t.resize(at); break;
      }
      check_same(t);
      ++changed;
    }
  }
  MESSAGE(changed << " changed texts compared");
}
