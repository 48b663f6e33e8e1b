// Parsing the relation lists printed under a summary table template.
#include "model/summary_template.h"

namespace jianxi {
namespace {

// UTF-8 spellings the annexes use for the same sign.
const char* const kSeparators[] = {"，", ",", "、", "；", ";"};
const char* const kPlus[] = {"＋", "+"};
const char* const kAtLeast[] = {"≥", ">=", "＞＝"};

bool take(std::string_view& rest, const char* const* signs, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view s = signs[i];
    if (rest.substr(0, s.size()) == s) {
      rest.remove_prefix(s.size());
      return true;
    }
  }
  return false;
}

void skip_spaces(std::string_view& rest) {
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
}

}  // namespace

std::optional<std::vector<Relation>> parse_relations(std::string_view printed, std::string& error) {
  std::vector<Relation> out;
  std::string_view rest = printed;
  while (true) {
    skip_spaces(rest);
    if (rest.empty()) break;
    std::string_view start = rest;
    Relation r;
    r.sides.emplace_back();
    while (true) {
      skip_spaces(rest);
      int number = 0, digits = 0;
      while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9' && digits < 4) {
        number = number * 10 + (rest.front() - '0');
        rest.remove_prefix(1);
        ++digits;
      }
      if (digits == 0) {
        error = "expected an indicator number at \"" + std::string(rest.substr(0, 12)) + "\"";
        return std::nullopt;
      }
      r.sides.back().push_back(number);
      skip_spaces(rest);
      if (take(rest, kPlus, std::size(kPlus))) continue;
      if (take(rest, kAtLeast, std::size(kAtLeast))) {
        r.sides.emplace_back();
        continue;
      }
      break;
    }
    if (r.sides.size() < 2) {
      error = "a relation needs ≥: \"" + std::string(start.substr(0, start.size() - rest.size())) + "\"";
      return std::nullopt;
    }
    r.printed = std::string(start.substr(0, start.size() - rest.size()));
    while (!r.printed.empty() && r.printed.back() == ' ') r.printed.pop_back();
    out.push_back(std::move(r));
    skip_spaces(rest);
    if (rest.empty()) break;
    if (!take(rest, kSeparators, std::size(kSeparators))) {
      error = "unexpected text \"" + std::string(rest.substr(0, 12)) + "\"";
      return std::nullopt;
    }
  }
  if (out.empty()) {
    error = "no relation";
    return std::nullopt;
  }
  return out;
}

}  // namespace jianxi
