// A request's JSON text as a tree, read by a plain reader for the common case.
// nlohmann's parser copies every character into two buffers and validates it one at
// a time; for a small request (an application form) that was the largest single
// cost. The reader gives up on anything it is not sure it reads exactly as nlohmann
// does (escapes other than the one-letter ones, duplicate keys, numbers it cannot
// read exactly, invalid UTF-8, any syntax error, a byte order mark) and nlohmann's
// parser then reads the whole text, so every tree, and every refusal, is nlohmann's.
#pragma once

#include <string_view>

#include "io/fields.h"

namespace jianxi {

// The tree of `text`, or a discarded value when it is not JSON (as
// Json::parse(text, nullptr, false) answers).
Json parse_json(std::string_view text);

}  // namespace jianxi
