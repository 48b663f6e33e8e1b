#include "identifiers/id_number.h"

#include <algorithm>

#include "finding_messages.h"
#include "identifiers/half_width.h"
#include "values/trim.h"

namespace jianxi {

char id_number_check_character(std::string_view first17) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char check[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
  return check[sum % 11];
}

namespace {

// A failed check: the template's code and its text.
template <class Message>
IdNumberCheck failed(const Message& m) {
  IdNumberCheck r;
  r.code = code_of<Message>();
  r.message = m.text();
  return r;
}

}  // namespace

IdNumberCheck check_id_number(std::string_view typed) {
  const std::string half = half_width(trim(std::string(typed)));  // spaces pasted around it
  std::string_view id = half;
  if (id.size() == 15 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return failed(msg::id_number_length::old_format{});
  if (id.size() != 18) return failed(msg::id_number_length::count{.length = character_count(id)});
  for (std::size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return failed(msg::id_number_characters::digits{.position = i + 1});
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) return failed(msg::id_number_characters::last{});
  if (id[0] < '1' || id[0] > '9') return failed(msg::id_number_area{.digits = std::string(id.substr(0, 2))});
  std::string birth = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                      std::string(id.substr(12, 2));
  // From 1800, so that a date before 1900 (GB 11643's own example is born 1880-01-01) is
  // refused as such, not as no date.
  auto date = parse_date(birth, 1800);
  if (!date) return failed(msg::id_number_birth_date::no_such_day{.date = birth});
  if (date->year() < 1900) return failed(msg::id_number_birth_date::too_early{.date = birth});
  // Any of the 18 characters may be the mistyped one: naming the check character that
  // would fit the other 17 would teach a wrong number.
  if (id_number_check_character(id.substr(0, 17)) != last) return failed(msg::id_number_checksum{});
  IdNumberCheck r;
  r.birth_date = date;
  r.number = std::string(id.substr(0, 17)) + last;
  return r;
}

}  // namespace jianxi
