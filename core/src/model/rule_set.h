// The rules, loaded once from rule texts, checked against rules/schema.json, and
// turned into typed values. Nothing here holds a policy figure: every number comes
// from the rule files.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "values/dates.h"
#include "model/divisions.h"
#include "jianxi/finding.h"
#include "jianxi/rule_source.h"
#include "values/money.h"
#include "model/part_month.h"
#include "model/rule_enums.h"
#include "values/text.h"

namespace jianxi {

// Where a figure comes from: its clause, and how an unclear text was read.
struct Cited {
  std::string rule;
  Text interpretation;
  Text note;
  std::string confidence;  // empty: from the notice's own text; else high | medium | low
  std::vector<std::string> sources;  // ids of the policy's `sources` entries the figure rests on
};

struct RetentionBand {
  Rate above;
  bool inclusive = false;
  Rate rate;
  std::optional<Rate> step;
  std::optional<Rate> step_rate;
  std::optional<Fen> amount;  // a flat monthly amount instead of a rate (a notice of flat amounts)
};

struct PositionRule : Cited {
  std::map<std::string, std::optional<Rate>> rates;  // category → rate (nullopt: unstated)
  std::map<std::string, Fen> amounts;  // category → flat monthly amount, where the notice pays no rate
  Text unstated;
  WageBase wage_base = WageBase::local;
  std::string wage_month;           // "month" or "start" where the notice says which wage applies, else empty
  std::string wage_month_rule;
  std::optional<int> max_months;    // the subsidised months are capped at this many per intern
  std::string max_months_rule;      // the clause of the cap, where another than the rate's
  std::string payee = "unit";       // unit | trainee: who receives the monthly subsidy
  // At most the pay the unit gives (trainees[].monthly_pay), nothing below min_share of the wage (广州, 深圳).
  std::optional<Rate> pay_cap_min_share;
  std::string pay_cap_rule;
  bool covers(const std::string& category) const { return rates.count(category) || amounts.count(category); }
  bool flat() const { return !amounts.empty(); }
};

struct RetentionRule : Cited {
  std::vector<RetentionBand> bands;
  AppliesTo applies_to = AppliesTo::all;
  RetentionOf retention_of = RetentionOf::interns;
  Payment payment = Payment::monthly;
  std::string payment_rule;
  Text payment_label;  // the notice's name for the deferred raise ("1+1"); empty when it gives none
  bool payment_stated = true;  // false: no source says when the raise is paid; `payment` is where the tool lists it
  std::string model_unit_rule;  // non-empty: model units get the top rate whatever their retention
};

struct InsuranceRule : Cited {
  InsuranceMethod method = InsuranceMethod::fixed_per_person;
  Fen amount = 0;
};

struct RemainingPeriodRule : Cited {
  std::optional<Date> contract_signed_by;  // nullopt: the notice sets no deadline
  std::optional<double> min_contract_years;
  int min_served_months = 0;
  bool requires_social_insurance = false;
  std::optional<int> max_months;
};

struct MentoringRule : Cited {
  Fen amount = 0;
  Rate retention_at_least;
  bool retention_inclusive = true;  // false: retention must be above retention_at_least (超过)
  double min_contract_years = 0;
  bool requires_social_insurance = false;
  Text name;  // the notice's word for it (带教补贴); empty: the catalog's neutral one
};

// A monthly subsidy besides the position subsidy: a rate of the minimum wage (上海's 带教费)
// or a flat amount (天津's 带教费补贴, 每人每月200元).
struct MonthlyRateRule : Cited {
  Rate rate;
  std::optional<Fen> amount;  // set: the flat monthly amount, and `rate` is unused
};

struct SocialInsuranceRule : Cited {
  Rate rate;
  int min_served_months = 0;
  int max_months = 0;
};

struct AbsenceRule : Cited {
  int max_consecutive = 0;
  int max_total = 0;
};

struct CategoryRule : Cited {
  bool admitted = false;
  std::vector<std::string> region_flags;  // admitted only with one of these, when non-empty
  std::optional<int> min_age, max_age;
  bool requires_registration = false;
  std::optional<Date> admitted_from;        // no one is admitted by this route before it
  std::vector<std::string> only_education;  // the route admits only these, when non-empty
  Text education_note;                      // whom, in the notice's words
};

struct EligibilityRules {
  Cited graduate;
  int years_since_leaving = 0;
  std::map<std::string, std::string> education_category;
  std::map<std::string, CategoryRule> categories;
  struct Months : Cited {
    int min = 0, max = 0;
    bool binding = false;
  };
  std::optional<Months> internship_months;
  // Students admitted before they leave school (毕业学年在校生), from a day the notice sets.
  struct Students : Cited {
    BeforeLeaving from = BeforeLeaving::months_before;
    int months = 0;
  };
  std::optional<Students> before_leaving;
  // Graduates past the calendar year they left must be registered as unemployed.
  std::optional<Cited> registration_after_leaving_year;
  std::optional<Cited> once_per_person;
  OnceLimits once_limits = OnceLimits::participation;
  // Where the province's own text was not found: who may intern rests on the national
  // documents, and every answer says so.
  std::optional<Text> national_basis;
  std::string national_basis_rule;
};

// A provision a notice has but whose text was not found (a notice known in part):
// the engine says so on its own line and never carries an earlier notice's figure.
struct UnknownProvision {
  std::string section;  // "subsidy", "eligibility" or "" (the notice itself)
  std::string item;     // the provision's key: retention, insurance, month_counting, …
  std::string rule;
  Text text;
};

// Another notice of the province and how the two relate (rules: "related").
struct RelatedPolicy {
  std::string policy, relation;
  bool prefer = false;  // taken over `policy` when both are in force and the request names neither
  Text note;
};

// The latest dated sign that a notice was applied (a bureau's call, a published list):
// answers for days after it carry a warning naming it.
struct Evidence {
  Date date;
  std::string source;
  Text note;
};

// Where a notice tells a unit to apply and what to submit (the catalog shows it).
struct ApplicationZone {
  Text name;
  std::optional<std::string> url;  // nullopt: the notice gives none
  Text note;
  std::string rule;
};
struct Channel {
  std::string rule;
  std::vector<ApplicationZone> zones;
  Text where;
  std::vector<Text> documents;
  Text documents_note;
};

struct Policy {
  std::string file;  // where it was read, under rules/
  std::string id, province, province_zh, title, title_en;
  std::optional<std::string> document;
  std::optional<Date> issued;  // nullopt: not known
  Date effective_from;
  bool effective_from_confirmed = true;
  std::vector<UnknownProvision> unknown;  // in file order
  std::vector<RelatedPolicy> related;
  bool month_counting_unknown = false;
  std::optional<Date> effective_to;
  bool effective_to_confirmed = true;  // false: the end is this tool's reading (a plan's year end)
  Text effective_note;
  std::optional<Evidence> latest_evidence;
  // A city's notice: the divisions it covers (a prefecture code covers its counties) and
  // what the answer says when it is chosen for a place inside them. Empty: the province.
  std::vector<std::string> scope;
  std::vector<Text> scope_names;  // the index's full names of the scope, for a province not loaded
  Text scope_note;
  bool covers(const std::string& code) const {
    for (const auto& c : scope)
      if (c == code || (c.compare(4, 2, "00") == 0 && code.compare(0, 4, c, 0, 4) == 0)) return true;
    return false;
  }
  bool national_only = false;  // no notice of the province found: national documents stand in
  std::optional<Channel> channel;
  std::map<std::string, std::string> source_kinds;  // a source's id → its kind (newspaper, …)

