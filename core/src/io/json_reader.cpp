#include "io/json_reader.h"

#include "io/json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

namespace jianxi {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // false: not sure (nlohmann's parser decides).
  bool document(Json& out) {
    skip();
    if (!value(out, 0)) return false;
    skip();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 256;
  // Up to this many members, a key is compared with those before it; a wider object's
  // keys are sorted once at its end (comparing each with all before it grows as the square).
  static constexpr std::size_t kKeysComparedInPlace = 16;

  bool repeats_a_key(std::size_t base) {
    keys_.clear();
    for (std::size_t i = base; i < members_.size(); ++i) keys_.push_back(members_[i].first);
    std::sort(keys_.begin(), keys_.end());
    return std::adjacent_find(keys_.begin(), keys_.end()) != keys_.end();
  }

  void skip() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool value(Json& out, int depth) {
    if (p_ == end_ || depth > kMaxDepth) return false;
    switch (*p_) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out = Json(std::move(s));
        return true;
      }
      case 't': return literal("true", 4) && (out = true, true);
      case 'f': return literal("false", 5) && (out = false, true);
      case 'n': return literal("null", 4) && (out = nullptr, true);
      default: return number(out);
    }
  }

  bool literal(const char* word, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }

  bool object(Json& out, int depth) {
    ++p_;
    skip();
    const std::size_t base = members_.size();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      out = Json::object();
      return true;
    }
    for (;;) {
      if (p_ == end_ || *p_ != '"') return false;
      std::string key;
      if (!string(key)) return false;
      if (members_.size() - base < kKeysComparedInPlace)
        for (std::size_t i = base; i < members_.size(); ++i)
          if (members_[i].first == key) return false;  // a repeated key: nlohmann's rule decides
      skip();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip();
      Json v;
      if (!value(v, depth + 1)) return false;
      members_.emplace_back(std::move(key), std::move(v));
      skip();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      break;
    }
    if (members_.size() - base > kKeysComparedInPlace && repeats_a_key(base)) return false;
    out = Json::object();
    auto& map = out.get_ref<Json::object_t&>();
    map.reserve(members_.size() - base);
    for (std::size_t i = base; i < members_.size(); ++i)
      map.emplace_back(std::move(members_[i].first), std::move(members_[i].second));
    members_.resize(base);
    return true;
  }

  bool array(Json& out, int depth) {
    ++p_;
    skip();
    const std::size_t base = items_.size();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      out = Json::array();
      return true;
    }
    for (;;) {
      Json v;
      if (!value(v, depth + 1)) return false;
      items_.push_back(std::move(v));
      skip();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      break;
    }
    out = Json::array();
    auto& list = out.get_ref<Json::array_t&>();
    list.reserve(items_.size() - base);
    for (std::size_t i = base; i < items_.size(); ++i) list.push_back(std::move(items_[i]));
    items_.resize(base);
    return true;
  }

  bool string(std::string& out) {
    ++p_;
    const char* run = p_;
    while (p_ < end_) {
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        // Without escapes (the usual case) the string is made at its size in one step.
        if (out.empty()) out = std::string(run, static_cast<std::size_t>(p_ - run));
        else out.append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (c == '\\') {
        out.append(run, static_cast<std::size_t>(p_ - run));
        if (++p_ == end_) return false;
        switch (*p_) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          default: return false;  // \u…: nlohmann's parser
        }
        run = ++p_;
        continue;
      }
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
        continue;
      }
      std::size_t n = utf8_sequence_length(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
      if (!n) return false;
      p_ += n;
    }
    return false;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // JSON's number grammar; integers as nlohmann types them (unsigned when not
  // negative), fractions and exponents by strtod as nlohmann reads them.
  bool number(Json& out) {
    const char* start = p_;
    bool negative = false;
    if (*p_ == '-') {
      negative = true;
      ++p_;
    }
    if (p_ == end_) return false;
    if (*p_ == '0') ++p_;
    else if (*p_ >= '1' && *p_ <= '9')
      while (p_ < end_ && digit(*p_)) ++p_;
    else
      return false;
    const char* int_end = p_;
    bool fraction = false;
    if (p_ < end_ && *p_ == '.') {
      fraction = true;
      ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      fraction = true;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !digit(*p_)) return false;
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    if (p_ < end_ && digit(*p_)) return false;  // "01"
    if (!fraction) {
      const char* d = start + (negative ? 1 : 0);
      if (int_end - d > 18) return false;  // may not fit: nlohmann's parser
      std::uint64_t v = 0;
      for (; d < int_end; ++d) v = v * 10 + static_cast<std::uint64_t>(*d - '0');
      if (negative) out = Json(static_cast<std::int64_t>(-static_cast<std::int64_t>(v)));
      else out = Json(v);
      return true;
    }
    char buffer[64];
    std::size_t n = static_cast<std::size_t>(p_ - start);
    if (n >= sizeof buffer) return false;
    std::memcpy(buffer, start, n);
    buffer[n] = '\0';
    char* end = nullptr;
    double x = std::strtod(buffer, &end);
    if (end != buffer + n || !std::isfinite(x)) return false;
    out = Json(x);
    return true;
  }

  const char* p_;
  const char* end_;
  std::vector<std::pair<std::string, Json>> members_;  // of the objects being read
  std::vector<Json> items_;                            // of the arrays being read
  std::vector<std::string_view> keys_;                 // a wide object's keys, sorted
};

}  // namespace

Json parse_json(std::string_view text) {
  {
    Json out;
    Reader reader(text);
    if (reader.document(out)) return out;
  }
  return Json::parse(text, nullptr, false);
}

}  // namespace jianxi
