// kind "eligibility": whether a young person can be an intern under a notice, and
// why, each reason naming the clause that admits or excludes.
#include <algorithm>

#include "identifiers/half_width.h"
#include "io/echo.h"
#include "identifiers/id_number.h"
#include "kinds/kinds.h"
#include "model/term_check.h"

namespace jianxi {
namespace {


struct Person {
  std::optional<Date> as_of, birth, graduated_on;
  std::optional<std::string> education;
  bool graduated_on_given = false;  // given, though perhaps unreadable: then not asked for again
  bool birth_given = false;         // an identity number or a birth date, though perhaps refused
  bool employed = false, registered_unemployed = false, returned_from_abroad = false,
       previous_internship = false;
  bool registration_stated = false;  // absent is read as not registered, and asked for
  bool employment_stated = false;    // absent is read as not employed, and said so
  std::vector<std::string> region_flags;
  std::optional<long long> planned_months;
};

class Verdict {
 public:
  // `reason`: a msg:: struct of rules/findings/codes.json's reasons.
  template <class Reason>
  void add(const std::string& rule, const char* effect, const Reason& reason) {
    add(rule, effect, Reason::kTemplate, filled_message<Reason>(&reason));
  }
  void add(const std::string& rule, const char* effect, std::size_t template_index, Text text);
  bool empty() const { return reasons_.empty(); }
  // The reasons that decide the verdict first (the admission beside a "yes", what excludes
  // beside a "no"), each group in the order found.
  Result take(bool eligible) {
    const char* deciding = eligible ? "admits" : "excludes";
    std::stable_partition(reasons_.begin(), reasons_.end(), [&](const Result& r) { return r["effect"] == deciding; });
    return std::move(reasons_);
  }

