#include "identifiers/id_number.h"

namespace jianxi {

char id_number_check_character(std::string_view first17) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char check[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
  return check[sum % 11];
}

IdNumberCheck check_id_number(std::string_view id) {
  IdNumberCheck r;
  if (id.size() != 18) {
    r.code = "id_number.length";
    r.message = {"身份证号码应为18位（现为" + std::to_string(id.size()) + "位）",
                 "an identity number has 18 characters (this has " + std::to_string(id.size()) + ")"};
    return r;
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      r.code = "id_number.characters";
      r.message = {"身份证号码前17位应为数字（第" + std::to_string(i + 1) + "位不是）",
                   "the first 17 characters must be digits (character " + std::to_string(i + 1) +
                       " is not)"};
      return r;
    }
  }
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) {
    r.code = "id_number.characters";
    r.message = {"身份证号码第18位应为数字或X", "the 18th character must be a digit or X"};
    return r;
  }
  if (id[0] < '1' || id[0] > '9') {
    r.code = "id_number.area";
    r.message = {"身份证号码的地区码无效", "the area code of the identity number is not valid"};
    return r;
  }
  std::string birth = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                      std::string(id.substr(12, 2));
  auto date = parse_date(birth);
  if (!date) {
    r.code = "id_number.birth_date";
    r.message = {"身份证号码中的出生日期 " + birth + " 不存在",
                 "the birth date " + birth + " in the identity number does not exist"};
    return r;
  }
  if (date->year() < 1900) {
    r.code = "id_number.birth_date";
    r.message = {"身份证号码中的出生日期 " + birth + " 早于1900年",
                 "the birth date " + birth + " in the identity number is before 1900"};
    return r;
  }
  if (id_number_check_character(id.substr(0, 17)) != last) {
    r.code = "id_number.checksum";
    // Any of the 18 characters may be the mistyped one: naming the check character that
    // would fit the other 17 would teach a wrong number.
    r.message = {"身份证号码有误（校验不符），请逐位核对",
                 "the identity number is wrong (its check fails); check it digit by digit"};
    return r;
  }
  r.birth_date = date;
  return r;
}

}  // namespace jianxi
