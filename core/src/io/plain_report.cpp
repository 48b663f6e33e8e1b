#include "io/plain_report.h"

#include "io/json_writer.h"

namespace jianxi {
namespace {

constexpr int kMaxDigits = 15;  // below 2^53: the integer and its division by 10^k are exact
constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

class PlainReader {
 public:
  explicit PlainReader(std::string_view text) : text_(text) {}

  bool take(char c) {
    skip_space();
    if (i_ < text_.size() && text_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  bool at_end() {
    skip_space();
    return i_ == text_.size();
  }

  // A string with no control characters, in valid UTF-8, and no escapes unless
  // `decoded` is given: the string is then decoded into it as nlohmann decodes it (a
  // table written by Python's json.dumps escapes every character outside ASCII).
  bool string(std::string_view& out, std::string* decoded = nullptr) {
    if (!take('"')) return false;
    std::size_t start = i_;
    bool escaped = false;
    while (i_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[i_]);
      if (c == '"') {
        out = escaped ? std::string_view(*decoded) : text_.substr(start, i_ - start);
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!decoded) return false;
        if (!escaped) decoded->assign(text_.substr(start, i_ - start));
        escaped = true;
        if (!escape(*decoded)) return false;
        continue;
      }
      std::size_t n = c < 0x80 ? 1 : utf8_sequence_length(text_, i_);
      if (n == 0) return false;
      if (escaped) decoded->append(text_.substr(i_, n));
      i_ += n;
    }
    return false;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)? with at most 15 digits: read exactly as strtod reads
  // it, since both the digits and the power of ten are exact doubles and one division
  // rounds correctly. Exponents and longer numbers are left to the tree reader.
  bool number(ReportCell& cell) {
    skip_space();
    bool negative = i_ < text_.size() && text_[i_] == '-';
    if (negative) ++i_;
    std::uint64_t digits = 0;
    int count = 0, fraction = 0;
    std::size_t start = i_;
    while (i_ < text_.size() && is_digit(text_[i_])) {
      digits = digits * 10 + static_cast<std::uint64_t>(text_[i_++] - '0');
      if (++count > kMaxDigits) return false;
    }
    if (i_ == start || (text_[start] == '0' && i_ - start > 1)) return false;
    if (i_ < text_.size() && text_[i_] == '.') {
      std::size_t first = ++i_;
      while (i_ < text_.size() && is_digit(text_[i_])) {
        digits = digits * 10 + static_cast<std::uint64_t>(text_[i_++] - '0');
        ++fraction;
        if (++count > kMaxDigits) return false;
      }
      if (i_ == first) return false;
    }
    if (i_ < text_.size() && (text_[i_] == 'e' || text_[i_] == 'E')) return false;
    cell.present = true;
    cell.integer = fraction == 0;
    if (cell.integer) {
      cell.whole = negative ? -static_cast<std::int64_t>(digits) : static_cast<std::int64_t>(digits);
      cell.number = static_cast<double>(cell.whole);
    } else {
      double value = static_cast<double>(digits) / kPowersOfTen[fraction];
      cell.number = negative ? -value : value;
    }
    return true;
  }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  // The escape at i_ (its backslash), appended to `out` as UTF-8. A lone surrogate is
  // left to the tree reader, which refuses it.
  bool escape(std::string& out) {
    if (++i_ >= text_.size()) return false;
    char c = text_[i_++];
    switch (c) {
      case '"': case '\\': case '/': out.push_back(c); return true;
      case 'b': out.push_back('\b'); return true;
      case 'f': out.push_back('\f'); return true;
      case 'n': out.push_back('\n'); return true;
      case 'r': out.push_back('\r'); return true;
      case 't': out.push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    std::uint32_t code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      std::uint32_t low = 0;
      if (text_.compare(i_, 2, "\\u") != 0) return false;
      i_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(code, out);
    return true;
  }

  bool hex4(std::uint32_t& code) {
    if (text_.size() - i_ < 4) return false;
    for (int k = 0; k < 4; ++k) {
      char h = text_[i_++];
      int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (v < 0) return false;
      code = code << 4 | static_cast<std::uint32_t>(v);
    }
    return true;
  }

  static void append_utf8(std::uint32_t code, std::string& out) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | code >> 6));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | code >> 12));
      out.push_back(static_cast<char>(0x80 | (code >> 6 & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | code >> 18));
      out.push_back(static_cast<char>(0x80 | (code >> 12 & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code >> 6 & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }
  void skip_space() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\r' || text_[i_] == '\t'))
      ++i_;
  }

  std::string_view text_;
  std::size_t i_ = 0;
};

// An indicator number as a values key: 1-3 digits, no leading zero.
int indicator_number(std::string_view key) {
  if (key.empty() || key.size() > 3 || key[0] == '0') return 0;
  int n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool read_values(PlainReader& in, std::size_t indicators, std::vector<ReportCell>& cells) {
  if (!in.take('{')) return false;
  if (in.take('}')) return true;
  do {
    std::string_view key;
    if (!in.string(key) || !in.take(':')) return false;
    int n = indicator_number(key);
    if (n < 1 || static_cast<std::size_t>(n) > indicators || cells[n - 1].present) return false;
    if (!in.number(cells[n - 1])) return false;
  } while (in.take(','));
  return in.take('}');
}

}  // namespace

bool read_plain_report(std::string_view text, std::size_t indicators, ReportRow& row) {
  PlainReader in(text);
  row.period = {};
  row.unit = {};
  row.submitted.reset();
  row.cells.assign(indicators, ReportCell{});
  bool period = false, unit = false, submitted = false, values = false;
  if (!in.take('{')) return false;
  do {
    std::string_view key, value;
    if (!in.string(key) || !in.take(':')) return false;
    if (key == "period" && !period) {
      period = in.string(row.period);
      if (!period) return false;
    } else if (key == "unit" && !unit) {
      unit = in.string(row.unit, &row.unit_decoded);
      if (!unit) return false;
    } else if (key == "submitted_on" && !submitted) {
      if (!in.string(value) || !(row.submitted = parse_date(value))) return false;
      submitted = true;
    } else if (key == "values" && !values) {
      values = read_values(in, indicators, row.cells);
      if (!values) return false;
    } else {
      return false;
    }
  } while (in.take(','));
  return in.take('}') && period && values && in.at_end();
}

}  // namespace jianxi
