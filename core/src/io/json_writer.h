// Compact JSON text of a result. nlohmann's dump() decodes every UTF-8 character
// to escape it; results are mostly Chinese text, and that decoding was three
// quarters of the time of a form check. This writer copies valid UTF-8 as it is,
// escapes only what JSON requires, and writes numbers with nlohmann's own
// shortest-round-trip formatting, so its text equals dump()'s.
#pragma once

#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jianxi {

void write_compact(const nlohmann::ordered_json& value, std::string& out);
// A string as write_compact writes it (bytes that are not UTF-8 become U+FFFD).
void write_json_string(std::string_view text, std::string& out);
// Length of the valid UTF-8 sequence at text[i] (i < size), or 0 when it is not valid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// A value already written as compact JSON text, kept in the tree as nlohmann's binary
// type: write_compact copies it as it is, so a large part of a result (a subsidy's
// lines) never exists as a tree. Only results carry such values.
nlohmann::ordered_json raw_json(std::vector<std::uint8_t> text);
nlohmann::ordered_json raw_json(const std::string& text);
// The bytes of the raw values in a tree (to size the output before writing it).
std::size_t raw_bytes(const nlohmann::ordered_json& value);
// Replaces raw values by their parsed trees (for dump(), which does not know them).
void expand_raw(nlohmann::ordered_json& value);

}  // namespace jianxi
