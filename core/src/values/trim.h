// Spaces around what people type: ASCII white space and the ideographic space (U+3000).
#pragma once

#include <string>

namespace jianxi {

std::string trim(const std::string& s);

}  // namespace jianxi
