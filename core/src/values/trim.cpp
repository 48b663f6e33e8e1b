#include "values/trim.h"

#include <array>
#include <string_view>

namespace jianxi {
namespace {

// What people paste as space: ASCII white space, the no-break space, the ideographic
// space of Chinese input methods, the narrow no-break space and the byte-order mark.
constexpr std::array<std::string_view, 8> kSpaces = {" ", "\t", "\n", "\r", "\u00A0", "\u3000", "\u202F", "\uFEFF"};

std::size_t space_at_start(std::string_view s) {
  for (std::string_view space : kSpaces)
    if (s.substr(0, space.size()) == space) return space.size();
  return 0;
}

std::size_t space_at_end(std::string_view s) {
  for (std::string_view space : kSpaces)
    if (s.size() >= space.size() && s.substr(s.size() - space.size()) == space) return space.size();
  return 0;
}

}  // namespace

std::string trim(const std::string& s) {
  std::string_view rest(s);
  while (std::size_t n = space_at_start(rest)) rest.remove_prefix(n);
  while (std::size_t n = space_at_end(rest)) rest.remove_suffix(n);
  return std::string(rest);
}

}  // namespace jianxi
