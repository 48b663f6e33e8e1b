// kind "unit_application": the employer's application to host interns (jiangxi-2023
// annex 1). The form's sections and fields, their formats (names, credit code,
// phones, whole counts) and cross-field checks come from rules/forms/; the notice's
// conditions the unit must declare, where its credit code should be registered and
// what a position may not require (ningxia-2020: no degree or major thresholds, no
// interviews) come from the policy's "application" section.
#include <algorithm>
#include <string_view>

#include "identifiers/credit_code.h"
#include "model/form_rules.h"
#include "io/json_writer.h"
#include "kinds/engine_limits.h"
#include "kinds/kinds.h"
#include "identifiers/phone_number.h"
#include "values/trim.h"

namespace jianxi {
namespace {

// `text` with each `phrase` in it replaced by a space, in one pass.
std::string blanked(const std::string& text, const std::string& phrase) {
  std::string out;
  std::size_t from = 0;
  for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, from)) {
    out.append(text, from, at - from).push_back(' ');
    from = at + phrase.size();
  }
  if (from == 0) return text;
  return out.append(text, from, std::string::npos);
}

bool blank(const std::string& s) { return trim(s).empty(); }

// `required`: whether the form's requirements (what must be filled, minimum counts, the
// relation between its parts) apply; without them only the format of what was given is
// checked, as for a notice whose own form was not seen. `notice`: the notice chosen, if
// any: a requirement citing a clause of another notice (jiangxi-2023#4.1.1: at least one
// intern, a mentor) is that notice's condition, not this one's, and is not asked.
class ApplicationChecker {
 public:
  ApplicationChecker(const ApplicationForm& form, const PolicyApplicationRules* policy, const Divisions& divisions,
                     bool required, std::string notice, Report& report)
      : form_(form), policy_(policy), divisions_(divisions), required_(required), notice_(std::move(notice)),
        report_(report) {}

  void check(Fields& request) {
    for (const FormSection& section : form_.sections) {
      if (applies(section.rule) && section.required && !request.get(section.key))
        report_.error(request.path(section.key), msg::field_required::missing{.field = section.label}, section.rule);
      if (section.list) check_list(request, section);
      else if (const Json* obj = request.object(section.key, false)) {
        Fields fields(*obj, request.path(section.key), report_);
        fields.use_labels(&section.labels);
        check_fields(fields, section);
      }
    }
    if (required_) check_plan(request);
    check_declarations(request);
  }

  // Σ positions[].count, when every count was readable.
  std::optional<long long> positions_total() const { return positions_complete_ ? std::optional(positions_sum_) : std::nullopt; }

 private:
  void check_list(Fields& request, const FormSection& section) {
    const Json* list = request.array(section.key, false);
    if (!list) return;
    if (applies(section.rule) && static_cast<int>(list->size()) < section.min_items) {
      // "<section>.missing", whose template the form reader found.
      const std::string code = section.key + ".missing";
      const Arg label = section.label, count = section.min_items;
      Text text = fill_message(*template_of(code), {{"count", &count}, {"section", &label}});
      report_.error(request.path(section.key), code, std::move(text.zh), std::move(text.en), section.rule);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      Fields item((*list)[i], request.path(section.key) + "/" + std::to_string(i), report_);
      if (!item.ok()) continue;
      item.use_labels(&section.labels);
      auto count = check_fields(item, section);
      if (section.key == "positions") {
        if (count) positions_sum_ += *count;
        else positions_complete_ = false;
        check_requirements(item);
      }
    }
  }

