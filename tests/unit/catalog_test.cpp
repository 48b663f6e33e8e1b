// The catalog is the one reader of the rules for clients: every finding code the
// core emits is listed in it, and a notice added as data alone is listed and computed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "jianxi/engine.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

nlohmann::json ask(const jianxi::Engine& engine, const std::string& request) {
  return nlohmann::json::parse(engine.evaluate(request).json);
}

}  // namespace

TEST_CASE("the bare catalog is an index within 1,000 times its request") {
  // Amplification: {"kind":"catalog"} is 18 bytes; its answer lists the provinces (each
  // with how many notices it has and how much of them is known), kinds and limits, and
  // leaves the notices and the larger sections until they are named.
  const std::string request = R"({"kind":"catalog"})";
  std::string answer = jianxi::default_engine().evaluate(request).json;
  CHECK(answer.size() <= 1000 * request.size());
  auto index = nlohmann::json::parse(answer);
  CHECK_FALSE(index.contains("policies"));
  CHECK_FALSE(index.contains("findings"));
  CHECK_FALSE(index.contains("categories"));
  CHECK_FALSE(index.contains("forms"));
  CHECK_FALSE(index.contains("templates"));
  CHECK_FALSE(index.contains("messages"));
  // Each section named is added, and only it.
  auto forms = ask(jianxi::default_engine(), R"({"kind":"catalog","sections":["forms"]})");
  CHECK(forms["forms"].size() > 0);
  CHECK_FALSE(forms.contains("templates"));
  CHECK_FALSE(forms.contains("policies"));
  auto vocabulary = ask(jianxi::default_engine(), R"({"kind":"catalog","sections":["vocabulary"]})");
  CHECK(vocabulary["categories"].size() > 0);
  CHECK(vocabulary["wage_basis"].size() > 0);
}

TEST_CASE("a province in the index counts its notices and says the most known of them") {
  const auto& engine = jianxi::default_engine();
  auto heads = ask(engine, R"({"kind":"catalog","sections":["policies"]})")["policies"];
  REQUIRE_FALSE(heads.empty());
  for (const auto& p : heads) CHECK_FALSE(p.contains("provisions"));
  const char* levels[] = {"complete", "partial", "named", "national"};
  const auto index = ask(engine, R"({"kind":"catalog"})");  // held: a loop over a temporary's member dangles
  for (const auto& province : index["provinces"]) {
    int notices = 0;
    std::size_t best = std::size(levels);
    for (const auto& p : heads) {
      if (p["province"] != province["id"]) continue;
      ++notices;
      for (std::size_t i = 0; i < best; ++i)
        if (p["known"] == levels[i]) best = i;
    }
    CHECK(province["notices"] == notices);
    CHECK(province["known"] == (best < std::size(levels) ? levels[best] : "none"));
    // Naming the province lists its notices, as the whole list has them.
    auto own = ask(engine, R"({"kind":"catalog","province":")" + province["id"].get<std::string>() + R"("})");
    CHECK(own["ok"] == true);
    CHECK(own["policies"].size() == static_cast<std::size_t>(notices));
    CHECK_FALSE(own.contains("places"));
  }
}

TEST_CASE("the notices' lists stay within 1,000 times their request for 80 notices") {
  // 80 notices: two or three for each of the 31 provinces. A listing's answer is its
  // fixed part plus one entry per notice; each entry is measured as the rules hold them.
  const auto& engine = jianxi::default_engine();
  for (const std::string request : {R"({"kind":"policies"})", R"({"kind":"catalog","sections":["policies"]})"}) {
    CAPTURE(request);
    std::string answer = engine.evaluate(request).json;
    auto list = nlohmann::json::parse(answer)["policies"];
    REQUIRE_FALSE(list.empty());
    std::size_t entries = list.dump().size() - 2;
    std::size_t fixed = answer.size() - entries;
    CHECK(fixed + entries * 80 / list.size() <= 1000 * request.size());
  }
  // The policies kind lists only what names and dates a notice (the contract's id, province,
  // title, document, issued, effective_from, effective_to); the catalog the rest.
  const auto brief = ask(engine, R"({"kind":"policies"})");
  for (const auto& p : brief["policies"]) {
    CAPTURE(p.dump());
    CHECK(p.contains("known"));
    CHECK(p.contains("issued"));
    CHECK_FALSE(p.contains("title_en"));
    if (p["id"] == "jilin-2022") CHECK(p["issued"] == "2022-05-10");  // 吉人社联〔2022〕79号, 印发 2022-05-10
  }
}

