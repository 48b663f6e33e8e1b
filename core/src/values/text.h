// A message in Chinese and English.
#pragma once

#include <string>

namespace jianxi {

struct Text {
  std::string zh;
  std::string en;
  bool empty() const { return zh.empty() && en.empty(); }
};

// Appends an item to a list written out: 、 between items in Chinese, `en_separator` in
// English ("; " where the items hold commas of their own).
inline void append_listed(Text& list, const Text& item, const char* en_separator = ", ") {
  if (!list.zh.empty()) list.zh += "、";
  if (!list.en.empty()) list.en += en_separator;
  list.zh += item.zh;
  list.en += item.en;
}

}  // namespace jianxi
