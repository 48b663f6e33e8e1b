// A message in Chinese and English.
#pragma once

#include <string>

namespace jianxi {

struct Text {
  std::string zh;
  std::string en;
  bool empty() const { return zh.empty() && en.empty(); }
};

}  // namespace jianxi
