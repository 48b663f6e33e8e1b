// Mainland China telephone numbers as forms take them: mobile numbers (11 digits,
// 1 then 3-9) and landlines with their area code (0 and 2-3 digits, a 7-8 digit
// number not starting with 0 or 1, an optional dash and extension). Spaces are
// ignored and a leading +86 or 86- accepted on mobiles.
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
