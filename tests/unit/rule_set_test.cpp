// Loading rules: the real rules load cleanly, a broken file is named with its path
// and reason, and the engine computes from fixture rules alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "jianxi/engine.h"
#include "test_files.h"
#include "model/rule_set.h"

namespace fs = std::filesystem;

namespace {

using jianxi_test::rules_from;

// A notice's file: rules/provinces/<id>/policies/<notice>.json (or policies/ in fixtures).
bool is_policy_file(const std::string& path) {
  return path.rfind("policies/", 0) == 0 || path.find("/policies/") != std::string::npos;
}

std::vector<jianxi::RuleText> fixture_rules() {
  std::vector<jianxi::RuleText> rules;
  for (auto& r : rules_from(JIANXI_FIXTURES_DIR))
    if (r.path.find('/') != std::string::npos) rules.push_back(std::move(r));  // not added-notice.json
  rules.push_back({"schema.json", jianxi_test::read_file(fs::path(JIANXI_RULES_DIR) / "schema.json")});
  return rules;
}

}  // namespace

TEST_CASE("the rules in rules/ load without problems") {
  auto set = jianxi::RuleSet::load(rules_from(JIANXI_RULES_DIR));
  for (const auto& p : set->problems()) FAIL_CHECK(p.message_en);
  std::size_t files = 0;
  for (const auto& r : rules_from(JIANXI_RULES_DIR)) files += is_policy_file(r.path);
  CHECK(set->policies().size() == files);
  CHECK(set->wage_table("jiangxi") != nullptr);
}

TEST_CASE("the embedded rules are the rules in rules/") {
  auto on_disk = rules_from(JIANXI_RULES_DIR);
  CHECK(jianxi::embedded_rules().size() == on_disk.size());
  for (const auto& r : on_disk) {
    bool found = false;
    for (const auto& e : jianxi::embedded_rules()) found = found || (e.path == r.path && e.text == r.text);
    CHECK_MESSAGE(found, r.path << " differs from the embedded copy: rebuild");
  }
}

TEST_CASE("a broken rule file is reported with file, path and reason") {
  auto rules = fixture_rules();
  for (auto& r : rules) {
    if (r.path != "policies/fixture-2020.json") continue;
    auto doc = nlohmann::ordered_json::parse(r.text);
    doc["subsidy"]["position"]["rates"]["college_graduate"] = "50%";
    doc.erase("title");
    r.text = doc.dump();
  }
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(set->problems().size() == 2);
  std::string all = set->problems()[0].message_en + "\n" + set->problems()[1].message_en;
  CHECK(all.find("rules/policies/fixture-2020.json /title: required") != std::string::npos);
  CHECK(all.find("/subsidy/position/rates/college_graduate: anyOf") != std::string::npos);
  CHECK(all.find("not a rate") != std::string::npos);

  jianxi::Engine engine(rules);
  auto result = nlohmann::ordered_json::parse(engine.evaluate(R"({"kind":"policies"})").json);
  CHECK(result["ok"] == false);
  CHECK(result["errors"][0]["code"] == "rules.invalid");
}

TEST_CASE("a copied area entry must match the list it names") {
  auto rules = rules_from(JIANXI_RULES_DIR);
  for (auto& r : rules) {
    if (r.path != "provinces/shanxi/minimum-wage.json") continue;
    auto doc = nlohmann::ordered_json::parse(r.text);
    for (auto& areas : doc["areas"])
      for (auto& place : areas["places"])
        if (place.contains("carried_from") && place["code"] == "140121") place["tier"] = 1;
    r.text = doc.dump();
  }
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(!set->problems().empty());
  for (const auto& p : set->problems()) {
    CHECK(p.message_en.find("provinces/shanxi/minimum-wage.json /areas/") != std::string::npos);
    CHECK(p.message_en.find("/carried_from: no earlier list of that date gives") != std::string::npos);
  }
}

TEST_CASE("a 市区 entry takes out only districts of its own city") {
  // hebei's 石家庄市区(不含井陉矿区): 130107 is a district of 130100; 130202 (唐山路南区)
  // is not, and a mistyped code names no division at all.
  auto rules = rules_from(JIANXI_RULES_DIR);
  bool edited = false;
  for (auto& r : rules) {
    if (r.path != "provinces/hebei/minimum-wage.json") continue;
    auto doc = nlohmann::ordered_json::parse(r.text);
    for (auto& areas : doc["areas"])
      for (auto& place : areas["places"])
        if (place.contains("except") && place["code"] == "130100" && !edited) {
          place["except"] = {"130202", "130199"};
          edited = true;
        }
    r.text = doc.dump();
  }
  REQUIRE(edited);
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(set->problems().size() == 2);
  CHECK(set->problems()[0].message_en.find("/except/0: not a district of") != std::string::npos);
  CHECK(set->problems()[0].message_en.find("130202") != std::string::npos);
  CHECK(set->problems()[1].message_en.find("/except/1: not a district of") != std::string::npos);
}

TEST_CASE("a window of months before leaving school must say how many months") {
  // Without `months`, months_before would open the window on the leaving day itself.
  auto rules = rules_from(JIANXI_RULES_DIR);
  bool edited = false;
  for (auto& r : rules) {
    if (r.path != "provinces/shandong/policies/shandong-2020.json") continue;
    auto doc = nlohmann::ordered_json::parse(r.text);
    auto& window = doc["eligibility"]["graduate"]["before_leaving"];
    REQUIRE(window["from"] == "months_before");
    window.erase("months");
    r.text = doc.dump();
    edited = true;
  }
  REQUIRE(edited);
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(set->problems().size() == 1);
  CHECK(set->problems()[0].message_en.find("/eligibility/graduate/before_leaving: anyOf") != std::string::npos);
}

