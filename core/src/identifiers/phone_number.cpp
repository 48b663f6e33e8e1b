#include "identifiers/phone_number.h"

#include "finding_messages.h"
#include "identifiers/half_width.h"
#include "values/trim.h"
#include "values/affixes.h"

#include <algorithm>
#include <iterator>

namespace jianxi {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Full-width digits and signs as their ASCII forms, spaces (also the ideographic
// space) and dots dropped, and the words that mark an extension (转, 分机, ext) as a
// dash: what people type on a phone's keyboard.
std::string normalized(std::string_view typed) {
  static constexpr std::string_view extension_marks[] = {"转", "分机", "ext.", "ext", "EXT", "Ext"};
  const std::string text = half_width(trim(std::string(typed)));
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\u3000") == 0) {
      i += 3;
      continue;
    }
    auto mark = std::find_if(std::begin(extension_marks), std::end(extension_marks),
                             [&](std::string_view m) { return text.compare(i, m.size(), m) == 0; });
    if (mark != std::end(extension_marks)) {
      out += '-';
      i += mark->size();
      continue;
    }
    if (text[i] != ' ' && text[i] != '.') out += text[i];
    ++i;
  }
  return out;
}

bool is_mobile(std::string_view s) { return s.size() == 11 && all_digits(s) && s[0] == '1' && s[1] >= '3'; }

// 2-digit area codes are 10 and 20-29, whose numbers have 8 digits; the others have 3
// digits starting 3-9 and numbers of 7 or 8 digits. A number starts neither 0 nor 1.
bool is_area_and_number(std::string_view area, std::string_view number) {
  if (!all_digits(area) || !all_digits(number) || number[0] == '0' || number[0] == '1') return false;
  if (area.size() == 2) return (area == "10" || area[0] == '2') && number.size() == 8;
  return area.size() == 3 && area[0] >= '3' && (number.size() == 7 || number.size() == 8);
}

// Area code (without its 0) and number, with or without a dash between them.
bool is_area_then_number(std::string_view s) {
  if (auto dash = s.find('-'); dash != std::string_view::npos)
    return is_area_and_number(s.substr(0, dash), s.substr(dash + 1));
  for (std::size_t area = 2; area <= 3; ++area)
    if (s.size() > area && is_area_and_number(s.substr(0, area), s.substr(area))) return true;
  return false;
}

// Area code and number, then optionally a dash and an extension of 1-6 digits.
bool is_landline_after_zero(std::string_view rest) {
  if (is_area_then_number(rest)) return true;
  auto last = rest.rfind('-');
  if (last == std::string_view::npos) return false;
  std::string_view extension = rest.substr(last + 1);
  return all_digits(extension) && extension.size() <= 6 && is_area_then_number(rest.substr(0, last));
}

std::string without_dashes(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-') out += c;
  return out;
}

}  // namespace

PhoneCheck check_phone(std::string_view text) {
  std::string s = normalized(text);
  // (0791)86383274: the area code in brackets.
  if (starts_with(s, "(0")) {
    auto close = s.find(')');
    if (close != std::string::npos) s = s.substr(1, close - 1) + "-" + s.substr(close + 1);
  }
  // The country code: +86, 0086, (+86), or 86 followed by a dash or a mobile number.
  std::string_view national = s;
  bool international = false;
  for (std::string_view prefix : {"(+86)", "+86", "0086", "86-"})
    if (starts_with(national, prefix)) {
      national.remove_prefix(prefix.size());
      international = true;
      break;
    }
  if (!international && national.size() == 13 && starts_with(national, "86") && is_mobile(national.substr(2))) {
    national.remove_prefix(2);
    international = true;
  }
  if (starts_with(national, "-")) national.remove_prefix(1);
  if (is_mobile(without_dashes(national))) return {"", {}, "mobile"};
  // Dialled from abroad, a landline drops its 0: +86 791 86383274, +86-10-62345678.
  std::string_view after_zero = national;
  if (international) {
    if (starts_with(after_zero, "0")) after_zero.remove_prefix(1);
    if (is_landline_after_zero(after_zero)) return {"", {}, "landline"};
  } else if (starts_with(after_zero, "0") && is_landline_after_zero(after_zero.substr(1))) {
    return {"", {}, "landline"};
  }
  std::string local = without_dashes(national);
  if (!international && (local.size() == 7 || local.size() == 8) && all_digits(local) && local[0] != '0' && local[0] != '1')
    return {"phone.area_code_missing", msg::phone_area_code_missing{}.text(), ""};
  // 400 and 800 numbers (10 digits) are companies' hotlines, which reach no one in particular.
  if (local.size() == 10 && all_digits(local) && (starts_with(local, "400") || starts_with(local, "800")))
    return {"phone.invalid", msg::phone_invalid::service{}.text(), ""};
  return {"phone.invalid", msg::phone_invalid::format{}.text(), ""};
}

}  // namespace jianxi
