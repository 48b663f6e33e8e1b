// Reading a file whole, for tests that load rule files and notice texts from disk.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jianxi_test {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace jianxi_test
