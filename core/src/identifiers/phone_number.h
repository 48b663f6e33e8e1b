// Mainland China telephone numbers as forms take them: mobile numbers (11 digits,
// 1 then 3-9) and landlines with their area code (0 and 2-3 digits, then a number
// not starting with 0 or 1: 8 digits after 010 and 02x, 7 or 8 after the others; an
// optional extension after a dash, 转 or 分机). Spaces, dots and dashes between
// groups, full-width digits, an area code in brackets and a leading +86, 0086 or 86
// are accepted as people write them.
#pragma once

#include <string>
#include <string_view>

#include "values/text.h"

namespace jianxi {

struct PhoneCheck {
  std::string code;  // empty when valid, else phone.<reason>
  Text message;
  std::string kind;  // mobile | landline, when valid
};

PhoneCheck check_phone(std::string_view text);

}  // namespace jianxi
