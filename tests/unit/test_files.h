// Reading a file whole, for tests that load rule files and notice texts from disk.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jianxi/rule_source.h"

namespace jianxi_test {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every rule file under `dir`, named by its path relative to it, as the core loads them.
inline std::vector<jianxi::RuleText> rules_from(const std::filesystem::path& dir) {
  std::vector<jianxi::RuleText> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".json")
      out.push_back({std::filesystem::relative(e.path(), dir).generic_string(), read_file(e.path())});
  return out;
}

}  // namespace jianxi_test
