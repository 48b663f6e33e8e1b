// A monthly summary table (汇总表) template as printed in a notice's annex: its
// numbered indicators (counts, or money in 万元, some year-to-date) and its printed
// logical relations, parsed once from rules/summary-templates/ so that checking a
// year of reports never re-reads rule JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/rule_set.h"

namespace jianxi {

struct Indicator {
  int number = 0;   // as printed, 1-based
  std::string key;  // the number as the request's "values" key
  Text name;
  bool money = false;         // 万元, else a whole count
  bool year_to_date = false;  // 本年累计: never falls within a year
};

// One printed relation such as "5≥6≥7" or "8≥9+11": each side is a sum of
// indicators, and each side is at least the next one.
struct Relation {
  std::string printed;
  std::vector<std::vector<int>> sides;
};

struct SummaryTemplate {
  std::string id;
  Text title;
  std::vector<std::string> sources;  // clauses that print this template
  Text interpretation;
  int money_decimals = 4;
  std::vector<Indicator> indicators;  // by number, 1..n
  std::vector<Relation> relations;
  std::string relations_printed;
  Text units;                   // the unit line printed above the table
  nlohmann::ordered_json layout;  // the printed header rows, as written in the rule file

  const Indicator* indicator(int number) const {
    if (number < 1 || number > static_cast<int>(indicators.size())) return nullptr;
    return &indicators[number - 1];
  }
};

// When a notice wants the monthly table: a number of calendar days (moved to the next
// working day when it ends on a rest day) or of working days into the next month.
struct SummaryDeadline : Cited {
  std::optional<int> calendar_days;
  std::optional<int> working_days;
  bool postpone_over_holidays = false;
};

// A policy's summary_table section.
struct PolicySummaryRules {
  std::string template_id;
  std::string rule;
  std::optional<SummaryDeadline> deadline;
  Text deadline_note;  // why there is no deadline, when there is none
};

// Parses a printed relation list ("1≥2，3≥4，5≥6≥7，8≥9+11"; full- or half-width
// separators and plus signs, "≥" or ">="). Sets `error` and returns nullopt when the
// text is not such a list.
std::optional<std::vector<Relation>> parse_relations(std::string_view printed, std::string& error);

}  // namespace jianxi
