#include "credit_code.h"

#include <array>

namespace jianxi {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Registration authorities of GB 32100-2015 and later assignments (1 编制, 5 民政,
// 9 市场监管, Y 其他, and the departments 2-8, A, N).
constexpr std::string_view kAuthorities = "123456789ANY";

int value_of(char c) {
  static const std::array<signed char, 256> table = [] {
    std::array<signed char, 256> t;
    t.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return t;
  }();
  return table[static_cast<unsigned char>(c)];
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

CreditCodeCheck fail(const char* code, std::string zh, std::string en) {
  return {code, {std::move(zh), std::move(en)}, false, {}};
}

constexpr int kOrganisationWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int organisation_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

// Whether every individual business (registration authority 9, category 2) holds a body
// that follows GB 11714 was not confirmed: for those a failed check is only a warning.
bool individual_business(std::string_view code) { return code[0] == '9' && code[1] == '2'; }

}  // namespace

std::optional<char> organisation_code_check_character(std::string_view first8) {
  if (first8.size() != 8) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    int v = organisation_value(first8[i]);
    if (v < 0) return std::nullopt;
    sum += v * kOrganisationWeights[i];
  }
  int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

std::optional<char> credit_code_check_character(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    int v = value_of(upper(first17[i]));
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

CreditCodeCheck check_credit_code(std::string_view raw) {
  std::string code(raw);
  for (char& c : code) c = upper(c);
  if (code.size() != 18)
    return fail("credit_code.length",
                "统一社会信用代码应为 18 位，现为 " + std::to_string(code.size()) + " 个字符",
                "a unified social credit code has 18 characters, not " + std::to_string(code.size()));
  for (std::size_t i = 0; i < code.size(); ++i)
    if (value_of(code[i]) < 0)
      return fail("credit_code.characters",
                  "统一社会信用代码第 " + std::to_string(i + 1) + " 位不是数字或允许的大写字母（不含 I、O、S、V、Z）",
                  "character " + std::to_string(i + 1) +
                      " of the credit code is outside 0-9 and A-Y without I, O, S, V, Z");
  if (kAuthorities.find(code[0]) == std::string_view::npos)
    return fail("credit_code.registration_authority", "统一社会信用代码第 1 位（登记管理部门代码）无效",
                "character 1 of the credit code (registration authority) is not one GB 32100 assigns");
  for (int i = 2; i < 8; ++i)
    if (code[i] < '0' || code[i] > '9')
      return fail("credit_code.region", "统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）",
                  "characters 3-8 of the credit code must be the 6-digit administrative division code");
  if (*credit_code_check_character(std::string_view(code).substr(0, 17)) != code[17])
    return fail("credit_code.checksum", "统一社会信用代码校验位错误，请核对是否抄错",
                "the check character of the credit code does not match; the code is mistyped");
  std::string_view body = std::string_view(code).substr(8, 9);
  auto expected = organisation_code_check_character(body.substr(0, 8));
  if (!expected || *expected != body[8]) {
    CreditCodeCheck c;
    c.region = code.substr(2, 6);
    if (individual_business(code)) {
      c.code = "credit_code.organisation_code_unchecked";
      c.advisory = true;
      c.message = {"统一社会信用代码第 9–17 位（主体标识码）不符合组织机构代码（GB 11714）的校验，请对照营业执照逐位核对",
                   "characters 9-17 of the credit code (the organisation code) fail the GB 11714 check: compare "
                   "the code with the business licence character by character"};
    } else {
      c.code = "credit_code.organisation_code";
      c.message = {"统一社会信用代码第 9–17 位（组织机构代码，GB 11714）校验不符，代码有误，请逐位核对",
                   "characters 9-17 of the credit code (the organisation code, GB 11714) fail their check: the code "
                   "is wrong; check it character by character"};
    }
    return c;
  }
  return {"", {}, false, code.substr(2, 6)};
}

}  // namespace jianxi
