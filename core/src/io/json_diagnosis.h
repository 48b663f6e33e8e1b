// Why a text that is not JSON was refused, when the reason can be located: a number
// beyond what a double holds (1e999, a 100,000-digit integer) is named at its JSON
// Pointer rather than leaving the whole request "not JSON".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jianxi {

// The JSON Pointer of the first number in `text` too large to read, or nullopt when
// the text fails for another reason (or does not fail).
std::optional<std::string> number_out_of_range_at(std::string_view text);

}  // namespace jianxi
