// A province is one folder: copied under a new id, with nothing edited elsewhere, it
// is listed by the catalog and computes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

nlohmann::json ask(const jianxi::Engine& engine, const std::string& request) {
  return nlohmann::json::parse(engine.evaluate(request).json);
}

}  // namespace

TEST_CASE("a province's folder copied under a new id is listed and computes") {
  std::vector<jianxi::RuleText> rules = jianxi::embedded_rules();
  const std::string from = "provinces/jilin/";
  std::size_t copied = 0;
  for (const auto& r : jianxi::embedded_rules()) {
    if (r.path.rfind(from, 0) != 0) continue;
    jianxi::RuleText copy = r;
    replace_all(copy.path, "jilin", "testland");
    replace_all(copy.text, "\"jilin\"", "\"testland\"");
    replace_all(copy.text, "jilin-20", "testland-20");
    rules.push_back(copy);
    ++copied;
  }
  REQUIRE(copied > 0);
  jianxi::Engine engine(rules);
  for (const auto& p : engine.rule_problems()) FAIL_CHECK(p.message_en);

  auto catalog = ask(engine, R"({"kind":"catalog"})");
  bool listed = false;
  for (const auto& p : catalog["provinces"]) listed = listed || p["id"] == "testland";
  CHECK(listed);
  // jilin-2022#3.1 pays college graduates 100% of the minimum wage; 四平市区 is tier 3 of
  // the 2021-12-01 standard (吉林省人民政府 2021-09-30): 1640, two months 3280, as under
  // jilin-2022 itself.
  const char* request = R"({"kind":"subsidy","province":"%s","as_of":"2022-09-01","place":"四平市",
      "trainees":[{"category":"college_graduate","start":"2022-09-01","end":"2022-10-31"}]})";
  std::string copy_request = request, original_request = request;
  replace_all(copy_request, "%s", "testland");
  replace_all(original_request, "%s", "jilin");
  auto copied_answer = ask(engine, copy_request);
  auto original = ask(engine, original_request);
  CHECK(copied_answer["policy"] == "testland-2022");
  CHECK(copied_answer["by_item"]["position"] == original["by_item"]["position"]);
  CHECK(copied_answer["by_item"]["position"] == 3280);
}
