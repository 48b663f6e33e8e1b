// The local monthly minimum wage a subsidy line is based on: the figure the request
// gives, or the rules/minimum-wage table of the province for the month, by the
// wage tier of the city. A figure the table does not confirm is never guessed:
// the result asks for min_wage instead, and a figure below high confidence comes
// with its caveat.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "dates.h"
#include "money.h"
#include "report.h"
#include "rule_set.h"

namespace jianxi {

struct WageFigure {
  Fen fen = 0;
  Text source;  // for the line note: where the figure comes from
};

class WageResolver {
 public:
  WageResolver(const RuleSet& rules, const Policy& policy, std::optional<Fen> given,
               std::optional<std::string> city, std::optional<int> tier, Report& report);

  // The wage in force on the first day of the month; nullopt (reported once) when unknown.
  std::optional<WageFigure> for_month(Date month_first);
  // Table entries used, for the result's min_wage_sources.
  nlohmann::ordered_json sources() const;

 private:
  std::optional<int> tier_on(Date day);
  std::optional<WageFigure> lookup(Date month_first);

  const WageTable* table_;
  std::optional<Fen> given_;
  std::optional<std::string> city_;
  std::optional<int> tier_;
  Report& report_;
  std::map<long, std::optional<WageFigure>> cache_;
  std::map<long, nlohmann::ordered_json> used_;  // adjustment effective day → source entry
  std::map<std::string, bool> reported_;
};

}  // namespace jianxi
