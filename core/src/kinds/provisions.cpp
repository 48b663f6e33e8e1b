// A notice's provisions as the catalog lists them, for a side-by-side comparison:
// the typed rules the engine computes from, each with its clause, never retyped.
#include "kinds/provisions.h"

#include "model/form_rules.h"

namespace jianxi {
namespace {

using Result = nlohmann::ordered_json;

Result text_json(const Text& t) {
  if (t.empty()) return nullptr;
  return {{"message", t.zh}, {"message_en", t.en}};
}

Result cited(const Cited& c) {
  Result j;
  j["rule"] = c.rule;
  if (!c.interpretation.empty()) j["interpretation"] = text_json(c.interpretation);
  if (!c.note.empty()) j["note"] = text_json(c.note);
  if (!c.confidence.empty()) j["confidence"] = c.confidence;
  return j;
}

Result optional_int(const std::optional<int>& v) { return v ? Result(*v) : Result(nullptr); }

}  // namespace

nlohmann::ordered_json provisions_json(const Policy& p, const FormRules& forms) {
  Result out;
  Result& eligibility = out["eligibility"];
  eligibility["graduate"] = cited(p.eligibility.graduate);
  eligibility["graduate"]["years_since_leaving"] = p.eligibility.years_since_leaving;
  auto& categories = eligibility["categories"] = Result::array();
  for (const auto& [id, c] : p.eligibility.categories) {
    Result j = cited(c);
    j["id"] = id;
    j["admitted"] = c.admitted;
    if (!c.region_flags.empty()) j["only_with_region_flags"] = c.region_flags;
    j["min_age"] = optional_int(c.min_age);
    j["max_age"] = optional_int(c.max_age);
    j["requires_registration"] = c.requires_registration;
    categories.push_back(std::move(j));
  }
  if (const auto& m = p.eligibility.internship_months) {
    Result j = cited(*m);
    j["min"] = m->min;
    j["max"] = m->max;
    j["binding"] = m->binding;
    eligibility["internship_months"] = std::move(j);
  }
  if (p.eligibility.once_per_person) eligibility["once_per_person"] = cited(*p.eligibility.once_per_person);
  if (p.eligibility.national_basis)
    eligibility["national_basis"] = {{"rule", p.eligibility.national_basis_rule},
                                     {"note", text_json(*p.eligibility.national_basis)}};

  if (!p.month_counting_unknown) {
    out["month_counting"] = cited(p.month_counting);
    auto& counting = out["month_counting"];
    const PartMonthRule& part = p.part_month;
    counting["min_working_days"] = part.min_working_days;
    if (part.share || part.working_days_per_month) {
      auto& share = counting["part_month"] = Result::object();
      if (part.share) share["share"] = rate_json(*part.share);
      if (part.whole_from_working_days) share["whole_from_working_days"] = *part.whole_from_working_days;
      if (part.working_days_per_month) share["working_days_per_month"] = *part.working_days_per_month;
    }
  }
  Result& subsidy = out["subsidy"];
  subsidy["position"] = cited(p.position);
  auto& rates = subsidy["position"]["rates"] = Result::object();
  for (const auto& [category, rate] : p.position.rates) rates[category] = rate ? rate_json(*rate) : Result(nullptr);
  if (!p.position.unstated.empty()) subsidy["position"]["unstated"] = text_json(p.position.unstated);
  if (p.position.flat()) {
    auto& amounts = subsidy["position"]["amounts"] = Result::object();
    for (const auto& [category, amount] : p.position.amounts) amounts[category] = yuan_json(amount);
  }
  subsidy["position"]["wage_base"] = name_of(p.position.wage_base);
  subsidy["position"]["max_months"] = optional_int(p.position.max_months);
  if (p.position.max_months) subsidy["position"]["max_months_rule"] = p.position.max_months_rule;
  subsidy["position"]["payee"] = p.position.payee;
  if (p.position.pay_cap_min_share)
    subsidy["position"]["pay_cap"] = {{"rule", p.position.pay_cap_rule},
                                      {"min_share", rate_json(*p.position.pay_cap_min_share)}};
  if (const auto& r = p.retention) {
    Result j = cited(*r);
    auto& bands = j["bands"] = Result::array();
    for (const auto& b : r->bands) {
      Result band{{"above", rate_json(b.above)}, {"inclusive", b.inclusive}};
      if (!b.amount) band["rate"] = rate_json(b.rate);
      if (b.step) band["step"] = rate_json(*b.step);
      if (b.step_rate) band["step_rate"] = rate_json(*b.step_rate);
      if (b.amount) band["amount"] = yuan_json(*b.amount);
      bands.push_back(std::move(band));
    }
    j["payment"] = name_of(r->payment);
    if (!r->payment_stated) j["payment_stated"] = false;
    j["applies_to"] = name_of(r->applies_to);
    if (r->retention_of != RetentionOf::interns) j["retention_of"] = name_of(r->retention_of);
    if (!r->model_unit_rule.empty()) j["model_unit_rule"] = r->model_unit_rule;
    subsidy["retention"] = std::move(j);
  }
  if (const auto& i = p.insurance) {
    Result j = cited(*i);
    j["method"] = name_of(i->method);
    if (i->method == InsuranceMethod::fixed_per_person || i->method == InsuranceMethod::monthly_per_person)
      j["amount"] = yuan_json(i->amount);
    if (i->method == InsuranceMethod::actual_premium && i->amount > 0) j["cap"] = yuan_json(i->amount);
    subsidy["insurance"] = std::move(j);
  }
  if (const auto& r = p.remaining_period) {
    Result j = cited(*r);
    j["contract_signed_by"] = r->contract_signed_by ? Result(format_date(*r->contract_signed_by)) : Result(nullptr);
    j["min_contract_years"] = r->min_contract_years ? Result(*r->min_contract_years) : Result(nullptr);
    j["min_served_months"] = r->min_served_months;
    j["requires_social_insurance"] = r->requires_social_insurance;
    j["max_months"] = optional_int(r->max_months);
    subsidy["remaining_period"] = std::move(j);
  }
  if (const auto& m = p.mentoring) {
    Result j = cited(*m);
    j["amount"] = yuan_json(m->amount);
    j["retention_at_least"] = rate_json(m->retention_at_least);
    j["retention_inclusive"] = m->retention_inclusive;
    j["min_contract_years"] = m->min_contract_years;
    j["requires_social_insurance"] = m->requires_social_insurance;
    subsidy["mentoring"] = std::move(j);
  }
  if (const auto& f = p.mentoring_fee) {
    Result j = cited(*f);
    if (f->amount) j["amount"] = yuan_json(*f->amount);
    else j["rate"] = rate_json(f->rate);
    subsidy["mentoring_fee"] = std::move(j);
  }
  if (const auto& s = p.social_insurance) {
    Result j = cited(*s);
    j["rate"] = rate_json(s->rate);
    j["min_served_months"] = s->min_served_months;
    j["max_months"] = s->max_months;
    subsidy["social_insurance"] = std::move(j);
  }
  if (const auto& a = p.absence) {
    Result j = cited(*a);
    j["max_consecutive"] = a->max_consecutive;
    j["max_total"] = a->max_total;
    subsidy["absence"] = std::move(j);
  }
  auto table = forms.summary_by_policy.find(p.id);
  if (table != forms.summary_by_policy.end()) {
    const PolicySummaryRules& t = table->second;
    Result j{{"rule", t.rule}, {"template", t.template_id}};
    if (t.deadline) {
      Result d = cited(*t.deadline);
      d["calendar_days"] = t.deadline->calendar_days ? Result(*t.deadline->calendar_days) : Result(nullptr);
      d["working_days"] = t.deadline->working_days ? Result(*t.deadline->working_days) : Result(nullptr);
      d["postpone_over_holidays"] = t.deadline->postpone_over_holidays;
      j["deadline"] = std::move(d);
    } else {
      j["deadline"] = nullptr;
      if (!t.deadline_note.empty()) j["deadline_note"] = text_json(t.deadline_note);
    }
    out["summary_table"] = std::move(j);
  }
  auto& unknown = out["unknown"] = Result::array();
  for (const UnknownProvision& u : p.unknown)
    unknown.push_back({{"section", u.section}, {"item", u.item}, {"rule", u.rule}, {"message", u.text.zh},
                       {"message_en", u.text.en}});
  return out;
}

}  // namespace jianxi
