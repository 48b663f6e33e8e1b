#include "values/trim.h"

namespace jianxi {

std::string trim(const std::string& s) {
  static const std::string ideographic_space = "\u3000";
  std::size_t b = 0, e = s.size();
  for (;;) {
    if (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    else if (s.compare(b, ideographic_space.size(), ideographic_space) == 0 && b + 3 <= e) b += 3;
    else break;
  }
  for (;;) {
    if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    else if (e >= b + 3 && s.compare(e - 3, 3, ideographic_space) == 0) e -= 3;
    else break;
  }
  return s.substr(b, e - b);
}

}  // namespace jianxi
