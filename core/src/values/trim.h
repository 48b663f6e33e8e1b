// Spaces around what people type: ASCII white space and the Unicode spaces people paste
// (no-break, ideographic, narrow no-break, byte-order mark).
#pragma once

#include <string>

namespace jianxi {

std::string trim(const std::string& s);

}  // namespace jianxi
