// What people read uses their words: the prose of a province's files (every {zh, en}
// text, shown in answers as interpretations, notes and caveats) and the findings' message
// templates name no request field by its key (graduated_on, base_rate) and no notice by
// its id (shanxi-2023), which a person reading an answer in a portal could not place.
// Nor does it point into this project's research files (shared/reference/…), which a
// reader of an answer cannot open; a notice's latest evidence, shown with its source,
// cites the notice or the page itself.
// (A code's own description in codes.json is for the portal's developers: it may.)
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "jianxi/engine.h"
#include "test_files.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// A snake_case key (two words or more) standing alone, as request fields are written.
// A template's {slot} is not a key.
const std::regex field_key(R"((?:^|[^A-Za-z0-9_/.#{-])([a-z]+_[a-z_]+)(?![A-Za-z0-9_}]))");
const std::regex project_file(R"((?:^|[^A-Za-z0-9_./-])((?:shared|rules|seeds)/[A-Za-z0-9_./-]+))");

void check_prose(const Json& node, const std::string& pointer, const std::set<std::string>& ids,
                 const std::string& file) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) check_prose(node[i], pointer + "/" + std::to_string(i), ids, file);
    return;
  }
  if (!node.is_object()) return;
  const bool text = node.contains("zh") && node.contains("en") && node["zh"].is_string() && node["en"].is_string();
  for (const auto& [key, value] : node.items()) {
    if (!(text && (key == "zh" || key == "en"))) {
      check_prose(value, pointer + "/" + key, ids, file);
      continue;
    }
    const std::string s = value.get<std::string>();
    CAPTURE(file);
    CAPTURE(pointer + "/" + key);
    CAPTURE(s);
    std::smatch m;
    CHECK_MESSAGE(!std::regex_search(s, m, field_key), "names a request field by its key: " << m[1]);
    CHECK_MESSAGE(!std::regex_search(s, m, project_file), "points into the project's files: " << m[1]);
    for (const auto& id : ids) {
      // A clause reference (shanxi-2023#3.1) is a citation the pages turn into a button.
      for (auto at = s.find(id); at != std::string::npos; at = s.find(id, at + 1)) {
        const std::size_t after = at + id.size();
        const bool cited = after < s.size() && s[after] == '#';
        const bool part_of_word = (at > 0 && (std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '-')) ||
                                  (after < s.size() && (std::isalnum(static_cast<unsigned char>(s[after])) || s[after] == '-'));
        CHECK_MESSAGE((cited || part_of_word), "names a notice by its id: " << id);
      }
    }
  }
}

}  // namespace

TEST_CASE("the rules' prose names fields by their labels and notices by their names, never by keys or ids") {
  const fs::path provinces = fs::path(JIANXI_RULES_DIR) / "provinces";
  std::set<std::string> ids;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(provinces)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    files.push_back(e.path());
    if (e.path().parent_path().filename() == "policies") ids.insert(e.path().stem().string());
  }
  REQUIRE_FALSE(ids.empty());
  for (const auto& path : files) {
    const Json file = Json::parse(jianxi_test::read_file(path));
    check_prose(file, "", ids, fs::relative(path, provinces).string());
    if (file.is_object() && file.contains("latest_evidence")) {
      const std::string source = file["latest_evidence"].at("source");
      CAPTURE(path.string());
      CAPTURE(source);
      std::smatch m;
      CHECK_MESSAGE(!std::regex_search(source, m, project_file), "the latest evidence points into the project's files: " << m[1]);
    }
  }

  const Json codes = Json::parse(jianxi_test::read_file(fs::path(JIANXI_RULES_DIR) / "findings" / "codes.json"));
  for (const char* list : {"findings", "reasons", "texts"})
    for (const Json& code : codes.at(list))
      for (const char* key : {"message", "messages"})
        if (code.contains(key))
          check_prose(code[key], "/" + code.at("code").get<std::string>() + "/" + key, ids, "findings/codes.json");
}

TEST_CASE("the wage-basis note names the other way to compute by its name, as the form offers it") {
  // ningxia-2020 at 兴庆区, 2021-06-01 to 2021-11-30: the minimum wage changes on 2021-09-01
  // (1660 → 1950), so the answer says which basis it took and which else may be chosen.
  auto answer = Json::parse(jianxi::default_engine()
                                .evaluate(R"({"kind":"subsidy","policy":"ningxia-2020","place":"兴庆区","wage_basis":"start",
                                              "trainees":[{"category":"college_graduate","start":"2021-06-01","end":"2021-11-30"}]})")
                                .json);
  std::string zh, en;
  for (const auto& i : answer["interpretations"]) {
    const std::string text = i["message"];
    if (text.find("最低工资标准有调整") != std::string::npos) {
      zh = text;
      en = i["message_en"];
    }
  }
  CAPTURE(zh);
  CAPTURE(en);
  CHECK(zh.find("本结果整个见习期按开始时的最低工资标准计算") != std::string::npos);
  CHECK(zh.find("也可选：逐月按当月最低工资标准") != std::string::npos);
  CHECK(en.find("can also be: each month at the minimum wage then in force") != std::string::npos);
  // The ids (month, start) were once listed as the choices.
  CHECK_FALSE(std::regex_search(zh, std::regex("[A-Za-z]")));
  CHECK(en.find("month or start") == std::string::npos);
  CHECK(en.find("start") == std::string::npos);
}
