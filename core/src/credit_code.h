// Unified Social Credit Codes (统一社会信用代码) of GB 32100-2015: 18 characters from
// the alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z): a registration-authority
// code, an institution category, a 6-digit administrative division, a 9-character
// organisation code and a check character (weights 3^i mod 31, check = 31 - sum mod 31).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text.h"

namespace jianxi {

struct CreditCodeCheck {
  std::string code;    // empty when valid, else credit_code.<reason>
  Text message;
  std::string region;  // the 6-digit division code (positions 3-8) when valid
};

// Lower-case letters are read as upper case, as on paper forms.
CreditCodeCheck check_credit_code(std::string_view code);
// The check character for 17 characters of the alphabet; nullopt otherwise.
std::optional<char> credit_code_check_character(std::string_view first17);

}  // namespace jianxi