TEST_CASE("provisions come a notice or a province at a time") {
  const auto& engine = jianxi::default_engine();
  auto all = ask(engine, R"({"kind":"catalog","sections":["provisions"]})");
  CHECK(all["ok"] == false);
  REQUIRE(all["errors"].size() == 1);
  CHECK(all["errors"][0]["path"] == "/province");
  CHECK(all["errors"][0]["code"] == "field.required");
  CHECK_FALSE(all.contains("policies"));
  auto jilin = ask(engine, R"({"kind":"catalog","province":"jilin","sections":["provisions"]})");
  REQUIRE_FALSE(jilin["policies"].empty());
  for (const auto& p : jilin["policies"]) {
    CHECK(p["province"] == "jilin");
    CHECK(p.contains("provisions"));
  }
}

TEST_CASE("every finding code written in the core is in the catalog") {
  auto catalog = ask(jianxi::default_engine(), R"({"kind":"catalog","sections":["findings","messages"]})");
  std::set<std::string> listed;
  for (const auto& f : catalog["findings"]) listed.insert(f["code"].get<std::string>());
  for (const auto& r : catalog["reasons"]) listed.insert(r["code"].get<std::string>());
  for (const auto& r : catalog["texts"]) listed.insert(r["code"].get<std::string>());
  // Codes emitted from the catalog's templates (msg:: structs) are checked by the compiler;
  // each template the catalog lists belongs to a listed code (a finding's, a reason's or a text's).
  REQUIRE(catalog["messages"].is_array());
  for (const auto& m : catalog["messages"]) CHECK(listed.count(m["code"].get<std::string>()));
  // A hand-composed code is the first quoted dotted word given to error/warning/malformed/warn_once.
  std::regex emitted(R"re((?:error|warning|malformed|warn_once)\([^;]*?"([a-z_]+\.[a-z_]+)")re");
  for (const auto& e : fs::recursive_directory_iterator(JIANXI_CORE_SOURCE_DIR)) {
    if (!e.is_regular_file()) continue;
    std::string text = jianxi_test::read_file(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), emitted), end; it != end; ++it) {
      CHECK_MESSAGE(listed.count((*it)[1]), (*it)[1] << " (" << e.path().filename().string()
                                                      << ") is not in rules/findings/codes.json");
    }
  }
}

TEST_CASE("the words of an answer come from the catalog, not from C++") {
  // A string literal holding a Han character (U+4E00..U+9FFF: UTF-8 lead bytes E4..E9),
  // comments aside; punctuation such as the list separator "、" may stay. Three files may:
  // the place reader matches names as people write them (…市, …区), so does the phone
  // reader (转 or 分机 before an extension), and the answer to exhaustion is written
  // without allocating.
  const std::set<std::string> allowed = {"divisions.cpp", "phone_number.cpp", "engine.cpp"};
  std::regex chinese_literal(R"re("[^"\n]*[\xe4-\xe9][^"\n]*")re");
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(JIANXI_CORE_SOURCE_DIR)) {
    if (!e.is_regular_file() || allowed.count(e.path().filename().string())) continue;
    ++files;
    std::istringstream lines(jianxi_test::read_file(e.path()));
    for (std::string line; std::getline(lines, line);) {
      std::string code = line.substr(0, line.find("//"));
      for (std::sregex_iterator it(code.begin(), code.end(), chinese_literal), end; it != end; ++it)
        FAIL_CHECK(e.path().filename().string() << ": " << (*it)[0] << " belongs in rules/findings/codes.json (texts)");
    }
  }
  CHECK(files > 0);
}

