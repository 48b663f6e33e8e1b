#include "request_stream.h"

#include <string>

namespace jianxi {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the value of the root object's last "reports" key begins, if it is an array:
// the index of its '['. Keys written with escapes make the scan unsure (nullopt).
std::optional<std::size_t> reports_array(std::string_view text, bool& unsure) {
  std::size_t i = 0;
  while (i < text.size() && space(text[i])) ++i;
  if (i == text.size() || text[i] != '{') return std::nullopt;
  std::optional<std::size_t> found;
  int depth = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t start = ++i;
      bool escaped_key = false;
      for (; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') {
          escaped_key = true;
          ++i;
        }
      if (depth != 1) continue;
      std::size_t j = i + 1;
      while (j < text.size() && space(text[j])) ++j;
      if (j >= text.size() || text[j] != ':') continue;  // a value, not a key
      std::string_view key = text.substr(start, i - start);
      if (escaped_key) unsure = true;
      if (key != "reports") continue;
      ++j;
      while (j < text.size() && space(text[j])) ++j;
      if (j < text.size() && text[j] == '[') found = j;
      else found.reset();  // a later "reports" that is no array wins
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return found;
}

// The elements of the array whose '[' is at `open`: [begin, end) of each, split at the
// array's own commas; `close` receives the index of its ']'.
std::optional<std::vector<std::pair<std::size_t, std::size_t>>> elements(std::string_view text, std::size_t open,
                                                                           std::size_t& close) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  int depth = 0;
  std::size_t begin = open + 1;
  bool content = false;
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      content = true;
    } else if (c == '{' || c == '[') {
      ++depth;
      content = true;
    } else if (c == '}' || c == ']') {
      if (depth == 0) {
        if (c != ']') return std::nullopt;
        if (content || !out.empty()) out.emplace_back(begin, i);
        close = i;
        return out;
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      out.emplace_back(begin, i);
      begin = i + 1;
      content = true;  // what follows a comma must be an element
    } else if (!space(c)) {
      content = true;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<SplitRequest> split_reports(std::string_view text, bool& not_json) {
  not_json = false;
  bool unsure = false;
  auto open = reports_array(text, unsure);
  if (!open || unsure) return std::nullopt;
  std::size_t close = 0;
  auto parts = elements(text, *open, close);
  if (!parts) return std::nullopt;
  SplitRequest split;
  split.reports = std::move(*parts);
  // The request without the array's elements but its first: parsed as a whole, so
  // what surrounds the table is checked as JSON like any request.
  std::string rest(text.substr(0, *open + 1));
  if (!split.reports.empty())
    rest.append(text.substr(split.reports[0].first, split.reports[0].second - split.reports[0].first));
  rest.append(text.substr(close));
  split.request = Json::parse(rest, nullptr, false);
  if (split.request.is_discarded()) {
    not_json = true;
    return std::nullopt;
  }
  return split;
}

}  // namespace jianxi
