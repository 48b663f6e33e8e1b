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
  return {code, {std::move(zh), std::move(en)}, {}};
}

}  // namespace

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
  return {"", {}, code.substr(2, 6)};
}

}  // namespace jianxi
