#include "io/json_writer.h"

#include <array>
#include <cmath>

namespace jianxi {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char d = byte(i + 1);
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F)) return 0;  // overlong, surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char d = byte(i + 1);
    if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

void write_json_string(std::string_view s, std::string& out) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes copied as they are
  auto flush = [&](std::size_t i) { out.append(s.substr(run, i - run)); };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (std::size_t n = utf8_sequence_length(s, i)) {
        i += n;
        continue;
      }
      flush(i);
      out += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not valid UTF-8
      run = ++i;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    }
    run = ++i;
  }
  flush(s.size());
  out += '"';
}

void write_compact(const nlohmann::ordered_json& v, std::string& out) {
  using value_t = nlohmann::ordered_json::value_t;
  switch (v.type()) {
    case value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : v.items()) {
        if (!first) out += ',';
        first = false;
        write_json_string(key, out);
        out += ':';
        write_compact(value, out);
      }
      out += '}';
      return;
    }
    case value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& value : v) {
        if (!first) out += ',';
        first = false;
        write_compact(value, out);
      }
      out += ']';
      return;
    }
    case value_t::string: write_json_string(v.get_ref<const std::string&>(), out); return;
    case value_t::binary: {
      const auto& bytes = v.get_binary();
      out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      return;
    }
    case value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
    case value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
    case value_t::number_float: {
      double x = v.get<double>();
      if (!std::isfinite(x)) {
        out += "null";
        return;
      }
      std::array<char, 64> buffer{};
      char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
      out.append(buffer.data(), end);
      return;
    }
    default: out += "null"; return;  // null, discarded, binary (never in a result)
  }
}

nlohmann::ordered_json raw_json(std::vector<std::uint8_t> text) {
  return nlohmann::ordered_json::binary(std::move(text));
}

nlohmann::ordered_json raw_json(const std::string& text) {
  return raw_json(std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::size_t raw_bytes(const nlohmann::ordered_json& value) {
  if (value.is_binary()) return value.get_binary().size();
  std::size_t n = 0;
  if (value.is_structured())
    for (const auto& child : value) n += raw_bytes(child);
  return n;
}

void expand_raw(nlohmann::ordered_json& value) {
  if (value.is_binary()) {
    const auto& bytes = value.get_binary();
    value = nlohmann::ordered_json::parse(bytes.begin(), bytes.end());
  } else if (value.is_structured()) {
    for (auto& child : value) expand_raw(child);
  }
}

}  // namespace jianxi
