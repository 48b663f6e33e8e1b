// Minimum-wage figures of the years before the notices in rules/: no notice estimates an
// internship then (each is refused outside its period), but the tables hold them, for
// the catalog's places on a past date and for a notice whose start was not confirmed.
// Each figure is worked from the source the table cites.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/min_wage.h"
#include "model/rule_set.h"
#include "test_files.h"

namespace {

const jianxi::RuleSet& rules() {
  static auto set = jianxi::RuleSet::load(jianxi_test::rules_from(JIANXI_RULES_DIR));
  return *set;
}

struct Asked {
  const char* policy;  // whose province's table is read
  std::optional<std::string> place;
  std::optional<int> tier;
  const char* day;
};

struct Expected {
  jianxi::Fen fen;
  const char* effective;  // the adjustment the figure comes from
  int tier;
  const char* confidence;
};

// The province's wage table, read as the notice's subsidy reads it, for the place or tier asked.
jianxi::WageResolver resolver_for(const Asked& asked, std::optional<jianxi::Fen> given, jianxi::Report& report) {
  const jianxi::Policy* policy = rules().policy(asked.policy);
  REQUIRE(policy != nullptr);
  jianxi::WageResolver::Request request;
  request.place = asked.place;
  request.tier = asked.tier;
  request.given = given;
  request.earliest = *jianxi::parse_date(asked.day);
  return jianxi::WageResolver(rules(), *policy, request, report);
}

void check(const Asked& asked, const Expected& expected, std::optional<jianxi::Fen> given = std::nullopt) {
  jianxi::Report report;
  jianxi::WageResolver wages = resolver_for(asked, given, report);
  INFO(std::string(asked.policy) << " " << asked.place.value_or("tier " + std::to_string(asked.tier.value_or(0))) << " on "
                                << std::string(asked.day));
  auto figure = wages.on(*jianxi::parse_date(asked.day));
  REQUIRE(figure.has_value());
  CHECK(figure->fen == expected.fen);
  CHECK(!report.has_errors());
  auto sources = wages.sources();
  if (!expected.effective) return;  // a figure given by the person: no table entry
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]["effective"] == expected.effective);
  CHECK(sources[0]["tier"] == expected.tier);
  CHECK(sources[0]["amount"] == expected.fen / 100);
  CHECK(sources[0]["confidence"] == expected.confidence);
}

// A month whose figure the table does not confirm: none is guessed, and it is asked for.
void check_asked_for(const Asked& asked, const char* code) {
  jianxi::Report report;
  jianxi::WageResolver wages = resolver_for(asked, std::nullopt, report);
  INFO(std::string(asked.policy) << " on " << std::string(asked.day));
  CHECK(!wages.on(*jianxi::parse_date(asked.day)).has_value());
  // The findings are held as written JSON (raw_json): read them back.
  auto head = report.head("subsidy");
  const auto& written = head["errors"].get_binary();
  auto errors = nlohmann::json::parse(written.begin(), written.end());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]["code"] == code);
}

}  // namespace

TEST_CASE("湖南's 2015 standard stands until 2017-06-30") {
  // 湘人社发〔2014〕66号: '档次调整为:1390元/月、1250元/月、1130元/月、1030元/月', from
  // 2015-01-01; no 2016 change; replaced on 2017-07-01 (1580/1430/1280/1130). No area list
  // of 2015 is entered, so the tier is given: tier 4 is 1030 in June 2017, 1130 in July
  // (the 2017 standard has three sources).
  check({"hunan-2023", std::nullopt, 4, "2017-06-15"}, {103000, "2015-01-01", 4, "high"});
  check({"hunan-2023", std::nullopt, 4, "2017-07-15"}, {113000, "2017-07-01", 4, "high"});
}

TEST_CASE("石门县 in November 2019 is in 常德's 其他区域, tier 3") {
  // 关于常德市2019年调整最低工资标准的通知 (常德日报): '常德市城区即武陵区城区、鼎城区武陵镇、
  // 常德经济技术开发区、柳叶湖旅游度假区,适用标准为1540元/月…其他区域适用标准为1380元/月';
  // 1380 is tier 3 of the 2019-10-01 standard (1700/1540/1380/1220).
  check({"hunan-2023", std::string("石门县"), std::nullopt, "2019-11-15"}, {138000, "2019-10-01", 3, "high"});
}

TEST_CASE("湖南's 2019 tier 1 has two sources: high") {
  // Tiers 1–3 of the 2019-10-01 standard are confirmed by two sources, tier 4 by one.
  check({"hunan-2023", std::nullopt, 1, "2021-04-15"}, {170000, "2019-10-01", 1, "high"});
}

TEST_CASE("吉林市 in January 2017 is tier 1 of the 2015-12-01 list") {
  // 吉林省人民政府关于发布全省最低工资标准的通知 (2015-11-30): '長春、吉林市區最低工資標準
  // 1480元/月', from 2015-12-01 to the next adjustment (2017-10-01, when 吉林市区 became tier 2).
  check({"jilin-2022", std::string("吉林市"), std::nullopt, "2017-01-15"}, {148000, "2015-12-01", 1, "high"});
}

TEST_CASE("清徐县 in March 2017 is under 山西's 2015 standard and its table") {
  // The table printed with the 2015 figures ('二类 | 1520 | … 太原市清徐县') is the area table
  // of the 2015-05-01 standard, in force until 2017-09-30; both rest on secondary pages.
  check({"shanxi-2022", std::string("清徐县"), std::nullopt, "2017-03-15"}, {152000, "2015-05-01", 2, "medium"});
}

TEST_CASE("娄烦县 keeps its four-tier tier until 山西 went to three tiers") {
  // 娄烦县 is tier 4 in the 2014 list, repeated for 2015 and 2017: 2017 tier 4 = 1400 in
  // August 2021. From 2021-10-01 山西 has three tiers and no list of that year places 娄烦县
  // (the 2025 list puts it in tier 3): the table has no figure, and one given fills it.
  check({"shanxi-2022", std::string("娄烦县"), std::nullopt, "2021-08-15"}, {140000, "2017-10-01", 4, "high"});
  check_asked_for({"shanxi-2022", std::string("娄烦县"), std::nullopt, "2021-10-15"}, "min_wage.tier_unknown");
  check({"shanxi-2022", std::string("娄烦县"), std::nullopt, "2021-10-15"}, {123400, nullptr, 0, nullptr}, 123400);
}

TEST_CASE("新疆's 2018 raise counts from the day it was reported; before it, the figure is asked for") {
  // A national table of early 2018 (latest date 2018.02.01) still lists 新疆 2015.07.01
  // 1670/1470/1390/1310; Xinhua reported on 2018-03-28 that they 'were raised to 1,820 …'
  // with no effective date, and 'the first salary level applies to Karamay'. From the
  // report's day 克拉玛依区 (tier 1) is 1820, medium; in February 2018 neither standard is
  // confirmed for the day, so none is taken.
  check({"xinjiang-2019", std::string("克拉玛依市克拉玛依区"), std::nullopt, "2018-04-15"}, {182000, "2018-03-28", 1, "medium"});
  check_asked_for({"xinjiang-2019", std::string("克拉玛依市克拉玛依区"), 1, "2018-02-15"}, "min_wage.unconfirmed");
}
