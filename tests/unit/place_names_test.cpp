// The name an answer gives a place is the one people write: a municipality's district
// is 北京市东城区, not 北京市市辖区东城区 (GB/T 2260 files it under the grouping 市辖区),
// and a county-level city a province governs directly is 湖北省仙桃市. In English it is
// the romanized name as people write it, smallest first (Lishi District, Lüliang, Shanxi).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "jianxi/engine.h"

namespace {

using nlohmann::json;

json place_of(const std::string& province, const std::string& place) {
  json request = {{"kind", "subsidy"}, {"province", province}, {"as_of", "2024-06-01"}, {"place", place},
                  {"trainees", {{{"category", "college_graduate"}, {"start", "2024-03-01"}, {"end", "2024-05-31"}}}}};
  json answer = json::parse(jianxi::default_engine().evaluate(request.dump()).json);
  INFO(answer.dump());
  REQUIRE(answer.contains("place"));
  return answer["place"];
}

std::string place_name(const std::string& province, const std::string& place) {
  return place_of(province, place).value("name", "");
}

std::string place_name_en(const std::string& province, const std::string& place) {
  return place_of(province, place).value("name_en", "");
}

}  // namespace

TEST_CASE("a grouping of GB/T 2260 is not part of a place's name") {
  CHECK(place_name("beijing", "东城区") == "北京市东城区");
  CHECK(place_name("hubei", "仙桃市") == "湖北省仙桃市");
}

TEST_CASE("a place's English name is its romanized name with the kind of division") {
  CHECK(place_name_en("beijing", "东城区") == "Dongcheng District, Beijing");
  CHECK(place_name_en("hubei", "仙桃市") == "Xiantao, Hubei");
  CHECK(place_name_en("shanxi", "吕梁市离石区") == "Lishi District, Lüliang, Shanxi");
  CHECK(place_name_en("hunan", "长沙市") == "Changsha, Hunan");
  CHECK(place_name_en("jilin", "延边州") == "Yanbian Autonomous Prefecture, Jilin");
  CHECK(place_name_en("shaanxi", "西安市") == "Xi'an, Shaanxi");
}

TEST_CASE("English names read place names as places read them, not as the characters elsewhere") {
  // 碑林区 is a district, not a 林区 (forestry district); 都 in a place name is du; 黄陂, 闵行
  // and 乐清 have readings of their own; 长白 and 彭水 are place names before a nationality.
  CHECK(place_name_en("shaanxi", "西安市碑林区") == "Beilin District, Xi'an, Shaanxi");
  CHECK(place_name_en("hubei", "神农架林区") == "Shennongjia Forestry District, Hubei");
  CHECK(place_name_en("sichuan", "成都市新都区") == "Xindu District, Chengdu, Sichuan");
  CHECK(place_name_en("hubei", "武汉市黄陂区") == "Huangpi District, Wuhan, Hubei");
  CHECK(place_name_en("shanghai", "闵行区") == "Minhang District, Shanghai");
  CHECK(place_name_en("zhejiang", "乐清市") == "Yueqing, Wenzhou, Zhejiang");
  CHECK(place_name_en("jilin", "长白朝鲜族自治县") == "Changbai Autonomous County, Baishan, Jilin");
  CHECK(place_name_en("chongqing", "彭水苗族土家族自治县") == "Pengshui Autonomous County, Chongqing");
  CHECK(place_name_en("xizang", "日喀则市") == "Xigaze, Tibet");
}
