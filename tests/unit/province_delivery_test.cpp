// Rules delivered per province (the wasm module): an engine holding a province's
// manifest and notices but not its other files lists it, and answers a request that
// needs it with rules.not_loaded naming it, never a figure; once given the files it
// answers as the engine holding everything.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace {

using Json = nlohmann::json;

Json ask(const jianxi::Engine& engine, const std::string& request) {
  return Json::parse(engine.evaluate(request).json);
}

bool in_index(const std::string& path, const std::string& province) {
  std::string folder = "provinces/" + province + "/";
  return path.rfind(folder, 0) != 0 || path == folder + "province.json" || path.rfind(folder + "policies/", 0) == 0;
}

const std::string& embedded(const std::string& path) {
  for (const auto& r : jianxi::embedded_rules())
    if (r.path == path) return r.text;
  FAIL("no embedded " << path);
  static const std::string none;
  return none;
}

// divisions/cn.json split as cmake/write_rules_bundle.mjs splits it for one province
// (division code prefix `prefix`): the national part, without the province's divisions
// and short names but listing its place names (current, short, former), and the part
// that comes in the province's file.
struct DivisionParts {
  std::string national, own;
};
DivisionParts split_divisions(const std::string& province, const std::string& prefix) {
  auto table = nlohmann::ordered_json::parse(embedded("divisions/cn.json"));
  nlohmann::ordered_json national = {{"dataset", table["dataset"]}, {"provinces", table["provinces"]},
                                     {"divisions", Json::array()}, {"short_names", Json::array()}};
  nlohmann::ordered_json own = {{"divisions", Json::array()}, {"short_names", Json::array()}};
  auto& names = national["place_names"][province] = Json::array();
  for (const char* key : {"divisions", "short_names"})
    for (const auto& row : table[key]) {
      bool ours = row[0].get<std::string>().rfind(prefix, 0) == 0;
      (ours ? own : national)[key].push_back(row);
      if (ours) names.push_back(row[1]);
    }
  const Json renamed = Json::parse(embedded("divisions/renamed.json"));
  for (const auto& r : renamed["renamed"])
    if (r["code"].get<std::string>().rfind(prefix, 0) == 0) names.push_back(r["name"].get<std::string>());
  return {national.dump(), own.dump()};
}

// A notice with no more words than the module's index gives it: without its research
// trail, and its texts' words left empty except in its application rules, which the
// catalog's forms section lists for every notice. The index holds less (each notice's
// head, cmake/write_rules_bundle.mjs), which the engine reads of a province not loaded
// whatever else is there; tests/wasm/province-delivery.test.mjs checks the index the
// build writes.
void trimmed(nlohmann::ordered_json& node, bool empty_words) {
  const bool text = node.is_object() && node.contains("zh") && node.contains("en") && node["zh"].is_string() &&
                    node["en"].is_string();
  if (node.is_object())
    for (const char* trail : {"searched", "predecessor"}) node.erase(trail);
  if (node.is_object() || node.is_array())
    for (auto& [key, value] : node.items()) {
      if (empty_words && text && (key == "zh" || key == "en")) value = "";
      else trimmed(value, empty_words && !(node.is_object() && key == "application"));
    }
}

// The embedded rules as the module's index has them: of `province`, its manifest and
// its notices trimmed as above, no other file, and of the divisions only the national part.
std::vector<jianxi::RuleText> without_province_files(const std::string& province, const std::string& prefix) {
  std::vector<jianxi::RuleText> out;
  for (const auto& r : jianxi::embedded_rules()) {
    if (!in_index(r.path, province)) continue;
    if (r.path == "divisions/cn.json") {
      out.push_back({r.path, split_divisions(province, prefix).national});
      continue;
    }
    if (r.path.rfind("provinces/" + province + "/policies/", 0) != 0) {
      out.push_back(r);
      continue;
    }
    auto notice = nlohmann::ordered_json::parse(r.text);
    for (const char* key : {"description", "examples", "sources", "source"}) notice.erase(key);
    trimmed(notice, true);
    out.push_back({r.path, notice.dump()});
  }
  return out;
}

const char* kJilinSubsidy = R"({"kind":"subsidy","province":"jilin","as_of":"2022-09-01","place":"四平市",
    "trainees":[{"category":"college_graduate","start":"2022-09-01","end":"2022-10-31"}]})";

}  // namespace

