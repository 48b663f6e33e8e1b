// The compact writer gives exactly nlohmann's dump() text.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "io/json_writer.h"

using Json = nlohmann::ordered_json;

namespace {
std::string written(const Json& v) {
  std::string out;
  jianxi::write_compact(v, out);
  return out;
}
}  // namespace

TEST_CASE("the compact writer equals dump()") {
  Json v = Json::parse(R"({"b":1,"a":[true,false,null,-0.0,0.1,1e-7,1e21,1234.5,
    18446744073709551615,-9223372036854775808,"",
    "见习\"补贴\"\\ \n\t\r\b\f\u0001\u001f\u007f","😀 ½"],"c":{"d":{}},"e":[]})");
  CHECK(written(v) == v.dump());
  v["nan"] = std::nan("");
  v["inf"] = 1.0 / 0.0;
  CHECK(written(v) == v.dump(-1, ' ', false, Json::error_handler_t::replace));
}

TEST_CASE("each byte of invalid UTF-8 in a string becomes U+FFFD, and the text stays JSON") {
  Json v = std::string("a\xff" "b\xe4\xb8" "c\xed\xa0\x80");
  std::string text = written(v);
  CHECK(text == "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(Json::parse(text) == Json("a\uFFFDb\uFFFD\uFFFDc\uFFFD\uFFFD\uFFFD"));
}