 private:
  Result reasons_ = Result::array();
};

void Verdict::add(const std::string& rule, const char* effect, std::size_t template_index, Text text) {
  Result r;
  r["rule"] = rule;
  r["effect"] = effect;
  r["code"] = message_templates()[template_index].code;
  r["message"] = std::move(text.zh);
  r["message_en"] = std::move(text.en);
  reasons_.push_back(std::move(r));
}

// The area code of a well-formed identity number: its first two digits must be a
// province; a county code missing from the table is only a warning (old cards keep
// the codes of divisions since renamed or merged).
// GB/T 2260's codes outside the mainland's divisions: 台湾 71, and the residence permits of
// residents of 香港 (81), 澳门 (82) and 台湾 (83), whose numbers follow GB 11643.
bool outside_the_mainland(const std::string& id) {
  std::string two = id.substr(0, 2);
  return two == "71" || two == "81" || two == "82" || two == "83";
}

bool check_id_area(const Divisions& divisions, const std::string& id, const std::string& path, Report& report) {
  std::string province = id.substr(0, 2) + "0000", area = id.substr(0, 6);
  if (outside_the_mainland(id)) return true;
  if (!divisions.by_code(province)) {
    report.error(path, msg::id_number_area{.digits = id.substr(0, 2)});
    return false;
  }
  if (area == province) {
    report.warning(path, msg::id_number_area_unknown::province_level{.area = area});
    return true;
  }
  bool province_listed = !divisions.prefectures_of(province).empty();
  if (province_listed && !divisions.by_code(area) && !divisions.resolve(area).division)
    report.warning(path, msg::id_number_area_unknown::not_listed{.area = area});
  return true;
}

Person read_person(const RuleSet& rules, Fields& f, Report& report) {
  const Vocabulary& vocab = rules.vocabulary();
  Person p;
  p.as_of = f.date("as_of", true);
  p.birth_given = f.get("id_number") != nullptr || f.get("birth_date") != nullptr;
  auto birth = f.date("birth_date");
  if (auto id = f.text("id_number")) {
    IdNumberCheck check = check_id_number(*id);
    if (!check.code.empty()) {
      report.error(f.path("id_number"), check.code, check.message.zh, check.message.en);
    } else if (check_id_area(rules.divisions(), check.number, f.path("id_number"), report)) {
      p.birth = check.birth_date;
      if (birth && *birth != *check.birth_date)
        report.warning(f.path("birth_date"), msg::birth_date_mismatch{});
    }
  } else {
    p.birth = birth;
  }
  if (p.birth && p.as_of && *p.birth > *p.as_of) {
    // The error sits on the field the date came from; no age is reckoned from it.
    bool from_id = f.get("id_number") != nullptr;
    if (from_id)
      report.error(f.path("id_number"), msg::birth_date_future::in_id_number{.date = format_date(*p.birth)});
    else
      report.error(f.path("birth_date"), msg::birth_date_future::given{});
    p.birth.reset();
  }
  if (auto e = f.text("education")) {
    if (known_term<msg::education_unknown>(vocab.education, *e, f.path("education"), report))
      p.education = e;
  }
  p.graduated_on_given = f.get("graduated_on") != nullptr;
  p.graduated_on = f.date("graduated_on");
  if (p.graduated_on && p.birth && *p.graduated_on < *p.birth) {
    report.error(f.path("graduated_on"), msg::graduated_on_before_birth{.birth = format_date(*p.birth), .left = format_date(*p.graduated_on)});
    p.graduated_on.reset();
  }
  auto employed = f.flag("employed");
  p.employed = employed.value_or(false);
  p.employment_stated = employed.has_value();
  auto registered = f.flag("registered_unemployed");
  p.registered_unemployed = registered.value_or(false);
  p.registration_stated = registered.has_value();
  p.returned_from_abroad = f.flag("returned_from_abroad").value_or(false);
  p.previous_internship = f.flag("previous_internship").value_or(false);
  if (const Json* flags = f.array("region_flags")) {
    for (std::size_t i = 0; i < flags->size(); ++i) {
      const Json& v = (*flags)[i];
      std::string path = f.path("region_flags") + "/" + std::to_string(i);
      if (!v.is_string()) {
        report.malformed(path, msg::request_type::expected{.type = msg::value_type::string{}.text()});
        continue;
      }
      std::string flag = v.get<std::string>();
      if (known_term<msg::region_flag_unknown>(vocab.region_flags, flag, path, report))
        p.region_flags.push_back(flag);
    }
  }
  p.planned_months = f.whole("planned_months");
  if (p.planned_months && (*p.planned_months < 1 || *p.planned_months > 120)) {
    report.error(f.path("planned_months"), msg::planned_months_out_of_range{});
    p.planned_months.reset();
  }
  return p;
}

// The first day a student leaving school on `leaving` is admitted: N months before, 1 January
// of that year, or 1 September of the school year it ends (毕业学年).
Date students_from(const EligibilityRules::Students& s, Date leaving) {
  switch (s.from) {
    case BeforeLeaving::months_before: return months_after(leaving, -s.months);
    case BeforeLeaving::calendar_year: return Date(leaving.year(), 1, 1);
    case BeforeLeaving::academic_year: {
      int year = leaving.year();
      return Date(leaving.month() >= 9 ? year : year - 1, 9, 1);
    }
  }
  return leaving;
}

// The graduate branch: left school within the policy's years, not employed, category admitted.
std::optional<std::string> graduate_branch(const Vocabulary& vocab, const Policy& policy,
                                           const Person& p, Verdict& v, Report& report,
                                           std::string& ask_registration) {
  const EligibilityRules& e = policy.eligibility;
  if (!p.education || *p.education == "other") return std::nullopt;
  std::string category = e.education_category.at(*p.education);
  if (p.returned_from_abroad) category = "overseas_graduate";
  const CategoryRule& c = e.categories.at(category);
  const Text& name = Vocabulary::find(vocab.categories, category)->name;
  report.interpretation(e.graduate.rule, e.graduate.interpretation);
  if (!p.graduated_on) {
    if (!p.graduated_on_given) report.warning("/graduated_on", msg::graduated_on_missing{}, e.graduate.rule);
    return std::nullopt;
  }
  std::string years = std::to_string(e.years_since_leaving);
  std::string left = format_date(*p.graduated_on);
  std::optional<Date> student_from;  // set for a student the notice admits before leaving
  if (*p.graduated_on > *p.as_of) {
    if (!e.before_leaving) {
      v.add(e.graduate.rule, "excludes", msg::eligibility_not_yet_left{.left = left});
      return std::nullopt;
    }
    report.interpretation(e.before_leaving->rule, e.before_leaving->interpretation);
    Date from = students_from(*e.before_leaving, *p.graduated_on);
    if (*p.as_of < from) {
      v.add(e.before_leaving->rule, "excludes", msg::eligibility_before_window{.from = format_date(from), .left = left});
      return std::nullopt;
    }
    student_from = from;
  }
  Date limit = months_after(*p.graduated_on, 12 * e.years_since_leaving);
  if (*p.as_of > limit) {
    v.add(e.graduate.rule, "excludes",
          msg::eligibility_left_too_long{.left = left, .limit = format_date(limit), .years = years});
    return std::nullopt;
  }
  if (!c.admitted) {
    if (c.note.empty())
      v.add(c.rule, "excludes", msg::eligibility_category_not_admitted::plain{.category = name});
    else
      v.add(c.rule, "excludes", msg::eligibility_category_not_admitted::noted{.category = name, .note = c.note});
    return std::nullopt;
  }
  if (!c.region_flags.empty()) {
    bool in_region = std::any_of(p.region_flags.begin(), p.region_flags.end(), [&](const auto& f) {
      return std::find(c.region_flags.begin(), c.region_flags.end(), f) != c.region_flags.end();
    });
    if (!in_region) {
      Text where = Vocabulary::names(vocab.region_flags, c.region_flags);
      v.add(c.rule, "excludes", msg::eligibility_category_region_only{.areas = where, .category = name});
      return std::nullopt;
    }
    report.interpretation(c.rule, c.interpretation);  // a discretion of those areas, read as used
  }
  if (e.registration_after_leaving_year && !student_from && !p.registered_unemployed &&
      p.as_of->year() > p.graduated_on->year()) {
    const Cited& r = *e.registration_after_leaving_year;
    report.interpretation(r.rule, r.interpretation);
    if (p.registration_stated) {
      v.add(r.rule, "excludes", msg::eligibility_graduate_not_registered::stated{.left = left});
    } else {
      v.add(r.rule, "excludes", msg::eligibility_graduate_not_registered::not_stated{.left = left});
      if (ask_registration.empty()) ask_registration = r.rule;
    }
    return std::nullopt;
  }
  if (student_from)
    v.add(e.before_leaving->rule, "admits",
          msg::eligibility_student_admitted{.category = name, .from = format_date(*student_from), .left = left});
  else
    v.add(c.rule, "admits", msg::eligibility_graduate_admitted{.category = name, .left = left, .years = years});
  return category;
}

// `admitted`: the person is already admitted as a graduate, so a missing birth date is
// not asked for only to list a second reason, and an age outside the youth range is no
// reason against them.
bool youth_branch(const Vocabulary& vocab, const Policy& policy, const Person& p, bool admitted, Verdict& v,
                  Report& report, std::string& ask_registration) {
  const CategoryRule& c = policy.eligibility.categories.at("unemployed_youth");
  if (!c.admitted) return false;
  report.interpretation(c.rule, c.interpretation);
  if (c.admitted_from && *p.as_of < *c.admitted_from) {
    if (!admitted) v.add(c.rule, "excludes", msg::eligibility_youth_not_yet{.from = format_date(*c.admitted_from)});
    return false;
  }
  if (!c.only_education.empty() && p.education &&
      std::find(c.only_education.begin(), c.only_education.end(), *p.education) == c.only_education.end()) {
    if (!admitted) {
      const Text& education = Vocabulary::find(vocab.education, *p.education)->name;
      v.add(c.rule, "excludes", msg::eligibility_youth_education{.education = education, .note = c.education_note});
    }
    return false;
  }
  std::string range = std::to_string(c.min_age.value_or(0)) + "-" + std::to_string(c.max_age.value_or(200));
  // An age outside the range closes the route whatever the registration.
  if (p.birth) {
    int age = age_on(*p.birth, *p.as_of);
    if ((c.min_age && age < *c.min_age) || (c.max_age && age > *c.max_age)) {
      // The age range is the youth route's: it excludes no one admitted as a graduate.
      if (!admitted) v.add(c.rule, "excludes", msg::eligibility_age_outside{.age = age, .range = range});
      return false;
    }
  }
  // A student still in school is not unemployed, registered or not (the graduate route,
  // where it ran, has said so already).
  if (p.graduated_on && *p.graduated_on > *p.as_of) {
    if (!admitted && (!p.education || *p.education == "other"))
      v.add(c.rule, "excludes", msg::eligibility_youth_in_school{.left = format_date(*p.graduated_on)});
    return false;
  }
  if (c.requires_registration && !p.registered_unemployed) {
    if (admitted) return false;
    if (p.registration_stated) {
      if (!p.education || *p.education == "other") v.add(c.rule, "excludes", msg::eligibility_not_registered::stated{});
    } else {
      if (ask_registration.empty()) ask_registration = c.rule;
      if (!p.education || *p.education == "other") v.add(c.rule, "excludes", msg::eligibility_not_registered::not_stated{});
    }
    return false;
  }
  if (!p.birth) {
    if (admitted) return false;
    // One refused has its own error; asking for it again would say it was not given.
    if (!p.birth_given) report.warning("/birth_date", msg::birth_date_missing{}, c.rule);
    v.add(c.rule, "excludes", msg::eligibility_age_unknown{.range = range});
    return false;
  }
  int age = age_on(*p.birth, *p.as_of);
  if (c.requires_registration)
    v.add(c.rule, "admits", msg::eligibility_youth_admitted::registered{.age = age, .range = range});
  else
    v.add(c.rule, "admits", msg::eligibility_youth_admitted::unregistered{.age = age, .range = range});
  return true;
}

// The place given, read before a notice is chosen, so that a wrong type stops the answer
// with the other fields' mistakes.
struct GivenPlace {
  std::string path, text;
};

std::optional<GivenPlace> read_place(Fields& f) {
  for (const char* key : {"place", "city"})
    if (auto text = f.text(key)) return GivenPlace{f.path(key), *text};
  return std::nullopt;
}

// The place only chooses among a province's notices (a city's own). One not found, naming
// several places, in another province or outside a city notice named outright chose
// nothing: the answer says which notice it followed instead.
void say_place_not_used(const RuleSet& rules, const GivenPlace& place, const Policy& policy, Report& report) {
  const WageTable* wages = rules.wage_table(policy.province);
  if (!wages) return;
  const Divisions& divisions = rules.divisions();
  PlaceResolution r = divisions.resolve(place.text, wages->province_code, false);
  if (!r.division && r.candidates.empty()) {
    report.warning(place.path, msg::place_not_used::unknown{.notice = notice_name(policy), .place = echoed(place.text)});
  } else if (!r.division) {
    report.warning(place.path, msg::place_not_used::ambiguous{.notice = notice_name(policy), .place = echoed(place.text)});
  } else if (r.division->province_code() != wages->province_code) {
    report.warning(place.path,
                   msg::place_not_used::other_province{
                       .division = Text{divisions.full_name(*r.division), divisions.full_name_en(*r.division)},
                       .notice = notice_name(policy),
                       .place = echoed(place.text),
                       .province = rules.vocabulary().province(policy.province, policy.province_zh)});
  } else if (!policy.scope.empty() && !policy.covers(r.division->code)) {
    // A city's notice named outright for a place elsewhere in its province.
    report.warning(place.path, msg::place_not_used::outside_scope{.notice = notice_name(policy), .place = echoed(place.text)});
  }
}

}  // namespace

void answer_eligibility(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  Person p = read_person(rules, f, report);
  std::optional<GivenPlace> place = read_place(f);
  Result choice;
  const Policy* policy = choose_policy(rules, f, report, p.as_of, &choice);
  if (!policy || report.is_malformed() || !p.as_of) return;
  if (place) say_place_not_used(rules, *place, *policy, report);
  warn_if_partly_known(*policy, report);
  warn_if_past_evidence(*policy, p.as_of, report);
  say_national_basis(*policy, report);
  if (!policy->in_force_on(*p.as_of))
    report.warning("/as_of",
                   msg::policy_outside_effective_period::as_of{
                       .date = format_date(*p.as_of),
                       .from = format_date(policy->effective_from),
                       .notice = notice_name(*policy),
                       .to = policy->effective_to ? Arg(format_date(*policy->effective_to)) : Arg(msg::notice_no_stated_end{}.text())},
                   policy->id);
  const EligibilityRules& e = policy->eligibility;
  Verdict v;
  bool excluded = false;
  if (p.employed) {
    v.add(e.graduate.rule, "excludes", msg::eligibility_employed{});
    excluded = true;
  }
  if (p.previous_internship && e.once_per_person) {
    if (e.once_limits == OnceLimits::subsidy)
      v.add(e.once_per_person->rule, "excludes", msg::eligibility_once_per_person::subsidy{});
    else
      v.add(e.once_per_person->rule, "excludes", msg::eligibility_once_per_person::participation{});
    excluded = true;
  }
  std::optional<std::string> category;
  std::string ask_registration;  // the clause that needs the registration not stated, if one does
  if (!excluded) {
    category = graduate_branch(rules.vocabulary(), *policy, p, v, report, ask_registration);
    if (youth_branch(rules.vocabulary(), *policy, p, category.has_value(), v, report, ask_registration) && !category)
      category = "unemployed_youth";
  }
  if (!category && !ask_registration.empty())
    report.warning("/registered_unemployed", msg::registered_unemployed_missing{}, ask_registration);
  // Whether the leaving date leaves the graduate route open: unknown, within the years,
  // or before leaving where the notice admits students.
  bool graduate_route_open =
      !p.graduated_on ||
      (*p.graduated_on > *p.as_of ? e.before_leaving.has_value()
                                  : *p.as_of <= months_after(*p.graduated_on, 12 * e.years_since_leaving));
  if (!excluded && !category && !p.education && !f.get("education") && graduate_route_open) {
    report.warning("/education", msg::education_missing{}, e.graduate.rule);
    v.add(e.graduate.rule, "excludes", msg::eligibility_education_unknown{});
  }
  bool eligible = !excluded && category.has_value();
  if (eligible && !p.employment_stated)
    report.warning("/employed", msg::employed_missing{}, e.graduate.rule);
  if (!excluded && !category && v.empty())
    v.add(e.graduate.rule, "excludes", msg::eligibility_neither{.years = e.years_since_leaving});
  if (p.planned_months && e.internship_months) {
    const auto& m = *e.internship_months;
    std::string range = std::to_string(m.min) + "-" + std::to_string(m.max);
    if (*p.planned_months < m.min || *p.planned_months > m.max) {
      if (m.binding)
        v.add(m.rule, "excludes", msg::eligibility_months_outside::binding{.months = *p.planned_months, .range = range});
      else
        v.add(m.rule, "note", msg::eligibility_months_outside::usual{.months = *p.planned_months, .range = range});
      if (m.binding) eligible = false;
      else report.warning("/planned_months", msg::planned_months_unusual{.months = *p.planned_months, .range = range}, m.rule);
    } else {
      v.add(m.rule, "note", msg::eligibility_months_within{.months = *p.planned_months, .range = range});
    }
  }
  out["policy"] = policy->id;
  if (!choice.is_null()) out["policy_choice"] = std::move(choice);
  out["eligible"] = eligible && !report.has_errors();
  out["category"] = eligible ? Result(*category) : Result(nullptr);
  if (p.birth) out["age"] = age_on(*p.birth, *p.as_of);
  out["reasons"] = v.take(eligible);
  Result unknown = unknown_provisions(*policy, "eligibility");
  if (!unknown.empty()) out["unknown"] = std::move(unknown);
}

}  // namespace jianxi
