// GB 11643-1999 identity numbers: length, alphabet, birth date, MOD 11-2 check.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "identifiers/id_number.h"

namespace {
std::string with_check(const std::string& first17) {
  return first17 + jianxi::id_number_check_character(first17);
}
}  // namespace

TEST_CASE("the standard's worked example") {
  // GB 11643-1999 annex example: 11010519491231002 → check character X.
  CHECK(jianxi::id_number_check_character("11010519491231002") == 'X');
  auto ok = jianxi::check_id_number("11010519491231002X");
  CHECK(ok.code.empty());
  REQUIRE(ok.birth_date);
  CHECK(*ok.birth_date == jianxi::Date(1949, 12, 31));
  CHECK(jianxi::check_id_number("11010519491231002x").code.empty());
}

TEST_CASE("bad identity numbers are named by reason") {
  CHECK(jianxi::check_id_number("11010519491231002").code == "id_number.length");
  // A 15-digit number of the format before GB 11643-1999 is named as such.
  auto old = jianxi::check_id_number("110105491231002");
  CHECK(old.code == "id_number.length");
  CHECK(old.message.zh.find("15位的旧身份证号码") != std::string::npos);
  CHECK(jianxi::check_id_number("1101051949123100A2").code == "id_number.characters");
  CHECK(jianxi::check_id_number("11010519491231002Y").code == "id_number.characters");
  CHECK(jianxi::check_id_number("110105194912310021").code == "id_number.checksum");
  CHECK(jianxi::check_id_number(with_check("11010519490230002")).code == "id_number.birth_date");
  CHECK(jianxi::check_id_number(with_check("01010519491231002")).code == "id_number.area");
}

TEST_CASE("generated numbers: valid ones pass, every single-digit change fails") {
  std::mt19937 rng(20231);
  int checked = 0;
  for (int n = 0; n < 300; ++n) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "%06d%04d%02d%02d%03d",
                  110000 + static_cast<int>(rng() % 540000), 1960 + static_cast<int>(rng() % 45),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28),
                  static_cast<int>(rng() % 1000));
    std::string id = with_check(first17);
    REQUIRE(jianxi::check_id_number(id).code.empty());
    // MOD 11-2 detects every single substitution in the sequence-code digits.
    std::string bad = id;
    bad[15] = bad[15] == '9' ? '0' : static_cast<char>(bad[15] + 1);
    CHECK(jianxi::check_id_number(bad).code == "id_number.checksum");
    ++checked;
  }
  CHECK(checked == 300);
}

TEST_CASE("full-width digits are read as digits, and a length is counted in characters") {
  // The standard's example typed with a Chinese keyboard's full-width digits and Ｘ.
  auto ok = jianxi::check_id_number("１１０１０５１９４９１２３１００２Ｘ");
  CHECK(ok.code.empty());
  REQUIRE(ok.birth_date);
  CHECK(*ok.birth_date == jianxi::Date(1949, 12, 31));
  // 17 full-width digits are 51 bytes: the message counts the 17 characters typed.
  auto short_one = jianxi::check_id_number("１１０１０５１９４９１２３１００２");
  CHECK(short_one.code == "id_number.length");
  CHECK(short_one.message.zh.find("17") != std::string::npos);
  CHECK(jianxi::check_id_number("身份证号11010519491231002X").message.zh.find("22") != std::string::npos);
}
