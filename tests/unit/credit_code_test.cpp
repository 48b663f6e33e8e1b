// GB 32100-2015 credit codes: generated valid codes, every single-character change
// caught, and hand-made bad codes (length, alphabet, registration authority,
// division code, organisation code, check character). The expected check characters
// are computed here independently, from weights 3^i mod 31 and, for the GB 11714
// organisation code in characters 9-17, weights 3 7 9 10 5 8 4 2 mod 11.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "identifiers/credit_code.h"
#include "identifiers/phone_number.h"

namespace {

const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

char independent_check(const std::string& first17) {
  int weight = 1, sum = 0;
  for (char c : first17) {
    sum += static_cast<int>(kAlphabet.find(c)) * weight;
    weight = weight * 3 % 31;
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

char independent_organisation_check(const std::string& first8) {
  const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    char c = first8[i];
    sum += (c <= '9' ? c - '0' : c - 'A' + 10) * weights[i];
  }
  int check = (11 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::string random_code(std::mt19937& rng) {
  const std::string authorities = "159Y";
  auto pick = [&](const std::string& from) { return from[rng() % from.size()]; };
  std::string s;
  s += pick(authorities);
  // GB 32100-2015 table 1: each authority's institution categories.
  s += pick(s[0] == '9' ? "123" : s[0] == 'Y' ? "1" : "1239");
  for (int i = 0; i < 6; ++i) s += pick("0123456789");
  std::string body;
  for (int i = 0; i < 8; ++i) body += pick(kAlphabet);
  s += body + independent_organisation_check(body);
  return s + independent_check(s);
}

}  // namespace

TEST_CASE("known codes") {
  CHECK(jianxi::check_credit_code("91360100MA35K7QW29").code.empty());
  CHECK(jianxi::check_credit_code("91360100MA35K7QW29").region == "360100");
  CHECK(jianxi::check_credit_code("91110000600037341L").code.empty());
  CHECK(jianxi::check_credit_code("91360100ma35k7qw29").code.empty());  // lower case read as upper
  CHECK(jianxi::check_credit_code("12100000400000624D").region == "100000");  // a national registration
  CHECK(*jianxi::credit_code_check_character("91350100M000100Y4") == '3');
}

TEST_CASE("full-width characters are read as their ASCII forms; a length counts characters") {
  CHECK(jianxi::check_credit_code("９１３６０１００ＭＡ３５Ｋ７ＱＷ２９").code.empty());
  CHECK(jianxi::check_credit_code("９１３６０１００ＭＡ３５Ｋ７ＱＷ２９").region == "360100");
  auto long_one = jianxi::check_credit_code("信用代码91360100MA35K7QW29");
  CHECK(long_one.code == "credit_code.length");
  CHECK(long_one.message.en.find("not 22") != std::string::npos);
}

TEST_CASE("the organisation code in characters 9-17 carries its own check") {
  // MA35XXXX: 22*3 + 10*7 + 3*9 + 5*10 + 33*(5+8+4+2) = 840; 840 mod 11 = 4; 11 - 4 = 7,
  // not the 0 written: the whole code's check character still matches.
  auto placeholder = jianxi::check_credit_code("91360100MA35XXXX0W");
  CHECK(placeholder.code == "credit_code.organisation_code");
  CHECK_FALSE(placeholder.advisory);
  CHECK(*jianxi::organisation_code_check_character("MA35XXXX") == '7');
  // The same body under an individual business (92) is only doubtful.
  std::string individual = "92360100MA35XXXX0";
  auto doubtful = jianxi::check_credit_code(individual + independent_check(individual));
  CHECK(doubtful.code == "credit_code.organisation_code_unchecked");
  CHECK(doubtful.advisory);
  CHECK(doubtful.region == "360100");
}

TEST_CASE("generated codes pass and every single change is caught") {
  std::mt19937 rng(20150901);
  for (int n = 0; n < 400; ++n) {
    std::string code = random_code(rng);
    INFO(code);
    REQUIRE(jianxi::check_credit_code(code).code.empty());
    CHECK(*jianxi::credit_code_check_character(code.substr(0, 17)) == code[17]);
    std::string changed = code;
    std::size_t at = rng() % 18;
    char replacement = kAlphabet[rng() % kAlphabet.size()];
    if (replacement == changed[at]) replacement = kAlphabet[(kAlphabet.find(replacement) + 1) % kAlphabet.size()];
    changed[at] = replacement;
    INFO(changed);
    CHECK(!jianxi::check_credit_code(changed).code.empty());
  }
}

TEST_CASE("bad codes are named by reason") {
  CHECK(jianxi::check_credit_code("").code == "credit_code.length");
  CHECK(jianxi::check_credit_code("91360100MA35XXXX0").code == "credit_code.length");
  CHECK(jianxi::check_credit_code("91360100MA35XXXX0W1").code == "credit_code.length");
  for (char outside : std::string("IOSVZ-* ")) {
    std::string code = "91360100MA35K7QW29";
    code[12] = outside;
    CHECK(jianxi::check_credit_code(code).code == "credit_code.characters");
  }
  CHECK(jianxi::check_credit_code("91360100MA35K7QW2X").code == "credit_code.checksum");
  std::string authority = "B1360100MA35XXXX0";
  CHECK(jianxi::check_credit_code(authority + independent_check(authority)).code ==
        "credit_code.registration_authority");
  std::string division = "9136A100MA35XXXX0";
  CHECK(jianxi::check_credit_code(division + independent_check(division)).code == "credit_code.region");
  CHECK(!jianxi::credit_code_check_character("91360100MA35XXXXO"));  // O is outside the alphabet
}

TEST_CASE("the institution category belongs to the registration authority") {
  auto with_check = [](const std::string& first17) { return first17 + independent_check(first17); };
  // GB 32100-2015 table 1: 9 (工商) has categories 1-3 only, Y has 1, 1 (编制) and 5 (民政) 1, 2, 3 and 9.
  for (const char* wrong : {"94360100MA35K7QW2", "99360100MA35K7QW2", "90360100MA35K7QW2", "Y2360100MA35K7QW2",
                            "15360100MA35K7QW2", "54360100MA35K7QW2"}) {
    auto check = jianxi::check_credit_code(with_check(wrong));
    CHECK_MESSAGE(check.code == "credit_code.category", wrong);
    CHECK(!check.advisory);
  }
  for (const char* right : {"93360100MA35K7QW2", "Y1360100MA35K7QW2", "59360100MA35K7QW2", "13360100MA35K7QW2",
                            "35360100MA35K7QW2", "N3360100MA35K7QW2"})
    CHECK_MESSAGE(jianxi::check_credit_code(with_check(right)).code.empty(), right);
  // A later department's category outside its published list may be newer than the list: a warning.
  auto newer = jianxi::check_credit_code(with_check("36360100MA35K7QW2"));
  CHECK(newer.code == "credit_code.category");
  CHECK(newer.advisory);
  CHECK(newer.message.zh.find("1/2/3/4/5/9") != std::string::npos);
}

TEST_CASE("phone numbers") {
  for (const char* good : {"13907910000", "19912345678", "+86 138 0013 8000", "86-13800138000", "0791-86383274",
                           "079186383274", "010-62345678", "0791-86383274-801", "0755-2345678",
                           // as people write them: dashes, brackets, 转, full-width digits, +86 before a landline
                           "139-0791-0000", "+86-139-0791-0000", "8613907910000", "0086 139 0791 0000",
                           "(0791)86383274", "（0791）86383274", "0791-86383274转801", "0791-86383274 分机 801",
                           "１３９０７９１００００", "０７９１－８６３８３２７４", "+86 791 86383274", "+86 10 62345678",
                           "+86-10-62345678", "0791　86383274"})
    CHECK_MESSAGE(jianxi::check_phone(good).code.empty(), good);
  CHECK(jianxi::check_phone("13907910000").kind == "mobile");
  CHECK(jianxi::check_phone("0791-86383274").kind == "landline");
  CHECK(jianxi::check_phone("86383274").code == "phone.area_code_missing");
  CHECK(jianxi::check_phone("139-0791-0000").kind == "mobile");
  CHECK(jianxi::check_phone("+86 10 62345678").kind == "landline");
  CHECK(jianxi::check_phone("400-810-8888").message.zh.find("服务热线") != std::string::npos);
  // 010 and 02x numbers have 8 digits; 400 and 800 numbers are no one's phone line;
  // a number dialled from abroad without its area code is incomplete.
  for (const char* bad : {"1390791000", "12800138000", "139079100001", "0791-0638327", "010-12345678",
                          "0791-86383274-1234567", "abc", "", "010-6234567", "021-6234567", "400-810-8888",
                          "+86 86383274", "8613907910000123", "0791-86383274转"})
    CHECK_MESSAGE(jianxi::check_phone(bad).code == "phone.invalid", bad);
}