  // Checks each field of one object; returns its whole count "count", when read.
  std::optional<long long> check_fields(Fields& f, const FormSection& section) {
    std::optional<long long> count;
    for (const FormField& field : section.fields) {
      auto at = [&] { return f.path(field.key); };  // built only for a finding
      if (field.format == FieldFormat::count) {
        auto v = f.whole(field.key, false);
        if (!v && field.required && !f.get(field.key)) required(at(), field);
        if (v && *v < 0) {
          report_.error(at(), msg::count_negative{.field = field.label}, rule_of(field));
          v.reset();
        } else if (applies(field.rule) && v && field.min && *v < *field.min) {
          report_.error(at(), msg::count_below_minimum{.field = field.label, .min = *field.min}, field.rule);
        }
        if (field.key == "count") count = v;
        if (section.key == "plan" && field.key == "positions") plan_positions_ = v;
        continue;
      }
      const std::string* text = f.text_ref(field.key, false);
      if (!text || blank(*text)) {
        if (text && field.required && applies(field.rule))
          report_.error(at(), msg::field_empty{.field = field.label}, field.rule);
        else if (!text && field.required && !f.get(field.key))
          required(at(), field);
        continue;
      }
      if (field.format == FieldFormat::credit_code) check_credit_code_field(at, *text, field);
      if (field.format == FieldFormat::phone) {
        PhoneCheck phone = check_phone(*text);
        if (!phone.code.empty())
          report_.error(at(), phone.code, field.label.zh + "：" + phone.message.zh, field.label.en + ": " + phone.message.en,
                        rule_of(field));
      }
    }
    return count;
  }

  // Whether a requirement citing `rule` is asked: one of the form itself (its annex, or
  // no clause) or of the notice chosen. With no notice chosen, no notice's condition is
  // asked, as the answer's warning says (application.policy_missing).
  bool applies(const std::string& rule) const {
    if (!required_) return false;
    if (rule.empty() || rule == form_.rule) return true;
    if (notice_.empty()) return false;
    return rule.size() > notice_.size() && rule.compare(0, notice_.size(), notice_) == 0 && rule[notice_.size()] == '#';
  }

  // A format is no clause of a form or notice whose requirements are not asked.
  std::string rule_of(const FormField& field) const { return applies(field.rule) ? field.rule : std::string(); }

  void required(const std::string& at, const FormField& field) {
    if (applies(field.rule)) report_.error(at, msg::field_required::missing{.field = field.label}, field.rule);
  }

  template <class At>
  void check_credit_code_field(const At& at, const std::string& text, const FormField& field) {
    CreditCodeCheck check = check_credit_code(text);
    if (!check.code.empty() && !check.advisory) {
      report_.error(at(), check.code, check.message.zh, check.message.en, rule_of(field));
      return;
    }
    if (!check.code.empty()) report_.warning(at(), check.code, check.message.zh, check.message.en, rule_of(field));
    if (!registered_in_a_province(check.region)) {
      report_.error(at(), msg::credit_code_region::no_province{.prefix = check.region.substr(0, 2)}, rule_of(field));
      return;
    }
    if (!policy_ || !policy_->registered_region) return;
    const RegisteredRegion& region = *policy_->registered_region;
    for (const auto& prefix : region.prefixes)
      if (check.region.compare(0, prefix.size(), prefix) == 0) return;
    report_.interpretation(region.rule, region.interpretation);
    report_.warning(at(), msg::credit_code_other_region{.prefix = region.prefixes.front(), .region = check.region}, region.rule);
  }

  // National registration authorities register under 100000, the country as a whole.
  bool registered_in_a_province(const std::string& region) const {
    if (region == "100000") return true;
    const Division* province = divisions_.by_code(region.substr(0, 2) + "0000");
    return province && province->is_province();
  }

  // Colons and spaces, in any order and number: 学历 ：不限 sets no limit as 学历：不限 does.
  static std::size_t skip_separators(const std::string& text, std::size_t at) {
    static constexpr std::string_view separators[] = {"：", ":", " ", "　"};
    for (bool skipped = true; skipped;) {
      skipped = false;
      for (const std::string_view sep : separators)
        if (text.compare(at, sep.size(), sep) == 0) {
          at += sep.size();
          skipped = true;
        }
    }
    return at;
  }