TEST_CASE("a province not loaded yet is listed, and a request that needs it is answered rules.not_loaded") {
  jianxi::Engine whole(jianxi::embedded_rules());
  jianxi::RuleDelivery delivery;
  delivery.checked_at_build = true;  // as in the module: the split files are not schema files
  delivery.absent = {"jilin"};
  delivery.version = ask(whole, R"({"kind":"catalog"})")["rules_version"];
  jianxi::Engine partial(without_province_files("jilin", "22"), delivery);
  for (const auto& p : partial.rule_problems()) FAIL_CHECK(p.message_en);

  // The catalog, its index and every section that names no province, comes from the
  // national data and the index alone.
  CHECK(partial.evaluate(R"({"kind":"catalog"})").json == whole.evaluate(R"({"kind":"catalog"})").json);
  for (const char* section : {"policies", "vocabulary", "templates", "forms", "findings", "messages"}) {
    std::string request = std::string(R"({"kind":"catalog","sections":[")") + section + "\"]}";
    CHECK_MESSAGE(partial.evaluate(request).json == whole.evaluate(request).json, section);
  }
  for (const char* listing : {R"({"kind":"catalog","sections":["policies"]})", R"({"kind":"policies"})"})
    CHECK(partial.evaluate(listing).json == whole.evaluate(listing).json);

  auto by_province = ask(partial, kJilinSubsidy);
  CHECK(by_province["ok"] == false);
  REQUIRE(by_province["errors"].size() == 1);
  CHECK(by_province["errors"][0]["code"] == "rules.not_loaded");
  CHECK(by_province["errors"][0]["path"] == "/province");
  CHECK(by_province["errors"][0]["message"].get<std::string>().find("吉林") != std::string::npos);
  CHECK(by_province["not_loaded"] == Json::array({"jilin"}));
  CHECK_FALSE(by_province.contains("total"));
  CHECK_FALSE(by_province.contains("by_item"));

  auto by_policy = ask(partial, R"({"kind":"eligibility","policy":"jilin-2022","as_of":"2022-09-01"})");
  CHECK(by_policy["errors"][0]["code"] == "rules.not_loaded");
  CHECK(by_policy["errors"][0]["path"] == "/policy");
  CHECK_FALSE(by_policy.contains("eligible"));

  auto places = ask(partial, R"({"kind":"catalog","province":"jilin","as_of":"2022-09-01"})");
  CHECK(places["not_loaded"] == Json::array({"jilin"}));
  CHECK_FALSE(places.contains("places"));

  // A place or an identity number in a province not loaded needs it too: natively 四平市
  // is place.other_province for a notice of 山西, which the module can say only with
  // 吉林's divisions.
  const char* shanxi_elsewhere = R"({"kind":"subsidy","policy":"shanxi-2022","place":"四平市",
      "trainees":[{"category":"college_graduate","start":"2022-09-01","end":"2022-10-31"}]})";
  auto elsewhere = ask(partial, shanxi_elsewhere);
  CHECK(elsewhere["not_loaded"] == Json::array({"jilin"}));
  CHECK(elsewhere["errors"][0]["path"] == "/place");
  CHECK(ask(whole, shanxi_elsewhere)["errors"][0]["code"] == "place.other_province");
  CHECK(ask(partial, R"({"kind":"subsidy","policy":"shanxi-2022","place":"220303"})")["not_loaded"] ==
        Json::array({"jilin"}));
  auto by_id = ask(partial, R"({"kind":"eligibility","policy":"shanxi-2022","as_of":"2022-09-01",
      "id_number":"220999200001011237"})");
  CHECK(by_id["not_loaded"] == Json::array({"jilin"}));
  CHECK(by_id["errors"][0]["path"] == "/id_number");
  // A place of the loaded province's own answers as ever.
  const char* shanxi_own = R"({"kind":"subsidy","policy":"shanxi-2022","place":"吕梁市离石区",
      "trainees":[{"category":"college_graduate","start":"2022-09-01","end":"2022-10-31"}]})";
  CHECK(partial.evaluate(shanxi_own).json == whole.evaluate(shanxi_own).json);

  // In a batch each answer says what it lacks; another province answers as ever.
  const char* other = R"({"kind":"catalog","policy":"jiangxi-2023"})";
  auto batch = ask(partial, std::string("[") + kJilinSubsidy + "," + other + "]");
  CHECK(batch[0]["not_loaded"] == Json::array({"jilin"}));
  CHECK(batch[1] == ask(whole, other));
  // An unknown notice is the kind's own answer, not a province to fetch.
  CHECK(ask(partial, R"({"kind":"catalog","policy":"nowhere-2020"})")["errors"][0]["code"] == "policy.unknown");
}

