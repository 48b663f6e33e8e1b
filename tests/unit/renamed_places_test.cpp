// A former name in rules/divisions/renamed.json, asked for a day after the change, is
// read as its successor, and the answer says so (place.alias): even where an older
// minimum-wage area list still prints the former name. A name still inside today's
// (公主岭市, 赣县 for 赣县区) needs no word of explanation.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "jianxi/engine.h"
#include "test_files.h"

namespace {

using nlohmann::json;

json ask(const json& request) { return json::parse(jianxi::default_engine().evaluate(request.dump()).json); }

bool has_code(const json& answer, const std::string& code) {
  for (const auto& f : answer["errors"])
    if (f["code"] == code) return true;
  return false;
}

}  // namespace

TEST_CASE("every former name resolves to its successor after the change") {
  json renamed = json::parse(jianxi_test::read_file(std::string(JIANXI_RULES_DIR) + "/divisions/renamed.json"));
  json policies = ask({{"kind", "policies"}})["policies"];
  REQUIRE(!renamed["renamed"].empty());
  for (const auto& entry : renamed["renamed"]) {
    std::string name = entry["name"];
    int after = std::stoi(entry["since"].get<std::string>()) + 1;
    std::string renamed_by = std::to_string(after < 2017 ? 2017 : after) + "-03-01";
    bool answered = false;
    for (const auto& policy : policies) {
      // Within the notice's period: a notice does not estimate an internship wholly outside it.
      std::string from = policy["effective_from"];
      std::string start = std::max(renamed_by, from);
      if (policy["effective_to"].is_string() && start > policy["effective_to"].get<std::string>()) continue;
      std::string end = std::to_string(std::stoi(start.substr(0, 4)) + 1) + "-02-28";
      INFO(name << " from " << start << " under " << policy["id"]);
      json answer = ask({{"kind", "subsidy"},
                         {"policy", policy["id"]},
                         {"place", name},
                         {"trainees", {{{"category", "college_graduate"}, {"start", start}, {"end", end}}}}});
      if (has_code(answer, "place.other_province")) continue;
      answered = true;
      INFO(answer.dump());
      CHECK(answer["place"]["code"] == entry["code"]);
      // 公主岭市 and 赣县 (now 赣县区) are still written in today's name; the others say how they were read.
      std::string today = answer["place"].value("name", "");
      if (today.find(name) == std::string::npos) CHECK(answer["place"].contains("alias"));
    }
    CHECK(answered);
  }
}