  // The length of the longest forbidden word of any kind that starts at `at`, or with
  // `ending` that ends there (0 when none).
  std::size_t forbidden_word_length(const std::string& text, std::size_t at, bool ending = false) const {
    std::size_t longest = 0;
    for (const ForbiddenRequirement& rule : policy_->forbidden)
      for (const std::string& w : rule.words) {
        if (w.size() <= longest || (ending && at < w.size())) continue;
        if (text.compare(ending ? at - w.size() : at, w.size(), w) == 0) longest = w.size();
      }
    return longest;
  }

  // From the end of a forbidden word, past the words listed with it (、专业 or 专业), the colons
  // and spaces, and the words that may sit between (要求): where a no-limit word would start.
  // `listed` is set when another word was listed after the word (with a joiner).
  std::size_t past_the_list(const std::string& text, std::size_t at, bool& listed) const {
    bool moved = true;
    for (std::size_t step = 0; moved && step < limits::kListedWords; ++step) {
      moved = false;
      std::size_t next = skip_separators(text, at);
      for (const std::string& w : policy_->no_limit_between)
        if (text.compare(next, w.size(), w) == 0) next = skip_separators(text, next + w.size());
      if (std::size_t length = forbidden_word_length(text, next)) {
        next += length;  // written together: 学历专业不限
      } else {
        for (const std::string& joiner : policy_->no_limit_joiners) {
          if (text.compare(next, joiner.size(), joiner) != 0) continue;
          std::size_t item = skip_separators(text, next + joiner.size());
          if (std::size_t length = forbidden_word_length(text, item)) {
            next = item + length;
            listed = true;
            break;
          }
        }
      }
      moved = next != at;
      at = next;
    }
    return at;
  }

  // Back from the start of a forbidden word, past the words listed before it (学历、 or 本科):
  // where a no-limit word would end.
  // `listed` is set when another word was listed before the word (with a joiner).
  std::size_t before_the_list(const std::string& text, std::size_t at, bool& listed) const {
    bool moved = true;
    for (std::size_t step = 0; moved && step < limits::kListedWords; ++step) {
      moved = false;
      if (std::size_t length = forbidden_word_length(text, at, true)) {
        at -= length;  // written together: 不要求本科学历
        moved = true;
        continue;
      }
      for (const std::string& joiner : policy_->no_limit_joiners) {
        if (at < joiner.size() || text.compare(at - joiner.size(), joiner.size(), joiner) != 0) continue;
        if (std::size_t length = forbidden_word_length(text, at - joiner.size(), true)) {
          at -= joiner.size() + length;
          moved = listed = true;
          break;
        }
      }
    }
    return at;
  }

  // Whether the word at [at, at + size) is part of a longer forbidden word written there.
  bool inside_longer_word(const std::string& text, std::size_t at, std::size_t size) const {
    for (const ForbiddenRequirement& rule : policy_->forbidden)
      for (const std::string& w : rule.words) {
        if (w.size() <= size || w.size() > text.size()) continue;
        std::size_t first = at + size >= w.size() ? at + size - w.size() : 0;
        for (std::size_t start = first; start <= at; ++start)
          if (text.compare(start, w.size(), w) == 0) return true;
      }
    return false;
  }

  static bool inside_longer_number(const std::string& text, std::size_t at, std::size_t size) {
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    return (digit(at) && at > 0 && digit(at - 1)) || (digit(at + size - 1) && digit(at + size));
  }

  // Whether the text from `at` turns away the people just negated: 无本科学历者勿投,
  // 不通过面试者，不予录用. A person word, then a refusal, with separators or a comma between.
  bool turns_away(const std::string& text, std::size_t at) const {
    static constexpr std::string_view commas[] = {"，", ","};
    auto starts = [&](std::size_t from, const std::vector<std::string>& words) -> std::size_t {
      for (const std::string& w : words)
        if (text.compare(from, w.size(), w) == 0) return from + w.size();
      return 0;
    };
    std::size_t after_person = starts(skip_separators(text, at), policy_->turned_away_persons);
    if (!after_person) return false;
    std::size_t refusal = skip_separators(text, after_person);
    for (const std::string_view comma : commas)
      if (text.compare(refusal, comma.size(), comma) == 0) refusal = skip_separators(text, refusal + comma.size());
    return starts(refusal, policy_->turned_away_refusals) != 0;
  }

