// The closed vocabularies of the rule files (rules/schema.json's enums) as C++ enums,
// read once at load, so the calculator compares values, not strings.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace jianxi {

enum class Payment { monthly, after_end, year_end, next_year };  // when a retention raise is paid
// monthly_per_person: an amount for each month in post (天津: 按照每人每月10元).
enum class InsuranceMethod { fixed_per_person, actual_premium, government_purchase, monthly_per_person };
enum class WageBase { local, province_tier_1 };  // the rate is on the place's wage, or the province's tier 1
enum class AppliesTo { all, completed, retained };  // whose months a retention raise covers
// Whose retention sets the raise: the request's interns, or the unit's in the year before
// (汕头: 上一年度…留用率), which only the request's retention_rate can give.
enum class RetentionOf { interns, previous_year };
enum class OnceLimits { participation, subsidy };    // what a notice allows once per person
// Where a notice's window for students who have not left school yet begins.
enum class BeforeLeaving { months_before, calendar_year, academic_year };

template <class E>
struct EnumNames;

template <>
struct EnumNames<Payment> {
  static constexpr std::pair<Payment, std::string_view> list[] = {
      {Payment::monthly, "monthly"}, {Payment::after_end, "after_end"},
      {Payment::year_end, "year_end"}, {Payment::next_year, "next_year"}};
};

template <>
struct EnumNames<InsuranceMethod> {
  static constexpr std::pair<InsuranceMethod, std::string_view> list[] = {
      {InsuranceMethod::fixed_per_person, "fixed_per_person"},
      {InsuranceMethod::actual_premium, "actual_premium"},
      {InsuranceMethod::government_purchase, "government_purchase"},
      {InsuranceMethod::monthly_per_person, "monthly_per_person"}};
};

template <>
struct EnumNames<WageBase> {
  static constexpr std::pair<WageBase, std::string_view> list[] = {
      {WageBase::local, "local"}, {WageBase::province_tier_1, "province_tier_1"}};
};

template <>
struct EnumNames<AppliesTo> {
  static constexpr std::pair<AppliesTo, std::string_view> list[] = {
      {AppliesTo::all, "all"}, {AppliesTo::completed, "completed"}, {AppliesTo::retained, "retained"}};
};

template <>
struct EnumNames<RetentionOf> {
  static constexpr std::pair<RetentionOf, std::string_view> list[] = {
      {RetentionOf::interns, "interns"}, {RetentionOf::previous_year, "previous_year"}};
};

template <>
struct EnumNames<OnceLimits> {
  static constexpr std::pair<OnceLimits, std::string_view> list[] = {
      {OnceLimits::participation, "participation"}, {OnceLimits::subsidy, "subsidy"}};
};

template <>
struct EnumNames<BeforeLeaving> {
  static constexpr std::pair<BeforeLeaving, std::string_view> list[] = {
      {BeforeLeaving::months_before, "months_before"},
      {BeforeLeaving::calendar_year, "calendar_year"},
      {BeforeLeaving::academic_year, "academic_year"}};
};

// The name the rule files use for a value.
template <class E>
constexpr std::string_view name_of(E value) {
  for (const auto& [v, name] : EnumNames<E>::list)
    if (v == value) return name;
  return {};
}

// The value a rule file's name stands for; nullopt for a name outside the schema's enum.
template <class E>
constexpr std::optional<E> enum_named(std::string_view name) {
  for (const auto& [v, n] : EnumNames<E>::list)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace jianxi
