// Compact JSON text of a result. nlohmann's dump() decodes every UTF-8 character
// to escape it; results are mostly Chinese text, and that decoding was three
// quarters of the time of a form check. This writer copies valid UTF-8 as it is,
// escapes only what JSON requires, and writes numbers with nlohmann's own
// shortest-round-trip formatting, so its text equals dump()'s.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace jianxi {

void write_compact(const nlohmann::ordered_json& value, std::string& out);

}  // namespace jianxi