  // Whether `word` occurs in `text` other than as no limit (不要求学历, 学历：不限, 学历、专业不限).
  // A word that states a requirement of its own (专业对口) is not reached by a no-limit word
  // across a list: 不限学历、专业对口 limits the major, 不要求专业对口 does not.
  bool sets_limit(const std::string& text, const std::string& word) const {
    const auto& own = policy_->no_limit_stand_alone;
    bool stands_alone = std::find(own.begin(), own.end(), word) != own.end();
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
      if (inside_longer_word(text, at, word.size())) continue;  // 专业 of 相关专业 is judged with it
      if (inside_longer_number(text, at, word.size())) continue;  // 211 of GB 50211 is no university
      bool listed_before = false, listed_after = false;
      std::size_t start = before_the_list(text, at, listed_before);
      bool negated = !(stands_alone && listed_before) &&
                     std::any_of(policy_->no_limit_before.begin(), policy_->no_limit_before.end(), [&](const std::string& w) {
                       return start >= w.size() && text.compare(start - w.size(), w.size(), w) == 0;
                     });
      std::size_t next = past_the_list(text, at + word.size(), listed_after);
      negated = negated && !turns_away(text, next);
      negated = negated || (!(stands_alone && listed_after) &&
                            std::any_of(policy_->no_limit_after.begin(), policy_->no_limit_after.end(),
                                        [&](const std::string& w) { return text.compare(next, w.size(), w) == 0; }));
      if (!negated) return true;
    }
    return false;
  }

  // One clause's thresholds share its reading: the note given with any of them.
  const Text& interpretation_of(const ForbiddenRequirement& rule) const {
    for (const ForbiddenRequirement& other : policy_->forbidden)
      if (other.rule == rule.rule && !other.interpretation.zh.empty()) return other.interpretation;
    return rule.interpretation;
  }

  // ningxia-2020#2 and the like: a position's requirements may not set a degree or
  // major threshold or select by interview. Phrases that set no limit are removed first.
  void check_requirements(Fields& item) {
    if (!policy_ || policy_->forbidden.empty()) return;
    const Json* value = item.get("requirements");
    if (!value || !value->is_string()) return;
    std::string text = value->get<std::string>();
    for (const auto& phrase : policy_->allowed_phrases) text = blanked(text, phrase);
    for (const ForbiddenRequirement& rule : policy_->forbidden) {
      for (const auto& word : rule.words) {
        if (!sets_limit(text, word)) continue;
        report_.interpretation(rule.rule, interpretation_of(rule));
        if (policy_->forbidden_said.zh.empty())
          report_.error(item.path("requirements"),
                        msg::position_requirement_forbidden::plain{.threshold = rule.label, .word = word}, rule.rule);
        else
          report_.error(item.path("requirements"),
                        msg::position_requirement_forbidden::said{.said = policy_->forbidden_said, .threshold = rule.label, .word = word},
                        rule.rule);
        break;
      }
    }
  }

  void check_plan(Fields& request) {
    auto positions = plan_positions_;
    std::string plan_path = request.path("plan");
    if (positions && positions_complete_ && request.get("positions") && !form_.positions_add_up.rule.empty() &&
        positions_sum_ != *positions) {
      const CrossCheck& check = form_.positions_add_up;
      report_.interpretation(check.rule, check.interpretation);
      // A relation the notice does not state is only a plausibility check: a warning.
      std::string at = pointer_append(plan_path, "positions");
      if (check.error)
        report_.error(at, msg::plan_positions_mismatch::stated{.listed = positions_sum_, .planned = *positions}, check.rule);
      else
        report_.warning(at, msg::plan_positions_mismatch::plausibility{.listed = positions_sum_, .planned = *positions}, check.rule);
    }
  }

  void check_declarations(Fields& request) {
    const Json* declared = request.object("declarations", false);
    std::string base = request.path("declarations");
    if (declared) {
      for (auto it = declared->begin(); it != declared->end(); ++it) {
        const std::string& key = it.key();
        const Json& value = it.value();
        auto known = form_.declarations.find(key);
        if (!value.is_boolean()) {
          report_wrong_type(report_, pointer_append(base, key), known != form_.declarations.end() ? &known->second : nullptr,
                            msg::value_type::boolean{}.text());
          continue;
        }
        if (known == form_.declarations.end())
          report_.warning(pointer_append(base, key), msg::declaration_unknown{.key = key});
      }
    }
    if (!policy_) return;
    for (const Condition& c : policy_->conditions) {
      auto what = [&]() -> const Text& { return form_.declarations.at(c.key); };  // for a finding only
      report_.interpretation(c.rule, c.interpretation);
      const Json* v = nullptr;
      if (declared) {
        auto it = declared->find(c.key);
        if (it != declared->end() && it->is_boolean()) v = &*it;
        else if (it != declared->end()) continue;  // already reported as malformed
      }
      if (!v)
        report_.error(pointer_append(base, c.key), msg::declaration_missing{.condition = what()}, c.rule);
      else if (!v->get<bool>())
        report_.error(pointer_append(base, c.key), msg::declaration_not_met{.condition = what()}, c.rule);
    }
  }

  const ApplicationForm& form_;
  const PolicyApplicationRules* policy_;
  const Divisions& divisions_;
  bool required_;
  std::string notice_;
  Report& report_;
  std::optional<long long> plan_positions_;
  long long positions_sum_ = 0;
  bool positions_complete_ = true;
};

}  // namespace

