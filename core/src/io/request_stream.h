// Large tables read without a tree of the whole request. A plain byte scanner finds
// the top-level "reports" array and where each of its elements begins and ends; the
// rest of the request (with the first report) is parsed as usual, and each report is
// parsed on its own when the checker asks for it. A table of 100,000 reports never
// exists as a tree and is lexed once; every finding, path and byte of the answer is
// the same as from the whole tree, and text that is not JSON is still refused whole.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "io/fields.h"

namespace jianxi {

struct SplitRequest {
  Json request;  // the whole request, but "reports" holds at most its first element
  std::vector<std::pair<std::size_t, std::size_t>> reports;  // [begin, end) of each element in the text
};

// Whether a request's arrays and objects stay within the documented depth and width.
enum class Nesting { unchecked, within, too_deep, too_wide };

// Whether no array or object in `text` lies deeper than `depth_limit`, and no object
// has more than `member_limit` members (strings aside; too_deep when both).
Nesting nesting_within(std::string_view text, int depth_limit, std::size_t member_limit);

// The request split around its top-level "reports" array (the last, when repeated),
// found in one pass that also measures the nesting: `nesting` says whether the text
// stays within `depth_limit` and `member_limit` (unchecked when the pass could not
// tell; nothing is parsed when it does not), as nesting_within would. nullopt when the text has no such array, or when its
// shape is not plain enough to split safely (the caller then parses the whole text);
// `not_json` is set when the parts show the text is not JSON.
std::optional<SplitRequest> split_reports(std::string_view text, int depth_limit, std::size_t member_limit,
                                          Nesting& nesting, bool& not_json);

}  // namespace jianxi
