// Identifiers as people type them on a Chinese keyboard: full-width digits, letters and
// signs (０-９, Ａ-Ｚ, －, （）) read as their ASCII forms, and lengths counted in
// characters, not bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jianxi {

// The text with each full-width form of an ASCII character (U+FF01-U+FF5E) replaced by it.
std::string half_width(std::string_view text);

// The number of characters (UTF-8 code points) of the text.
std::size_t character_count(std::string_view text);

}  // namespace jianxi
