#include "identifiers/phone_number.h"

#include "finding_messages.h"

namespace jianxi {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_mobile(std::string_view s) { return s.size() == 11 && all_digits(s) && s[0] == '1' && s[1] >= '3'; }

// 2-digit area codes are 10 and 20-29; the rest have 3 digits starting 3-9.
bool is_area_code(std::string_view digits) {
  if (digits.size() == 2) return digits == "10" || digits[0] == '2';
  return digits.size() == 3 && digits[0] >= '3';
}

bool is_local_number(std::string_view s) {
  return (s.size() == 7 || s.size() == 8) && all_digits(s) && s[0] != '0' && s[0] != '1';
}

// Area code and number, with or without a dash between them.
bool is_area_and_number(std::string_view s) {
  if (auto dash = s.find('-'); dash != std::string_view::npos)
    return is_area_code(s.substr(0, dash)) && is_local_number(s.substr(dash + 1));
  for (std::size_t area = 2; area <= 3; ++area)
    if (s.size() > area && is_area_code(s.substr(0, area)) && is_local_number(s.substr(area))) return true;
  return false;
}

// "0" + area code + number, then optionally "-" and an extension of 1-6 digits.
bool is_landline(std::string_view s) {
  if (s.empty() || s[0] != '0') return false;
  std::string_view rest = s.substr(1);
  if (is_area_and_number(rest)) return true;
  auto last = rest.rfind('-');
  if (last == std::string_view::npos) return false;
  std::string_view extension = rest.substr(last + 1);
  return all_digits(extension) && extension.size() <= 6 && is_area_and_number(rest.substr(0, last));
}

}  // namespace

PhoneCheck check_phone(std::string_view text) {
  std::string s;  // the text without spaces, when it has any
  std::string_view v = text;
  if (text.find(' ') != std::string_view::npos) {
    for (char c : text)
      if (c != ' ') s += c;
    v = s;
  }
  std::string_view national = v;
  if (national.substr(0, 3) == "+86") national.remove_prefix(3);
  else if (national.substr(0, 3) == "86-") national.remove_prefix(3);
  if (national.substr(0, 1) == "-") national.remove_prefix(1);
  if (is_mobile(national)) return {"", {}, "mobile"};
  if (is_landline(v)) return {"", {}, "landline"};
  if (is_local_number(v))
    return {"phone.area_code_missing", msg::phone_area_code_missing{}.text(), ""};
  return {"phone.invalid", msg::phone_invalid{}.text(), ""};
}

}  // namespace jianxi
