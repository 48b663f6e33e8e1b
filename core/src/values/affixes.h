// Whether a text begins or ends with another (C++17's string_view has neither).
#pragma once

#include <string_view>

namespace jianxi {

inline bool starts_with(std::string_view s, std::string_view head) { return s.substr(0, head.size()) == head; }

inline bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace jianxi
