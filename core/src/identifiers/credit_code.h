// Unified Social Credit Codes (统一社会信用代码) of GB 32100-2015: 18 characters from
// the alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z): a registration-authority
// code, an institution category, a 6-digit administrative division, a 9-character
// organisation code (GB 11714: 8 characters and their own check character) and a check
// character (weights 3^i mod 31, check = 31 - sum mod 31).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "values/text.h"

namespace jianxi {

struct CreditCodeCheck {
  std::string code;    // empty when valid, else credit_code.<reason>
  Text message;
  bool advisory = false;  // the finding is a warning: the code may still be right
  std::string region;  // the 6-digit division code (positions 3-8) when it could be read
};

// Lower-case letters are read as upper case, as on paper forms.
CreditCodeCheck check_credit_code(std::string_view code);
// The check character of a GB 11714 organisation code's first 8 characters (0-9, A-Z).
std::optional<char> organisation_code_check_character(std::string_view first8);
// The check character for 17 characters of the alphabet; nullopt otherwise.
std::optional<char> credit_code_check_character(std::string_view first17);

}  // namespace jianxi
