// Large tables read without a tree of the whole request. A request is parsed once
// with the elements of its top-level "reports" array left out (only the first is
// kept, the rest counted), and the reports are then read one at a time by a second
// pass. A table of 100,000 reports never exists as a tree; every finding, path and
// byte of the answer is the same as from the whole tree.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "fields.h"

namespace jianxi {

struct RequestSkeleton {
  Json request;              // the whole request, but "reports" holds at most its first element
  std::size_t reports = 0;   // the elements of the top-level "reports" array (its last occurrence)
  int occurrences = 0;       // how many top-level "reports" arrays (a repeated key: the last counts)
};

// nullopt when the text is not JSON (as Json::parse would discard it).
std::optional<RequestSkeleton> parse_skeleton(std::string_view text);

// Calls `each(element)` for every element of the top-level "reports" array (its last
// occurrence, from the skeleton), in order. The text has passed parse_skeleton.
void for_each_report(std::string_view text, int occurrences, const std::function<void(const Json&)>& each);

}  // namespace jianxi