  Cited month_counting;
  PartMonthRule part_month;

  PositionRule position;
  std::optional<RetentionRule> retention;
  std::optional<InsuranceRule> insurance;
  std::optional<RemainingPeriodRule> remaining_period;
  std::optional<MentoringRule> mentoring;
  std::optional<MonthlyRateRule> mentoring_fee;
  std::optional<SocialInsuranceRule> social_insurance;
  std::optional<AbsenceRule> absence;
  EligibilityRules eligibility;

  // A provision the text seen leaves open, by its key (retention, month_counting, …).
  const UnknownProvision* unknown_provision(std::string_view item) const {
    for (const auto& u : unknown)
      if (u.item == item) return &u;
    return nullptr;
  }
  bool in_force_on(Date d) const {
    return d >= effective_from && (!effective_to || d <= *effective_to);
  }
  // Whether the notice is in force on any day from `first` to `last`.
  bool in_force_during(Date first, Date last) const {
    return last >= effective_from && (!effective_to || first <= *effective_to);
  }
};

struct WageAdjustment {
  Date effective;
  bool date_confirmed = true;
  Text date_note;
  std::map<int, Fen> tiers;  // empty: no confirmed figure
  bool tiers_incomplete = false;  // some tiers' figures, and so their number, not found
  std::string confidence;
  std::map<int, std::string> tier_confidence;  // a tier surer than the rest (three sources for tier 1)
  const std::string& confidence_of(int tier) const {
    auto it = tier_confidence.find(tier);
    return it == tier_confidence.end() ? confidence : it->second;
  }
  std::string source;
  std::string note;
};

struct AreaPlace {
  std::string code;  // empty: a place that is no division, matched by `name` alone
  std::string name;
  std::vector<std::string> also_written;  // other names of a place that is no division
  bool urban = false;  // a prefecture's code meaning its urban districts (市区)
  std::vector<std::string> except;  // districts the list takes out of those 市区
  int tier = 0;
  std::string as_written;
  std::optional<Date> carried_from;  // the older list this entry is copied from, when its own was not found
  std::string confidence;            // empty: the list's
};

struct WageAreas {
  Date from;
  std::vector<AreaPlace> places;
  std::string confidence;
  std::string source;
  Text note;
};

// A city with its own monthly minimum wage instead of a provincial tier (深圳).
struct CityWages {
  std::string code;  // its prefecture code: it covers the city's districts
  std::string as_written;
  std::vector<WageAdjustment> adjustments;  // tiers {1: the city's figure}, by effective date
};

struct WageTable {
  std::string file;  // where it was read, under rules/
  std::string province, province_zh;
  std::string province_code;  // GB/T 2260, found from province_zh in the divisions
  std::vector<WageAdjustment> adjustments;  // by effective date
  std::vector<CityWages> cities;
  std::vector<WageAreas> areas;             // by from date
};

// rules/provinces/<id>/province.json.
struct ProvinceManifest {
  std::string id;
  Text name;
  std::string division;  // GB/T 2260 province code
};

// One named id of the request vocabulary (rules/vocabulary/terms.json).
struct Term {
  std::string id;
  Text name;
};

struct Vocabulary {
  std::vector<Term> categories, education, region_flags, items, wage_basis, provinces;
  std::vector<Term> request_fields;  // labels of request fields that findings name

