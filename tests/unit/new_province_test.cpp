// scripts/new-province.mjs, run on a copy of rules/: the folder it writes loads with no
// rule problem, the catalog lists the province with its places, and the case it writes
// passes, with no edit anywhere else.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "jianxi/engine.h"
#include "test_files.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// Every JSON file under `rules`, as the build embeds them (paths relative, byte order).
std::vector<jianxi::RuleText> rule_texts(const fs::path& rules) {
  std::vector<jianxi::RuleText> out;
  for (const auto& e : fs::recursive_directory_iterator(rules))
    if (e.is_regular_file() && e.path().extension() == ".json")
      out.push_back({fs::relative(e.path(), rules).generic_string(), jianxi_test::read_file(e.path())});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}


// Removes a province folder none of whose notice ids appears in a rule file outside
// it, and answers its division code.
std::string free_a_province(const fs::path& rules) {
  std::vector<fs::path> folders;
  for (const auto& e : fs::directory_iterator(rules / "provinces")) folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    std::vector<std::string> ids;
    if (fs::exists(folder / "policies"))
      for (const auto& f : fs::directory_iterator(folder / "policies")) ids.push_back(f.path().stem().string());
    bool named_elsewhere = false;
    for (const auto& e : fs::recursive_directory_iterator(rules)) {
      if (!e.is_regular_file() || e.path().string().rfind(folder.string() + "/", 0) == 0) continue;
      std::string text = jianxi_test::read_file(e.path());
      for (const auto& id : ids) named_elsewhere = named_elsewhere || text.find('"' + id + '"') != std::string::npos;
      if (named_elsewhere) break;
    }
    if (named_elsewhere) continue;
    std::string code = Json::parse(jianxi_test::read_file(folder / "province.json")).at("division");
    fs::remove_all(folder);
    return code;
  }
  return {};
}
}  // namespace

TEST_CASE("a province scaffolded by scripts/new-province.mjs loads, is listed and passes its case") {
  const fs::path source = fs::path(JIANXI_RULES_DIR).parent_path();
  const fs::path root = fs::temp_directory_path() / ("jianxi-new-province-" + std::to_string(::getpid()));
  fs::create_directories(root / "scripts");
  fs::create_directories(root / "tests/cases/catalog");
  fs::copy(source / "rules", root / "rules", fs::copy_options::recursive);
  for (const char* script : {"new-province.mjs", "gen-divisions.mjs"})
    fs::copy_file(source / "scripts" / script, root / "scripts" / script);
  fs::create_directory_symlink(fs::canonical(source / "node_modules"), root / "node_modules");

  // A province code of the divisions that has no folder yet. Once every province has
  // one, a province whose notices nothing outside its folder names is taken out of the
  // copy, and its code scaffolded afresh.
  Json divisions = Json::parse(jianxi_test::read_file(root / "rules/divisions/cn.json"));
  std::vector<std::string> taken;
  for (const auto& e : fs::directory_iterator(root / "rules/provinces"))
    taken.push_back(Json::parse(jianxi_test::read_file(e.path() / "province.json")).at("division"));
  std::string code;
  for (const auto& p : divisions.at("provinces"))
    if (code.empty() && std::find(taken.begin(), taken.end(), p.at(0).get<std::string>()) == taken.end())
      code = p.at(0);
  if (code.empty()) code = free_a_province(root / "rules");
  REQUIRE_FALSE(code.empty());

  std::string command = "node '" + (root / "scripts/new-province.mjs").string() + "' scaffolded " + code +
                        " 新省 Newland > /dev/null";
  REQUIRE(std::system(command.c_str()) == 0);

  jianxi::Engine engine(rule_texts(root / "rules"));
  for (const auto& p : engine.rule_problems()) FAIL_CHECK(p.message_en);
  Json catalog = Json::parse(engine.evaluate(R"({"kind":"catalog"})").json);
  bool listed = false;
  for (const auto& p : catalog["provinces"]) listed = listed || (p["id"] == "scaffolded" && p["code"] == code);
  CHECK(listed);

  Json c = Json::parse(jianxi_test::read_file(root / "tests/cases/catalog/scaffolded-places.json"));
  Json answer = Json::parse(engine.evaluate(c["request"].dump()).json);
  CHECK(answer["ok"] == c["expect"]["ok"]);
  CHECK(answer["errors"] == c["expect"]["errors"]);
  CHECK_FALSE(answer["places"].empty());  // the divisions list its places at once
  fs::remove_all(root);
}
