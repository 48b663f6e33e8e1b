// Texts of the request quoted back in findings, cut to the documented lengths
// (limits::kEchoedChars, limits::kFindingTextBytes) so that a long text in a request
// cannot make the answer grow with every finding that quotes it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jianxi {

// `text` as a finding quotes it: at most limits::kEchoedChars characters, then "…".
std::string echoed(std::string_view text);
// Cuts `text` to at most `max_bytes` bytes at a character boundary, ending in "…" when cut.
void cut_to_bytes(std::string& text, std::size_t max_bytes);
// The number of characters of `text` (a byte that is not UTF-8 counts as one), counting
// no further than `stop`.
std::size_t character_count(std::string_view text, std::size_t stop);

}  // namespace jianxi