TEST_CASE("a notice added as data alone is listed, chosen by date and computed") {
  // tests/fixtures/added-notice: jiangxi-2023 copied under another id with later dates.
  std::vector<jianxi::RuleText> rules = jianxi::embedded_rules();
  auto copy = nlohmann::ordered_json::parse(jianxi_test::read_file(fs::path(JIANXI_FIXTURES_DIR) / "added-notice.json"));
  rules.push_back({"provinces/jiangxi/policies/" + copy["id"].get<std::string>() + ".json", copy.dump()});
  jianxi::Engine engine(rules);
  REQUIRE(engine.rule_problems().empty());

  auto policies = ask(engine, R"({"kind":"policies"})")["policies"];
  auto base = ask(jianxi::default_engine(), R"({"kind":"policies"})")["policies"];
  CHECK(policies.size() == base.size() + 1);
  auto catalog = ask(engine, R"({"kind":"catalog","policy":"jiangxi-2030"})");
  CHECK(catalog["ok"] == true);
  REQUIRE(catalog["policies"].size() == 1);
  CHECK(catalog["policies"][0]["effective_from"] == "2030-01-01");

  // 南昌市东湖区, tier 1, 2025-12-01 standard 2240 × 80% = 1792 per month, 2 months.
  auto subsidy = ask(engine, R"({"kind":"subsidy","province":"jiangxi","as_of":"2030-03-01",
      "place":"东湖区","trainees":[{"category":"college_graduate","start":"2030-03-01","end":"2030-04-30"}]})");
  CHECK(subsidy["policy"] == "jiangxi-2030");
  CHECK(subsidy["by_item"]["position"] == 3584);
}

TEST_CASE("every quoted clause is found in its printed notice, and a changed word is caught") {
  std::map<std::string, std::string> notices;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(JIANXI_RULES_DIR) / "provinces"))
    if (e.path().extension() == ".txt") notices[e.path().stem().string()] = jianxi_test::read_file(e.path());
  REQUIRE(!notices.empty());
  CHECK(jianxi::default_engine().misquoted_clauses(notices).empty());
  // jiangxi-2023#3.1 pays 80%: the same notice with 80% printed as 90% no longer holds the quote.
  std::string& jiangxi = notices.at("jiangxi-2023");
  for (std::size_t at = jiangxi.find("80%"); at != std::string::npos; at = jiangxi.find("80%", at))
    jiangxi.replace(at, 3, "90%");
  auto misquoted = jianxi::default_engine().misquoted_clauses(notices);
  CHECK(std::find(misquoted.begin(), misquoted.end(), "jiangxi-2023#3.1") != misquoted.end());
}

TEST_CASE("every prefecture and county of every province resolves by its name, alone and after its city") {
  // For each place the catalog lists: its name alone resolves to it (or, for a name
  // two divisions share, is ambiguous with it among the candidates), and its full name
  // (province + city + county) always resolves to it.
  const auto& engine = jianxi::default_engine();
  auto provinces = ask(engine, R"({"kind":"catalog"})")["provinces"];
  REQUIRE(!provinces.empty());
  auto policies = ask(engine, R"({"kind":"policies"})")["policies"];
  std::size_t places = 0;
  for (const auto& province : provinces) {
    auto catalog = ask(engine, R"({"kind":"catalog","province":")" + province["id"].get<std::string>() +
                                   R"(","as_of":"2024-01-01"})");
    // A day within one of the province's notices: a notice does not estimate an internship outside its period.
    std::string policy, day = "2024-01-01";
    for (const auto& p : policies)
      if (p["province"] == province["id"]) {
        policy = p["id"];
        day = std::max(std::string("2024-01-01"), p["effective_from"].get<std::string>());
        if (p["effective_to"].is_string()) day = std::min(day, p["effective_to"].get<std::string>());
      }
    for (const auto& place : catalog["places"]) {
      if (place["code"].is_null()) continue;
      ++places;
      std::string code = place["code"];
      for (const std::string field : {"name", "full_name"}) {
        nlohmann::json request = {{"kind", "subsidy"}, {"policy", policy}, {"place", place[field]}, {"min_wage", 2000},
                                  {"base_rate", 0.6},
                                  {"trainees", {{{"category", "college_graduate"}, {"start", day}, {"end", day}}}}};
        auto result = ask(engine, request.dump());
        INFO(place[field].get<std::string>() << " (" << code << ")");
        if (result.contains("place") && result["place"].is_object()) {
          CHECK(result["place"]["code"] == code);
          continue;
        }
        REQUIRE(result["errors"].size() >= 1);
        CHECK(field == "name");  // a full name is never ambiguous
        CHECK(result["errors"][0]["code"] == "place.ambiguous");
        CHECK(result["errors"][0]["message"].get<std::string>().find(code) != std::string::npos);
      }
    }
  }
  CHECK(places > 0);
}

