// A notice that states no base rate takes the one the user gives (base_rate): the answer
// says so, and the caveat on the notice's own figures (known only at second hand) is not
// put beside a rate that is not the notice's.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "jianxi/engine.h"

TEST_CASE("a base rate the user gives carries its own note, not the notice's figure caveat") {
  // sichuan-2023: the position rates are unstated (null) and the rule rests on a
  // restatement (confidence medium). 成都市武侯区, 2024-03-01..2024-05-31 at 60%:
  // 2100 × 60% = 1260 a month, 3 × 1260 = 3780.
  auto answer = nlohmann::json::parse(jianxi::default_engine()
                                          .evaluate(R"({"kind":"subsidy","policy":"sichuan-2023","place":"成都市武侯区","base_rate":0.6,
                                                        "trainees":[{"category":"college_graduate","start":"2024-03-01","end":"2024-05-31"}]})")
                                          .json);
  REQUIRE(answer["ok"] == true);
  CHECK(answer["total"] == 3780);
  bool noted = false;
  for (const auto& i : answer["interpretations"])
    noted = noted || i["message"].get<std::string>() == "基础补贴标准按填写的基础补贴比例 60% 计算";
  CHECK(noted);
  for (const auto& w : answer["warnings"]) CHECK(w["code"] != "policy.figure_caveat");
}
