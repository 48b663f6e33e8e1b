#include "identifiers/credit_code.h"

#include "finding_messages.h"
#include "identifiers/half_width.h"
#include "values/trim.h"

#include <array>

namespace jianxi {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Registration authorities of GB 32100-2015 and later assignments (1 编制, 5 民政,
// 9 市场监管, Y 其他, and the departments 2-8, A, N).
constexpr std::string_view kAuthorities = "123456789ANY";

// The institution categories (character 2) of each authority. The standard's own table
// (1 机关/事业单位/群众团体/其他, 5 社会团体/民办非企业/基金会/其他, 9 企业/个体/合作社,
// Y 1) is a rule; the later departments' published lists may grow, so a category outside
// them is only a warning.
struct Categories {
  char authority;
  std::string_view allowed;
  bool in_standard;
};
constexpr Categories kCategories[] = {
    {'1', "1239", true}, {'2', "19", false},  {'3', "123459", false}, {'4', "19", false},
    {'5', "1239", true}, {'6', "129", false}, {'7', "129", false},    {'8', "19", false},
    {'9', "123", true},  {'A', "19", false},  {'N', "1239", false},   {'Y', "1", true},
};

const Categories* categories_of(char authority) {
  for (const Categories& c : kCategories)
    if (c.authority == authority) return &c;
  return nullptr;
}

std::string listed(std::string_view allowed) {
  std::string out;
  for (char c : allowed) {
    if (!out.empty()) out += "/";
    out += c;
  }
  return out;
}

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

template <class M, std::size_t = M::kTemplate>
CreditCodeCheck fail(const M& m, bool advisory = false, std::string region = {}) {
  return {code_of<M>(), m.text(), advisory, std::move(region)};
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
  std::string code = half_width(trim(std::string(raw)));  // spaces pasted around it
  for (char& c : code) c = upper(c);
  if (code.size() != 18)
    return fail(msg::credit_code_length{.length = character_count(code)});
  for (std::size_t i = 0; i < code.size(); ++i)
    if (value_of(code[i]) < 0)
      return fail(msg::credit_code_characters{.position = i + 1});
  if (kAuthorities.find(code[0]) == std::string_view::npos)
    return fail(msg::credit_code_registration_authority{});
  const Categories* categories = categories_of(code[0]);
  bool category_known = categories && categories->allowed.find(code[1]) != std::string_view::npos;
  if (!category_known && categories && categories->in_standard)
    return fail(msg::credit_code_category::standard{.allowed = listed(categories->allowed), .authority = std::string(1, code[0]),
                                                    .category = std::string(1, code[1])});
  for (int i = 2; i < 8; ++i)
    if (code[i] < '0' || code[i] > '9')
      return fail(msg::credit_code_region::digits{});
  if (*credit_code_check_character(std::string_view(code).substr(0, 17)) != code[17])
    return fail(msg::credit_code_checksum{});
  std::string_view body = std::string_view(code).substr(8, 9);
  auto expected = organisation_code_check_character(body.substr(0, 8));
  if (!expected || *expected != body[8]) {
    if (individual_business(code)) return fail(msg::credit_code_organisation_code_unchecked{}, true, code.substr(2, 6));
    return fail(msg::credit_code_organisation_code{}, false, code.substr(2, 6));
  }
  if (!category_known && categories)
    return fail(msg::credit_code_category::assigned{.allowed = listed(categories->allowed), .authority = std::string(1, code[0]),
                                                    .category = std::string(1, code[1])},
                true, code.substr(2, 6));
  return {"", {}, false, code.substr(2, 6)};
}

}  // namespace jianxi
