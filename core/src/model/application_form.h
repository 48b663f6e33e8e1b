// The employer's application to host interns (见习单位申请表, jiangxi-2023 annex 1)
// as typed rules: which fields each section has and how each is checked, the
// declarations a unit can make, and per notice the conditions it must declare and
// the requirements a position may not set. Read once from rules/forms/ and the
// policies' "application" sections.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/rule_set.h"

namespace jianxi {

enum class FieldFormat { text, long_text, credit_code, phone, count };

struct FormField {
  std::string key;
  Text label;
  FieldFormat format = FieldFormat::text;
  bool required = false;
  std::optional<long long> min;  // counts only
  std::string rule;
};

// "unit" and "plan" are objects; "positions" and "mentors" are lists of objects.
struct FormSection {
  std::string key;
  Text label;
  bool list = false;
  bool required = false;
  int min_items = 0;
  std::string rule;
  std::vector<FormField> fields;
  std::map<std::string, Text> labels;  // each field's label by its key, for findings on the section's fields
};

// A check across fields whose clause and severity are data.
struct CrossCheck {
  std::string rule;
  bool error = true;  // false: a plausibility check the notice does not state, a warning
  Text interpretation;
};

struct ApplicationForm {
  std::string id;
  Text title;
  std::string rule;
  std::vector<FormSection> sections;
  std::map<std::string, Text> declarations;  // key → what the unit declares
  CrossCheck positions_add_up;               // Σ positions[].count = plan.positions
  // How the form prints as the notice's template (parts, annex table, signature
  // boxes), as written in the rule file: the catalog passes it on unchanged.
  nlohmann::ordered_json report;
};

// A condition of a notice that the unit declares ("declarations": {key: true}).
struct Condition : Cited {
  std::string key;
  // The result's line for it as compact JSON, up to its "declared" value:
  // {"key":…,"rule":…,"message":…,"message_en":…,"declared":  (written once at load)
  std::string json_head;
};

// Words in a position's requirements that set a threshold a notice forbids.
struct ForbiddenRequirement : Cited {
  std::string kind;  // degree | major | interview
  Text label;
  std::vector<std::string> words;
};

// Where the unit should be registered: prefixes of the credit code's division code.
struct RegisteredRegion : Cited {
  std::vector<std::string> prefixes;
};

struct PolicyApplicationRules {
  std::string form_id;
  std::string rule;
  std::optional<RegisteredRegion> registered_region;
  std::vector<Condition> conditions;
  std::vector<ForbiddenRequirement> forbidden;
  Text forbidden_said;  // what the notice forbids, in its terms (empty when it words it no way of its own)
  std::vector<std::string> allowed_phrases;  // removed before matching ("专业不限")
  // A threshold word right after one of `before` (不要求学历, 不面试) or right before one of
  // `after` (学历不限, 学历：无要求) sets no limit; so do threshold words listed with a joiner
  // between them (学历、专业不限), and one of `between` may precede `after` (学历要求：无).
  // Words of `stand_alone` state a requirement of their own: a no-limit word reaches them
  // only when no other word is listed between (不限学历、专业对口 limits the major).
  std::vector<std::string> no_limit_before, no_limit_after, no_limit_joiners, no_limit_between, no_limit_stand_alone;
  // A negation before the words is undone when the people it names are then turned away:
  // one of `turned_away_persons` right after the list, then one of `turned_away_refusals`
  // (无本科学历者勿投 limits the degree).
  std::vector<std::string> turned_away_persons, turned_away_refusals;
};

}  // namespace jianxi
