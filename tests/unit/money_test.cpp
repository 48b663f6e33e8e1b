// Exact money: fen, rates as fractions, half-up rounding at the last step.
#include <doctest/doctest.h>

#include "values/money.h"

TEST_CASE("rates parse exactly") {
  auto r = jianxi::parse_rate("0.6");
  REQUIRE(r);
  CHECK(r->num == 3);
  CHECK(r->den == 5);
  auto third = jianxi::parse_rate("2/3");
  REQUIRE(third);
  CHECK(third->num == 2);
  CHECK(third->den == 3);
  CHECK_FALSE(jianxi::parse_rate("60%"));
  CHECK_FALSE(jianxi::parse_rate("1/0"));
  CHECK_FALSE(jianxi::parse_rate(""));
}

TEST_CASE("apply rounds half up to the fen") {
  // 1850 yuan × 80% = 1480 yuan exactly.
  CHECK(jianxi::apply(185000, *jianxi::parse_rate("0.8")) == 148000);
  // 1001 fen × 2/3 = 667.33 fen → 667.
  CHECK(jianxi::apply(1001, *jianxi::parse_rate("2/3")) == 667);
  // 1 fen × 0.5 = 0.5 fen → 1 (half up).
  CHECK(jianxi::apply(1, *jianxi::parse_rate("0.5")) == 1);
  // 5 fen × 0.05 = 0.25 fen → 0.
  CHECK(jianxi::apply(5, *jianxi::parse_rate("0.05")) == 0);
}

TEST_CASE("whole retention steps") {
  auto span = jianxi::subtract(*jianxi::parse_rate("0.79"), *jianxi::parse_rate("0.5"));
  CHECK(jianxi::whole_steps(span, *jianxi::parse_rate("0.1")) == 2);
  span = jianxi::subtract(*jianxi::parse_rate("0.6"), *jianxi::parse_rate("0.5"));
  CHECK(jianxi::whole_steps(span, *jianxi::parse_rate("0.1")) == 1);
}

TEST_CASE("yuan from numbers and back") {
  CHECK(*jianxi::fen_from_yuan(1850) == 185000);
  CHECK(*jianxi::fen_from_yuan(0.1 + 0.2) == 30);
  CHECK_FALSE(jianxi::fen_from_yuan(1.0 / 0.0));
  CHECK(jianxi::yuan_json(148000).dump() == "1480");
  CHECK(jianxi::yuan_json(111005).dump() == "1110.05");
  CHECK(jianxi::rate_json(*jianxi::parse_rate("2/3")).dump() == "0.666667");
}

TEST_CASE("decimal text and numbers of scaled units") {
  CHECK(jianxi::decimal_text(125000, 4) == "12.5");
  CHECK(jianxi::decimal_text(10, 4) == "0.001");
  CHECK(jianxi::decimal_text(30000, 4) == "3");
  CHECK(jianxi::decimal_text(-15, 1) == "-1.5");
  CHECK(jianxi::decimal_json(125000, 4).dump() == "12.5");
  CHECK(jianxi::decimal_json(30000, 4).dump() == "3");
}

TEST_CASE("decimal places are counted on the number as written, with no tolerance") {
  CHECK(jianxi::decimal_places(3.5) == 1);
  CHECK(jianxi::decimal_places(3.500001) == 6);
  CHECK(jianxi::decimal_places(120) == 0);
  CHECK(jianxi::decimal_places(0.0001) == 4);
  CHECK(jianxi::decimal_places(0.00001) == 5);
  CHECK(jianxi::decimal_places(123456789.12345) == 5);
  CHECK(jianxi::decimal_places(5.2) == 1);
}