TEST_CASE("a minimum wage whose change two dated sources bound is unknown between them, never guessed") {
  // 广西: the table of 2025-04-01 still puts its tier 1 below 2000 (the 2023-11-01 standard, 1990);
  // only a draft of the next standard was seen. 上海: 2690 in the table of 2025-04-01, 2740 on a
  // page of 2025-09-14, no date stated. Between the two sources neither figure is confirmed.
  const auto& engine = jianxi::default_engine();
  auto figure = [&](const std::string& province, const std::string& day, const std::string& code) {
    auto catalog = ask(engine, R"({"kind":"catalog","province":")" + province + R"(","as_of":")" + day + R"("})");
    for (const auto& place : catalog["places"])
      if (place["code"] == code) return place["min_wage"];
    return nlohmann::json("no such place");
  };
  CHECK(figure("guangxi", "2025-04-01", "450100") == 1990);
  CHECK(figure("guangxi", "2025-05-01", "450100").is_null());
  CHECK(figure("shanghai", "2025-04-01", "310101") == 2690);
  CHECK(figure("shanghai", "2025-06-01", "310101").is_null());
  CHECK(figure("shanghai", "2025-09-14", "310101") == 2740);
}

TEST_CASE("a place's confidence in the catalog is no higher than the area list that gave its tier") {
  // 河南: the 2024 figures are high, but no area list after 2011's was seen; 郑州's 2011
  // list is repeated from 2015 on at low confidence, so 登封 on 2024-06-01 is a low answer,
  // as the subsidy's caveat for the same place says. 吉林's 2022 list was seen: 四平 stays high.
  const auto& engine = jianxi::default_engine();
  auto place = [&](const std::string& province, const std::string& day, const std::string& code) {
    auto catalog = ask(engine, R"({"kind":"catalog","province":")" + province + R"(","as_of":")" + day + R"("})");
    for (const auto& p : catalog["places"])
      if (p["code"] == code) return p;
    return nlohmann::json();
  };
  auto dengfeng = place("henan", "2024-06-01", "410185");
  REQUIRE(dengfeng.is_object());
  CHECK(dengfeng["tier"] == 1);
  CHECK(dengfeng["confidence"] == "low");
  auto siping = place("jilin", "2022-09-01", "220300");
  REQUIRE(siping.is_object());
  CHECK(siping["confidence"] == "high");
}

TEST_CASE("a district of a city with its own minimum wage shows the city's figure, as a subsidy takes it") {
  // 深圳 sets its own standard (2520 from 2025-03-01) in place of 广东's tiers: the picker's
  // figure for 罗湖区 is the one the estimate for an internship there is computed from.
  const auto& engine = jianxi::default_engine();
  auto catalog = ask(engine, R"({"kind":"catalog","province":"guangdong","as_of":"2025-06-01"})");
  nlohmann::json luohu;
  for (const auto& p : catalog["places"])
    if (p["code"] == "440303") luohu = p;
  REQUIRE(luohu.is_object());
  CHECK(luohu["tier"].is_null());
  CHECK(luohu["min_wage"] == 2520);
  CHECK(luohu["confidence"] != "missing");
  auto estimate = ask(engine, R"({"kind":"subsidy","province":"guangdong","place":"深圳市罗湖区","trainees":[)"
                              R"({"category":"college_graduate","start":"2025-06-01","end":"2025-08-31","monthly_pay":3000}]})");
  REQUIRE(estimate["lines"].is_array());
  REQUIRE(!estimate["lines"].empty());
  CHECK(estimate["lines"][0]["base"] == luohu["min_wage"]);
}
