// The JSON Schema subset used for rule files.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model/schema_check.h"

TEST_CASE("schema subset: types, required, enums, formats, refs, anyOf") {
  auto schema = nlohmann::ordered_json::parse(R"({"$defs":{
    "day":{"type":"string","format":"date"},
    "doc":{"type":"object","required":["a"],"additionalProperties":false,
      "properties":{"a":{"enum":["x","y"]},"b":{"$ref":"#/$defs/day"},
        "c":{"anyOf":[{"type":"null"},{"type":"integer","minimum":1}]},
        "d":{"type":"array","minItems":1,"items":{"type":"string","format":"rate"}}}}}})");
  jianxi::SchemaChecker checker(schema);
  CHECK(checker.check(nlohmann::ordered_json::parse(R"({"a":"x","b":"2024-02-29","c":null,"d":["2/3"]})"), "doc").empty());
  auto problems = checker.check(
      nlohmann::ordered_json::parse(R"({"b":"2023-02-29","c":0,"d":[],"e":1})"), "doc");
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].path == "/a");
  CHECK(problems[0].reason.find("required") == 0);
  CHECK(problems[1].path == "/b");
  CHECK(problems[2].path == "/c");
  CHECK(problems[3].path == "/d");
  CHECK(problems[4].path == "/e");
  CHECK(checker.check(nlohmann::ordered_json::parse(R"({"a":"z"})"), "doc")[0].reason.find("enum") == 0);
}

TEST_CASE("a keyword the checker does not implement is refused, not ignored") {
  auto schema = nlohmann::ordered_json::parse(R"({"$defs":{"code":{"type":"string","pattern":"^[0-9]+$"}}})");
  jianxi::SchemaChecker checker(schema);
  auto problems = checker.unsupported_keywords();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "/$defs/code/pattern");
}

TEST_CASE("string lengths are counted in characters") {
  auto schema = nlohmann::ordered_json::parse(R"({"$defs":{"prefix":{"type":"string","minLength":2,"maxLength":2}}})");
  jianxi::SchemaChecker checker(schema);
  CHECK(checker.check(nlohmann::ordered_json("吉林"), "prefix").empty());  // 6 bytes, 2 characters
  CHECK(checker.check(nlohmann::ordered_json("吉"), "prefix").size() == 1);
  CHECK(checker.check(nlohmann::ordered_json("220"), "prefix").size() == 1);
}
