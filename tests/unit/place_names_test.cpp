// The name an answer gives a place is the one people write: a municipality's district
// is 北京市东城区, not 北京市市辖区东城区 (GB/T 2260 files it under the grouping 市辖区),
// and a county-level city a province governs directly is 湖北省仙桃市.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "jianxi/engine.h"

namespace {

using nlohmann::json;

std::string place_name(const std::string& province, const std::string& place) {
  json request = {{"kind", "subsidy"}, {"province", province}, {"as_of", "2024-06-01"}, {"place", place},
                  {"trainees", {{{"category", "college_graduate"}, {"start", "2024-03-01"}, {"end", "2024-05-31"}}}}};
  json answer = json::parse(jianxi::default_engine().evaluate(request.dump()).json);
  INFO(answer.dump());
  REQUIRE(answer.contains("place"));
  return answer["place"].value("name", "");
}

}  // namespace

TEST_CASE("a grouping of GB/T 2260 is not part of a place's name") {
  CHECK(place_name("beijing", "东城区") == "北京市东城区");
  CHECK(place_name("hubei", "仙桃市") == "湖北省仙桃市");
}
