// How far apart two texts are, counted in characters: for suggesting what was meant.
#pragma once

#include <string>
#include <vector>

namespace jianxi {

// UTF-8 code points, so that names are compared and cut by character.
std::vector<std::string> characters(const std::string& s);

// Insertions, deletions and substitutions (Levenshtein), by character.
std::size_t edit_distance(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace jianxi