TEST_CASE("not JSON at all is a rule problem too") {
  auto rules = fixture_rules();
  rules.push_back({"policies/broken.json", "{"});
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(set->problems().size() == 1);
  CHECK(set->problems()[0].message_en.find("policies/broken.json") != std::string::npos);
}

TEST_CASE("the engine computes from fixture rules") {
  jianxi::Engine engine(fixture_rules());
  // Fixture: 2020-06-01 (a Monday) is a holiday; part months need 15 working days.
  // From 2020-05-01: May is a whole internship month. To 2020-06-19 the part month
  // 06-01..06-19 has 15 weekdays less the holiday = 14 → not counted; to 2020-06-22
  // it has 15 → counted. Min wage 2000 × 50% = 1000 per counted month; retention
  // 1/1 = 100% ≥ 40% raises to 75%: 2000 × 25% = 500 per month; insurance 100.
  auto run = [&](const char* end) {
    std::string req = std::string(R"({"kind":"subsidy","policy":"fixture-2020","min_wage":2000,
      "trainees":[{"category":"college_graduate","start":"2020-05-01","end":")") + end +
                      R"(","retained":true}]})";
    return nlohmann::json::parse(engine.evaluate(req).json);
  };
  auto a = run("2020-06-22");
  CHECK(a["ok"] == true);
  CHECK(a["by_item"]["position"] == 2000);
  CHECK(a["by_item"]["retention_uplift"] == 1000);
  CHECK(a["by_item"]["insurance"] == 100);
  CHECK(a["total"] == 3100);
  auto b = run("2020-06-19");
  CHECK(b["by_item"]["position"] == 1000);
  CHECK(b["total"] == 1600);
}

TEST_CASE("a part month counted at half leaves the other half to the remaining period") {
  // The fixture notice with part_month {share: 0.5} and a remaining period. From 2020-05-01,
  // agreed to 2020-08-31, a contract signed 2020-06-23: in post to 06-22, whose part month
  // has 15 working days (2020-06-01 a holiday), so June counts at half: 2000 × 50% × ½ = 500;
  // May 1000. The remaining period pays the other half of June (500), July and August
  // (1000 each): 2500. Insurance 100; retention given as 0, no raise. Total 4100.
  auto rules = fixture_rules();
  bool edited = false;
  for (auto& r : rules) {
    if (r.path != "policies/fixture-2020.json") continue;
    auto doc = nlohmann::ordered_json::parse(r.text);
    doc["month_counting"]["part_month"] = {{"share", "0.5"}};
    doc["subsidy"]["remaining_period"] = {{"rule", "fixture-2020#2"}, {"contract_signed_by", nullptr},
                                          {"min_contract_years", 1}, {"min_served_months", 1},
                                          {"requires_social_insurance", false}, {"max_months", nullptr}};
    r.text = doc.dump();
    edited = true;
  }
  REQUIRE(edited);
  jianxi::Engine engine(rules);
  auto a = nlohmann::json::parse(engine.evaluate(R"({"kind":"subsidy","policy":"fixture-2020","min_wage":2000,"retention_rate":0,
    "trainees":[{"category":"college_graduate","start":"2020-05-01","end":"2020-08-31",
                 "contract":{"signed_on":"2020-06-23","years":1}}]})").json);
  REQUIRE(a["ok"] == true);
  CHECK(a["by_item"]["position"] == 1500);
  CHECK(a["by_item"]["remaining_period"] == 2500);
  CHECK(a["total"] == 4100);
  int june = 0;
  for (const auto& l : a["lines"]) {
    if (l["month"] != "2020-06") continue;
    ++june;
    CHECK(l["amount"] == 500);
    CHECK(l["note"].get<std::string>().find("按月标准的50%计") != std::string::npos);
  }
  CHECK(june == 2);
}

TEST_CASE("every policy's worked examples give the figures it states") {
  std::size_t examples = 0;
  for (const auto& text : jianxi::embedded_rules()) {
    if (!is_policy_file(text.path)) continue;
    auto policy = nlohmann::ordered_json::parse(text.text);
    for (const auto& example : policy.value("examples", nlohmann::ordered_json::array())) {
      auto result = nlohmann::ordered_json::parse(
          jianxi::default_engine().evaluate(example["request"].dump()).json);
      INFO(text.path << ": " << example["description"].get<std::string>());
      for (const auto& [key, value] : example["expect"].items()) CHECK(result[key] == value);
      ++examples;
    }
  }
  CHECK(examples >= 5);
}

TEST_CASE("the schema's enums of vocabulary ids must equal the vocabulary") {
  auto rules = fixture_rules();
  for (auto& r : rules) {
    if (r.path != "schema.json") continue;
    auto schema = nlohmann::ordered_json::parse(r.text);
    schema["$defs"]["category"]["enum"].push_back("retired_worker");
    r.text = schema.dump();
  }
  auto set = jianxi::RuleSet::load(rules);
  REQUIRE(set->problems().size() == 1);
  CHECK(set->problems()[0].message_en.find("/$defs/category/enum") != std::string::npos);
}
