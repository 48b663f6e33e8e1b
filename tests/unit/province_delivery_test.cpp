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

// The embedded rules as the module's index holds them: of `province`, its manifest and
// its notices without their research trail (cmake/write_rules_bundle.mjs), no other file.
std::vector<jianxi::RuleText> without_province_files(const std::string& province) {
  std::vector<jianxi::RuleText> out;
  for (const auto& r : jianxi::embedded_rules()) {
    if (!in_index(r.path, province)) continue;
    if (r.path.rfind("provinces/" + province + "/policies/", 0) != 0) {
      out.push_back(r);
      continue;
    }
    auto notice = nlohmann::ordered_json::parse(r.text);
    for (const char* key : {"description", "examples", "sources"}) notice.erase(key);
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
  delivery.absent = {"jilin"};
  delivery.version = ask(whole, R"({"kind":"catalog"})")["rules_version"];
  jianxi::Engine partial(without_province_files("jilin"), delivery);
  for (const auto& p : partial.rule_problems()) FAIL_CHECK(p.message_en);

  // The catalog, its index and every section, comes from the national data and the index alone.
  CHECK(partial.evaluate(R"({"kind":"catalog"})").json == whole.evaluate(R"({"kind":"catalog"})").json);
  const char* every_section = R"({"kind":"catalog","sections":["provisions","templates","forms","findings"]})";
  CHECK(partial.evaluate(every_section).json == whole.evaluate(every_section).json);

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

  // In a batch each answer says what it lacks; another province answers as ever.
  const char* other = R"({"kind":"catalog","policy":"jiangxi-2023"})";
  auto batch = ask(partial, std::string("[") + kJilinSubsidy + "," + other + "]");
  CHECK(batch[0]["not_loaded"] == Json::array({"jilin"}));
  CHECK(batch[1] == ask(whole, other));
  // An unknown notice is the kind's own answer, not a province to fetch.
  CHECK(ask(partial, R"({"kind":"catalog","policy":"nowhere-2020"})")["errors"][0]["code"] == "policy.unknown");
}

TEST_CASE("given its files, a province answers as in the engine holding everything") {
  jianxi::Engine whole(jianxi::embedded_rules());
  // As the module does: the index first, the province's files added (its notices whole
  // in place of the index's copies), all in path order.
  std::vector<jianxi::RuleText> texts = without_province_files("jilin");
  for (const auto& r : jianxi::embedded_rules()) {
    auto same = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.path == r.path; });
    if (!in_index(r.path, "jilin")) texts.push_back(r);
    else if (same != texts.end()) same->text = r.text;
  }
  std::sort(texts.begin(), texts.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  jianxi::RuleDelivery delivery;
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
