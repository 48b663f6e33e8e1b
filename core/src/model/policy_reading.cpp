#include "model/policy_reading.h"

#include "model/rule_reading.h"

namespace jianxi {
namespace {

using json = nlohmann::ordered_json;

bool is_unknown(const json& v) { return v.is_object() && v.contains("unknown"); }

// The provision is there and not marked {"unknown": …}: its figures may be read.
bool provided(const json& parent, const char* key) {
  auto it = parent.find(key);
  return it != parent.end() && !is_unknown(*it);
}

UnknownProvision unknown_of(const std::string& section, const std::string& item, const json& v) {
  // Where it was searched and an earlier notice's clause are research notes, never shown.
  return {section, item, v.value("rule", ""), text_of(v, "unknown")};
}

Channel read_channel(const json& c) {
  Channel out;
  out.rule = c.at("rule");
  for (const auto& z : c.at("zones")) {
    ApplicationZone zone;
    zone.name = text_of(z, "name");
    if (z.at("url").is_string()) zone.url = z["url"].get<std::string>();
    zone.note = text_of(z, "note");
    zone.rule = z.value("rule", "");
    out.zones.push_back(std::move(zone));
  }
  out.where = text_of(c, "where");
  for (const auto& d : c.at("documents")) out.documents.push_back({d.at("zh"), d.at("en")});
  out.documents_note = text_of(c, "documents_note");
  return out;
}

// The provisions a notice may mark not found ({"unknown": …}), in the order answers
// list them: "" for the notice itself, else the section they sit in.
struct ProvisionKey {
  const char* section;
  const char* key;
};
constexpr ProvisionKey kMayBeUnknown[] = {
    {"", "issued"},           {"", "month_counting"},       {"subsidy", "retention"},
    {"subsidy", "insurance"}, {"subsidy", "remaining_period"}, {"subsidy", "mentoring"},
    {"subsidy", "mentoring_fee"}, {"subsidy", "social_insurance"}, {"subsidy", "absence"},
    {"", "summary_table"},    {"", "application"},          {"eligibility", "internship_months"},
    {"eligibility", "once_per_person"}};

}  // namespace

Policy read_policy_head(const json& j) {
  Policy p;
  p.national_only = j.value("national_only", false);
  p.id = j.at("id");
  p.province = j.at("province");
  p.province_zh = j.at("province_zh");
  p.title = j.at("title");
  p.title_en = j.at("title_en");
  if (j.at("document").is_string()) p.document = j.at("document").get<std::string>();
  for (const auto& [section, key] : kMayBeUnknown) {
    const json& parent = *section ? j.at(section) : j;
    if (auto it = parent.find(key); it != parent.end() && is_unknown(*it)) p.unknown.push_back(unknown_of(section, key, *it));
  }
  if (provided(j, "issued")) p.issued = date_of(j.at("issued"));
  p.effective_from = date_of(j.at("effective_from"));
  p.effective_from_confirmed = j.value("effective_from_confirmed", true);
  if (!j.at("effective_to").is_null()) p.effective_to = date_of(j.at("effective_to"));
  p.effective_to_confirmed = j.value("effective_to_confirmed", true);
  for (const auto& r : j.value("related", json::array()))
    p.related.push_back({r.at("policy"), r.at("relation"), r.value("prefer", false), text_of(r, "note")});
  if (j.contains("scope")) {
    for (const auto& c : j["scope"].at("divisions")) p.scope.push_back(c);
    p.scope_note = text_of(j["scope"], "note");
    for (const auto& name : j["scope"].value("names", json::array())) p.scope_names.push_back({name.at("zh"), name.at("en")});
  }
  const json& pos = j.at("subsidy").at("position");
  const json rates = pos.value("rates", json::object()), amounts = pos.value("amounts", json::object());
  for (const auto& [category, rate] : rates.items())
    p.position.rates[category] = rate.is_null() ? std::nullopt : std::optional<Rate>(rate_of(rate));
  for (const auto& [category, amount] : amounts.items())
    p.position.amounts[category] = fen_of(amount);
  const json& e = j.at("eligibility");
  if (e.contains("national_basis")) {
    p.eligibility.national_basis = text_of(e.at("national_basis"), "note");
    p.eligibility.national_basis_rule = e["national_basis"].at("rule");
  }
  return p;
}

Policy read_policy(const json& j) {
  Policy p = read_policy_head(j);
  if (j.contains("channel")) p.channel = read_channel(j["channel"]);
  if (auto sources = j.find("sources"); sources != j.end() && sources->is_array())
    for (const auto& s : *sources) p.source_kinds[s.value("id", "")] = s.value("kind", "");
  // The head has listed the provisions marked {"unknown": …}; they are never read as figures.
  p.effective_note = text_of(j, "effective_note");
  if (j.contains("latest_evidence")) {
    const json& ev = j.at("latest_evidence");
    p.latest_evidence = Evidence{date_of(ev.at("date")), ev.at("source"), text_of(ev, "note")};
  }

  if (provided(j, "month_counting")) {
    const json& mc = j.at("month_counting");
    read_cited(mc, p.month_counting);
    p.part_month.min_working_days = mc.at("min_working_days");
    if (mc.contains("part_month")) {
      const json& part = mc["part_month"];
      if (part.contains("share")) p.part_month.share = rate_of(part["share"]);
      if (part.contains("whole_from_working_days")) p.part_month.whole_from_working_days = part["whole_from_working_days"].get<int>();
      if (part.contains("working_days_per_month")) p.part_month.working_days_per_month = part["working_days_per_month"].get<int>();
    }
  } else {
    p.month_counting_unknown = true;
    for (const UnknownProvision& u : p.unknown)
      if (u.section.empty() && u.item == "month_counting") p.month_counting.rule = u.rule;
  }

  const json& s = j.at("subsidy");
  const json& pos = s.at("position");
  read_cited(pos, p.position);
  p.position.unstated = text_of(pos, "unstated");
  if (pos.contains("wage_base")) p.position.wage_base = enum_of<WageBase>(pos["wage_base"]);
  if (auto month = pos.find("wage_month"); month != pos.end()) {
    p.position.wage_month = month->at("basis").get<std::string>();
    p.position.wage_month_rule = month->at("rule").get<std::string>();
  }
  p.position.max_months = optional_int(pos, "max_months");
  p.position.max_months_rule = pos.value("max_months_rule", p.position.rule);
  p.position.payee = pos.value("payee", "unit");
  if (pos.contains("pay_cap")) {
    p.position.pay_cap_min_share = rate_of(pos["pay_cap"].at("min_share"));
    p.position.pay_cap_rule = pos["pay_cap"].at("rule").get<std::string>();
  }

  if (provided(s, "retention")) {
    const json& r = s["retention"];
    RetentionRule rr;
    read_cited(r, rr);
    rr.payment = enum_of<Payment>(r.at("payment"));
    if (r.contains("applies_to")) rr.applies_to = enum_of<AppliesTo>(r["applies_to"]);
    if (r.contains("retention_of")) rr.retention_of = enum_of<RetentionOf>(r["retention_of"]);
    rr.payment_rule = r.value("payment_rule", rr.rule);
    rr.payment_label = text_of(r, "payment_label");
    rr.payment_stated = r.value("payment_stated", true);
    rr.model_unit_rule = r.value("model_unit_rule", "");
    for (const auto& b : r.at("bands")) {
      RetentionBand band{rate_of(b.at("above")), b.at("inclusive").get<bool>(),
                         b.contains("rate") ? rate_of(b["rate"]) : Rate{0, 1}, std::nullopt, std::nullopt, std::nullopt};
      if (b.contains("step")) band.step = rate_of(b["step"]);
      if (b.contains("step_rate")) band.step_rate = rate_of(b["step_rate"]);
      if (b.contains("amount")) band.amount = fen_of(b["amount"]);
      rr.bands.push_back(band);
    }
    p.retention = rr;
  }
  if (provided(s, "insurance")) {
    const json& r = s["insurance"];
    InsuranceRule ir;
    read_cited(r, ir);
    ir.method = enum_of<InsuranceMethod>(r.at("method"));
    if (r.contains("amount")) ir.amount = fen_of(r["amount"]);
    p.insurance = ir;
  }
  if (provided(s, "remaining_period")) {
    const json& r = s["remaining_period"];
    RemainingPeriodRule rp;
    read_cited(r, rp);
    if (!r.at("contract_signed_by").is_null()) rp.contract_signed_by = date_of(r["contract_signed_by"]);
    if (!r.at("min_contract_years").is_null()) rp.min_contract_years = r["min_contract_years"].get<double>();
    rp.min_served_months = r.at("min_served_months");
    rp.requires_social_insurance = r.at("requires_social_insurance");
    rp.max_months = optional_int(r, "max_months");
    p.remaining_period = rp;
  }
  if (provided(s, "mentoring")) {
    const json& r = s["mentoring"];
    MentoringRule m;
    read_cited(r, m);
    m.amount = fen_of(r.at("amount"));
    m.retention_at_least = rate_of(r.at("retention_at_least"));
    m.retention_inclusive = r.value("retention_inclusive", true);
    m.min_contract_years = r.at("min_contract_years");
    m.requires_social_insurance = r.at("requires_social_insurance");
    if (r.contains("name")) m.name = text_of(r, "name");
    p.mentoring = m;
  }
  if (provided(s, "mentoring_fee")) {
    const json& r = s["mentoring_fee"];
    MonthlyRateRule m;
    read_cited(r, m);
    if (r.contains("amount")) m.amount = fen_of(r["amount"]);
    else m.rate = rate_of(r.at("rate"));
    p.mentoring_fee = m;
  }
  if (provided(s, "social_insurance")) {
    const json& r = s["social_insurance"];
    SocialInsuranceRule si;
    read_cited(r, si);
    si.rate = rate_of(r.at("rate"));
    si.min_served_months = r.at("min_served_months");
    si.max_months = r.at("max_months");
    p.social_insurance = si;
  }
  if (provided(s, "absence")) {
    const json& r = s["absence"];
    AbsenceRule a;
    read_cited(r, a);
    a.max_consecutive = r.at("max_consecutive");
    a.max_total = r.at("max_total");
    p.absence = a;
  }

  const json& e = j.at("eligibility");
  EligibilityRules& er = p.eligibility;
  read_cited(e.at("graduate"), er.graduate);
  er.years_since_leaving = e["graduate"].at("years_since_leaving");
  for (const auto& [education, category] : e["graduate"].at("education").items())
    er.education_category[education] = category.get<std::string>();
  if (auto b = e["graduate"].find("before_leaving"); b != e["graduate"].end()) {
    EligibilityRules::Students students;
    read_cited(*b, students);
    students.from = enum_of<BeforeLeaving>(b->at("from"));
    students.months = b->value("months", 0);
    er.before_leaving = students;
  }
  if (auto r = e["graduate"].find("registration_after_leaving_year"); r != e["graduate"].end()) {
    Cited c;
    read_cited(*r, c);
    er.registration_after_leaving_year = c;
  }
  for (const auto& [name, c] : e.at("categories").items()) {
    CategoryRule cr;
    read_cited(c, cr);
    const json& admitted = c.at("admitted");
    if (admitted.is_boolean()) {
      cr.admitted = admitted.get<bool>();
    } else {
      cr.admitted = true;
      for (const auto& flag : admitted.at("region_flags")) cr.region_flags.push_back(flag);
    }
    cr.min_age = optional_int(c, "min_age");
    cr.max_age = optional_int(c, "max_age");
    cr.requires_registration = c.value("requires_registration", false);
    if (c.contains("admitted_from")) cr.admitted_from = date_of(c["admitted_from"]);
    if (auto only = c.find("education"); only != c.end()) {
      for (const auto& education : only->at("only")) cr.only_education.push_back(education);
      cr.education_note = text_of(*only, "note");
    }
    er.categories[name] = cr;
  }
  if (provided(e, "internship_months")) {
    const json& m = e["internship_months"];
    EligibilityRules::Months months;
    read_cited(m, months);
    months.min = m.at("min");
    months.max = m.at("max");
    months.binding = m.at("binding");
    er.internship_months = months;
  }
  if (provided(e, "once_per_person")) {
    Cited c;
    read_cited(e["once_per_person"], c);
    er.once_per_person = c;
    if (e["once_per_person"].contains("limits")) er.once_limits = enum_of<OnceLimits>(e["once_per_person"]["limits"]);
  }
  return p;
}

}  // namespace jianxi
