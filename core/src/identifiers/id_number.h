// Citizen identity numbers of GB 11643-1999: 17 digits (6 area, 8 birth date,
// 3 sequence) and an ISO 7064 MOD 11-2 check character (0-9 or X).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "values/dates.h"
#include "values/text.h"

namespace jianxi {

struct IdNumberCheck {
  std::optional<Date> birth_date;  // set when the number is valid
  std::string number;              // when valid: the 18 characters as ASCII, X uppercase
  std::string code;                // empty when valid, else id_number.<reason>
  Text message;
};

IdNumberCheck check_id_number(std::string_view id);
// The MOD 11-2 check character for the first 17 digits (used by tests and generators).
char id_number_check_character(std::string_view first17);

}  // namespace jianxi