TEST_CASE("the forms section lists a notice's application rules in its words before its province is loaded") {
  jianxi::Engine whole(jianxi::embedded_rules());
  jianxi::RuleDelivery delivery;
  delivery.checked_at_build = true;
  delivery.absent = {"ningxia"};
  delivery.version = ask(whole, R"({"kind":"catalog"})")["rules_version"];
  jianxi::Engine partial(without_province_files("ningxia", "64"), delivery);
  const char* forms = R"({"kind":"catalog","sections":["forms"]})";
  CHECK(partial.evaluate(forms).json == whole.evaluate(forms).json);
  // ningxia-2020#2 forbids a degree threshold, which the form lists as 学历门槛.
  auto listed = ask(partial, forms)["forms"][0]["policies"]["ningxia-2020"]["forbidden_requirements"];
  REQUIRE(listed.size() > 0);
  CHECK(listed[0]["label"] == "学历门槛");
}

TEST_CASE("given its files, a province answers as in the engine holding everything") {
  jianxi::Engine whole(jianxi::embedded_rules());
  // As the module does: the index first, the province's files added (its notices whole
  // in place of the index's copies), all in path order.
  std::vector<jianxi::RuleText> texts = without_province_files("jilin", "22");
  for (const auto& r : jianxi::embedded_rules()) {
    auto same = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.path == r.path; });
    if (!in_index(r.path, "jilin")) texts.push_back(r);
    else if (same != texts.end()) same->text = r.text;
  }
  texts.push_back({"provinces/jilin/divisions.json", split_divisions("jilin", "22").own});
  std::sort(texts.begin(), texts.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  jianxi::RuleDelivery delivery;
  delivery.checked_at_build = true;  // as in the module: the split files are not schema files
  delivery.version = ask(whole, R"({"kind":"catalog"})")["rules_version"];
  jianxi::Engine loaded(texts, delivery);
  // jilin-2022#3.1 pays college graduates 100% of the minimum wage; 四平市区 is tier 3
  // of the 2021-12-01 standard: 1640 a month, two months 3280.
  auto answer = ask(loaded, kJilinSubsidy);
  CHECK(answer["by_item"]["position"] == 3280);
  CHECK_FALSE(answer.contains("not_loaded"));
  CHECK(loaded.evaluate(kJilinSubsidy).json == whole.evaluate(kJilinSubsidy).json);
  const char* places = R"({"kind":"catalog","province":"jilin","as_of":"2022-09-01"})";
  CHECK(loaded.evaluate(places).json == whole.evaluate(places).json);
  const char* shanxi_elsewhere = R"({"kind":"subsidy","policy":"shanxi-2022","place":"四平市",
      "trainees":[{"category":"college_graduate","start":"2022-09-01","end":"2022-10-31"}]})";
  CHECK(loaded.evaluate(shanxi_elsewhere).json == whole.evaluate(shanxi_elsewhere).json);
  const char* old_code = R"({"kind":"eligibility","policy":"jilin-2022","as_of":"2022-09-01",
      "id_number":"220381200001011230"})";
  CHECK(loaded.evaluate(old_code).json == whole.evaluate(old_code).json);
}

TEST_CASE("a province's rules file is read only when every path lies in its folder beside the index") {
  std::string province;
  std::vector<jianxi::RuleText> texts;
  CHECK(jianxi::read_province_file(
      R"({"province":"jilin","files":{"provinces/jilin/minimum-wage.json":{"a":1},"provinces/jilin/clauses/x.json":[]}})",
      province, texts));
  CHECK(province == "jilin");
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].path == "provinces/jilin/minimum-wage.json");
  CHECK(texts[0].text == R"({"a":1})");
  CHECK_FALSE(jianxi::read_province_file(R"({"province":"jilin","files":{"provinces/hunan/minimum-wage.json":{}}})",
                                         province, texts));
  CHECK_FALSE(jianxi::read_province_file(R"({"province":"jilin","files":{"provinces/jilin/province.json":{}}})",
                                         province, texts));
  // A notice whole is read: it replaces the index's copy, which lacks its research trail.
  CHECK(jianxi::read_province_file(R"({"province":"jilin","files":{"provinces/jilin/policies/x.json":{}}})",
                                   province, texts));
  CHECK_FALSE(jianxi::read_province_file(R"({"province":"jilin","files":{"provinces/jilin/../x.json":{}}})",
                                         province, texts));
  CHECK_FALSE(jianxi::read_province_file("not json", province, texts));
}
