#include "io/echo.h"

#include "kinds/engine_limits.h"
#include "io/json_writer.h"

namespace jianxi {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

std::size_t next_boundary(std::string_view text, std::size_t i) {
  std::size_t n = utf8_sequence_length(text, i);
  return i + (n ? n : 1);
}

}  // namespace

std::size_t character_count(std::string_view text, std::size_t stop) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count < stop; i = next_boundary(text, i)) ++count;
  return count;
}

std::string echoed(std::string_view text) {
  std::size_t end = 0;
  for (std::size_t count = 0; end < text.size() && count < limits::kEchoedChars; ++count)
    end = next_boundary(text, end);
  if (end >= text.size()) return std::string(text);
  std::string out(text.substr(0, end));
  out += kEllipsis;
  return out;
}

void cut_to_bytes(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return;
  std::size_t keep = 0;
  for (std::size_t i = 0; i < text.size(); i = next_boundary(text, i)) {
    if (next_boundary(text, i) + kEllipsis.size() > max_bytes) break;
    keep = next_boundary(text, i);
  }
  text.resize(keep);
  text += kEllipsis;
}

}  // namespace jianxi