  static const Term* find(const std::vector<Term>& list, const std::string& id) {
    for (const auto& t : list)
      if (t.id == id) return &t;
    return nullptr;
  }
  // "a、b、c" and "a, b or c": the ids to offer in a message.
  static Text choices(const std::vector<Term>& list);
  // The names of ids, joined as "a、b、c" and "a, b or c" (an unknown id by itself).
  static Text names(const std::vector<Term>& list, const std::vector<std::string>& ids);
  // A province as a notice names it in Chinese (`zh`), with its English name (its id
  // when the vocabulary has none).
  Text province(const std::string& id, const std::string& zh) const {
    const Term* t = find(provinces, id);
    return {zh, t ? t->name.en : id};
  }
};

// A clause of a notice as printed, for the reader of a result (rules/clauses/).
struct Clause {
  std::string id, heading, text, text_en;
};

// A finding code the core can emit, with what it means and the kinds that use it
// (rules/findings/codes.json).
struct FindingCode {
  std::string code;
  Text text;
  std::vector<std::string> kinds;
};

struct FormRules;  // form_rules.h: summary templates, allocation tables, application forms

class RuleSet {
 public:
  // Never throws: problems are kept and reported by every evaluation.
  static std::unique_ptr<RuleSet> load(const std::vector<RuleText>& texts, const RuleDelivery& delivery = {});

  const std::vector<Finding>& problems() const { return problems_; }
  const std::vector<Policy>& policies() const { return policies_; }
  const Policy* policy(const std::string& id) const;
  // Whether any notice of the province is known (loaded or not, its index entry counts).
  bool has_notices_of(const std::string& province) const;
  const WageTable* wage_table(const std::string& province) const;
  const Calendar& calendar() const { return calendar_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const std::vector<FindingCode>& finding_codes() const { return finding_codes_; }
  // The codes of an eligibility answer's reasons (no kinds: eligibility only).
  const std::vector<FindingCode>& reason_codes() const { return reason_codes_; }
  // The words of answers that are no findings (line notes, wage sources, notice names, value
  // types), with what each means.
  const std::vector<FindingCode>& text_codes() const { return text_codes_; }
  const Divisions& divisions() const { return divisions_; }
  const std::map<std::string, WageTable>& wage_tables() const { return wages_; }
  // Every province with a manifest, by id, loaded or not.
  const std::map<std::string, ProvinceManifest>& provinces() const { return provinces_; }
  // Provinces whose rules this set does not hold yet (see RuleDelivery); empty natively.
  const std::set<std::string>& absent_provinces() const { return absent_; }
  // The clauses of a policy, in the order its file lists them.
  std::vector<const Clause*> clauses_of(const std::string& policy) const;
  // A content hash of every rule text (16 hex digits), naming this version of the rules.
  const std::string& version() const { return version_; }
  // The typed form and table rules, read once at load (never null after load()).
  const FormRules& forms() const { return *forms_; }

 private:
  std::vector<Finding> problems_;
  std::vector<Policy> policies_;
  std::map<std::string, WageTable> wages_;
  std::map<std::string, ProvinceManifest> provinces_;
  std::set<std::string> absent_;
  Calendar calendar_;
  Vocabulary vocabulary_;
  Divisions divisions_;
  std::vector<Clause> clauses_;
  std::vector<FindingCode> finding_codes_;
  std::vector<FindingCode> reason_codes_;
  std::vector<FindingCode> text_codes_;
  std::string version_;
  std::map<std::string, nlohmann::ordered_json> documents_;
  std::shared_ptr<const FormRules> forms_;
};

}  // namespace jianxi
