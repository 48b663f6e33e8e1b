#include "io/request_stream.h"

#include <array>
#include <string>

namespace jianxi {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The bytes the scan stops at; every other byte is skipped in a tight loop.
enum ByteClass : unsigned char { kOther = 0, kQuote, kOpen, kClose, kComma };

constexpr std::array<unsigned char, 256> byte_classes() {
  std::array<unsigned char, 256> c{};
  c['"'] = kQuote;
  c['{'] = c['['] = kOpen;
  c['}'] = c[']'] = kClose;
  c[','] = kComma;
  return c;
}
constexpr std::array<unsigned char, 256> kClasses = byte_classes();

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

// The members of each open object, by depth (arrays hold 0): the width check of a scan.
class Widths {
 public:
  explicit Widths(std::size_t limit) : limit_(limit) {}
  // Returns false when `depth` is beyond what is tracked (the depth check refuses it
  // first); below 0 (text that is no JSON) nothing is tracked.
  bool open(int depth, bool object) {
    if (depth < 0) return true;
    if (static_cast<std::size_t>(depth) >= members_.size()) return false;
    members_[depth] = object ? 1 : 0;
    return true;
  }
  // A comma at `depth`: whether its object still has no more members than allowed.
  bool comma(int depth) {
    if (depth < 0 || static_cast<std::size_t>(depth) >= members_.size() || !members_[depth]) return true;
    return ++members_[depth] <= limit_;
  }

 private:
  std::array<std::size_t, 130> members_{};  // deeper than any depth limit checked before it
  std::size_t limit_;
};

// One pass over a request whose root is an object: its nesting depth, and the elements
// of the root's last "reports" array.
struct Scan {
  bool complete = false;  // the whole text was scanned
  bool too_deep = false;
  bool too_wide = false;
  bool unsure = false;    // a root key written with escapes: "reports" may hide in it
  std::optional<std::size_t> open, close;  // the last "reports" array's '[' and ']'
  Ranges elements;
};

Scan scan(std::string_view text, int depth_limit, std::size_t member_limit) {
  Scan s;
  Widths widths(member_limit);
  // The reports' members are not counted comma by comma (the table's hot path): an
  // object of more than member_limit members takes at least 5 bytes a member ("":0,),
  // so only a report that long is read again for its widths, when it ends.
  auto too_wide = [&](std::size_t begin, std::size_t end) {
    return end - begin >= 5 * (member_limit + 1) &&
           nesting_within(text.substr(begin, end - begin), depth_limit, member_limit) == Nesting::too_wide;
  };
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n && space(p[i])) ++i;
  if (i == n || p[i] != '{') return s;
  int depth = 0;
  int array_depth = 0;  // depth inside the "reports" array being read, 0 when none
  std::size_t begin = 0;
  Ranges current;
  for (; i < n; ++i) {
    while (i < n && kClasses[static_cast<unsigned char>(p[i])] == kOther) ++i;
    if (i == n) break;
    switch (kClasses[static_cast<unsigned char>(p[i])]) {
      case kQuote: {
        std::size_t start = ++i;
        bool escaped = false;
        for (; i < n && p[i] != '"'; ++i)
          if (p[i] == '\\') {
            escaped = true;
            ++i;
          }
        if (i >= n) return s;  // unterminated: not JSON, as the whole parse will say
        if (depth != 1) break;
        std::size_t j = i + 1;
        while (j < n && space(p[j])) ++j;
        if (j >= n || p[j] != ':') break;  // a value, not a key
        if (escaped) s.unsure = true;
        if (text.substr(start, i - start) != "reports") break;
        for (++j; j < n && space(p[j]);) ++j;
        if (j < n && p[j] == '[') {
          // A later "reports" replaces an earlier one, as in the parsed tree.
          s.open = j;
          s.close.reset();
          current.clear();
          i = j;
          depth = 2;
          widths.open(depth, false);
          array_depth = 2;
          begin = j + 1;
        } else {
          s.open.reset();
        }
        break;
      }
      case kOpen:
        if (++depth > depth_limit || (!array_depth && !widths.open(depth, p[i] == '{'))) {
          // Within a report, an object too wide before this point is found first.
          s.too_wide = array_depth && too_wide(begin, i + 1);
          s.too_deep = !s.too_wide;
          return s;
        }
        break;
      case kClose:
        if (array_depth && depth == array_depth) {
          if (p[i] != ']') return s;
          if (too_wide(begin, i)) {
            s.too_wide = true;
            return s;
          }
          std::string_view last = text.substr(begin, i - begin);
          bool blank = last.find_first_not_of(" \t\n\r") == std::string_view::npos;
          if (!current.empty() || !blank) current.emplace_back(begin, i);
          s.elements = std::move(current);
          current.clear();
          s.close = i;
          array_depth = 0;
        }
        --depth;
        break;
      case kComma:
        if (!array_depth && !widths.comma(depth)) {
          s.too_wide = true;
          return s;
        }
        if (array_depth && depth == array_depth) {
          if (too_wide(begin, i)) {
            s.too_wide = true;
            return s;
          }
          current.emplace_back(begin, i);
          begin = i + 1;
        }
        break;
    }
  }
  s.complete = array_depth == 0;
  return s;
}

}  // namespace

Nesting nesting_within(std::string_view text, int depth_limit, std::size_t member_limit) {
  Widths widths(member_limit);
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > depth_limit || !widths.open(depth, c == '{')) return Nesting::too_deep;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && !widths.comma(depth)) {
      return Nesting::too_wide;
    }
  }
  return Nesting::within;
}

std::optional<SplitRequest> split_reports(std::string_view text, int depth_limit, std::size_t member_limit,
                                          Nesting& nesting, bool& not_json) {
  not_json = false;
  nesting = Nesting::unchecked;
  Scan s = scan(text, depth_limit, member_limit);
  if (s.too_deep || s.too_wide) {
    nesting = s.too_deep ? Nesting::too_deep : Nesting::too_wide;
    return std::nullopt;
  }
  if (!s.complete) return std::nullopt;
  nesting = Nesting::within;
  if (!s.open || !s.close || s.unsure) return std::nullopt;
  SplitRequest split;
  split.reports = std::move(s.elements);
  // The request without the array's elements but its first: parsed as a whole, so
  // what surrounds the table is checked as JSON like any request.
  std::string rest(text.substr(0, *s.open + 1));
  if (!split.reports.empty())
    rest.append(text.substr(split.reports[0].first, split.reports[0].second - split.reports[0].first));
  rest.append(text.substr(*s.close));
  split.request = Json::parse(rest, nullptr, false);
  if (split.request.is_discarded()) {
    not_json = true;
    return std::nullopt;
  }
  return split;
}

}  // namespace jianxi