void answer_unit_application(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  if (!f.ok()) return;
  const FormRules& forms = rules.forms();
  const Policy* policy = nullptr;
  if (f.get("policy") || f.get("province")) policy = choose_policy(rules, f, report);
  const PolicyApplicationRules* policy_rules = nullptr;
  if (policy) {
    auto it = forms.application_by_policy.find(policy->id);
    if (it != forms.application_by_policy.end()) policy_rules = &it->second;
  }
  std::string form_id = policy_rules ? policy_rules->form_id : "unit-application";
  auto form = forms.application_forms.find(form_id);
  if (form == forms.application_forms.end()) {
    report.error("", msg::application_form_unknown{.form = form_id});
    return;
  }
  if (!policy && !report.has_errors())
    report.warning(f.path("policy"), msg::application_policy_missing{});
  // A notice whose unit conditions and form were not seen asks nothing of another's form.
  bool own_form_unknown = policy && !policy_rules;
  if (own_form_unknown) report.warning(f.path("policy"), msg::application_rules_unknown{.notice = notice_name(*policy)}, policy->id);
  ApplicationChecker checker(form->second, policy_rules, rules.divisions(), !own_form_unknown,
                             policy ? policy->id : std::string(), report);
  checker.check(f);

  out["policy"] = policy ? Result(policy->id) : Result(nullptr);
  out["form"] = form->second.id;
  if (policy) {
    Result unknown = unknown_provisions(*policy, "", "application");
    if (!unknown.empty()) out["unknown"] = std::move(unknown);
  }
  // Each condition's line is written as text from its part fixed at load (json_head).
  if (policy_rules && !policy_rules->conditions.empty()) {
    const Json* declared = f.get("declarations");
    std::string conditions = "[";
    for (const Condition& c : policy_rules->conditions) {
      bool yes = false;
      if (declared && declared->is_object()) {
        auto it = declared->find(c.key);
        yes = it != declared->end() && *it == true;
      }
      if (conditions.size() > 1) conditions += ',';
      conditions += c.json_head;
      conditions += yes ? "true}" : "false}";
    }
    conditions += ']';
    out["conditions"] = raw_json(conditions);
  } else {
    out["conditions"] = Result::array();
  }
}

}  // namespace jianxi
