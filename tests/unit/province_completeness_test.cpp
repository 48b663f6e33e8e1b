// Every province folder is whole: its prefectures and counties are in the divisions, it
// has a wage table, at least one notice with its clauses (or a stated "none found"),
// and case files that ask about it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_files.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

Json read_json(const fs::path& path) { return Json::parse(jianxi_test::read_file(path)); }

std::vector<fs::path> files_under(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  if (fs::is_directory(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == extension) out.push_back(e.path());
  return out;
}

// Whether a case file's request names the province or one of its notices.
bool asks_about(const Json& request, const std::string& province, const std::vector<std::string>& policies) {
  for (const Json& one : request.is_array() ? request : Json::array({request})) {
    if (!one.is_object()) continue;
    auto text = [&](const char* key) { return one.contains(key) && one[key].is_string() ? one[key].get<std::string>() : ""; };
    if (text("province") == province) return true;
    for (const auto& id : policies)
      if (text("policy") == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every province folder has divisions, a wage table, notices with clauses or none found, and cases") {
  const fs::path rules = JIANXI_RULES_DIR;
  const Json divisions = read_json(rules / "divisions/cn.json");
  std::vector<Json> cases;
  for (const auto& path : files_under(JIANXI_CASES_DIR, ".json")) cases.push_back(read_json(path));

  for (const auto& entry : fs::directory_iterator(rules / "provinces")) {
    if (!entry.is_directory()) continue;
    const fs::path folder = entry.path();
    const std::string id = folder.filename().string();
    CAPTURE(id);
    REQUIRE(fs::exists(folder / "province.json"));
    const std::string code = read_json(folder / "province.json").at("division");

    bool has_divisions = false;
    for (const auto& d : divisions.at("divisions"))
      has_divisions = has_divisions || (d.at(0).get<std::string>().compare(0, 2, code, 0, 2) == 0);
    CHECK_MESSAGE(has_divisions, "no prefecture or county of " << code << " in divisions/cn.json");

    CHECK(fs::exists(folder / "minimum-wage.json"));

    std::vector<std::string> policies;
    bool quoted = false;  // a notice known in part may have no clause of its own
    for (const auto& p : files_under(folder / "policies", ".json")) {
      policies.push_back(p.stem().string());
      quoted = quoted || fs::exists(folder / "clauses" / p.filename());
    }
    if (!policies.empty()) {
      CHECK_MESSAGE(quoted, "no notice of the province has its clauses in clauses/");
    } else {
      bool stated = fs::exists(folder / "notices/sources.json") &&
                    read_json(folder / "notices/sources.json").contains("none_found");
      CHECK_MESSAGE(stated, "no notice, and notices/sources.json does not state none_found");
    }

    bool has_case = false;
    for (const Json& c : cases) has_case = has_case || asks_about(c.value("request", Json()), id, policies);
    CHECK_MESSAGE(has_case, "no case in tests/cases asks about the province or its notices");
  }
}
