// The local monthly minimum wage a subsidy line is based on: the figure the request
// gives, or the rules/minimum-wage table of the province for the month, by the
// wage tier of the place. A place is a division (code or name, resolved by
// Divisions) or a place the table names alone. A figure the table does not confirm
// is never guessed: the result asks for exactly that figure (min_wage), and a
// figure below high confidence comes with its caveat. min_wage with a place fills
// only the months the table lacks; without a place it is every month's figure.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "values/dates.h"
#include "values/money.h"
#include "io/report.h"
#include "model/rule_set.h"

namespace jianxi {

struct WageFigure {
  Fen fen = 0;
  Text source;  // for the line note: where the figure comes from
};

// The tier of a place in one area list; nullopt when the list does not decide it.
struct TierOf {
  int tier = 0;
  const AreaPlace* entry = nullptr;  // the entry that decided it
};
std::optional<TierOf> tier_of_county(const WageAreas& areas, const Division& county);
// A prefecture asked alone: its own entry, else the tier its urban districts share.
std::optional<TierOf> tier_of_prefecture(const WageAreas& areas, const Divisions& divisions,
                                         const Division& prefecture);
// A county's or a prefecture's tier in one area list.
std::optional<TierOf> tier_of_division(const WageAreas& areas, const Divisions& divisions,
                                       const Division& division);
// A place the lists name with no division code.
std::optional<TierOf> tier_of_named(const WageAreas& areas, const std::string& name);
const WageAreas* areas_on(const WageTable& table, Date day);
const WageAdjustment* adjustment_on(const WageTable& table, Date day);
// A city's own figure in force on `day` (深圳), as for a province's table.
const WageAdjustment* adjustment_on(const CityWages& city, Date day);
// The city with its own minimum wage a division is, or lies in (深圳's districts); null if none.
const CityWages* own_city_of(const WageTable& table, const Division& division);

// The number of tiers of an adjustment: its highest tier (0 when none is confirmed).
int tier_count(const WageAdjustment* adjustment);
// A tier that `areas` (in force on `day`) copies from an older list stands only while
// every adjustment since that list has as many tiers, or when the next list found gives
// the place the same tier; `tier_in` finds the place's tier in another list. A tier
// decided by an entry that is not copied always stands.
bool carried_tier_stands(const WageTable& table, const WageAreas& areas, const TierOf& tier, Date day,
                         const std::function<std::optional<TierOf>(const WageAreas&)>& tier_in);

class WageResolver {
 public:
  struct Request {
    std::optional<Fen> given;
    std::optional<std::string> place;
    std::string place_path = "/place";
    std::optional<int> tier;
    std::optional<Date> earliest;  // the first day asked for: a name changed before it is read as today's
    bool required = true;          // false: the notice needs no wage (flat amounts); none is asked for
    bool province_wide = false;    // the tier is the province's whatever the place (lines name the province)
  };
  WageResolver(const RuleSet& rules, const Policy& policy, Request request, Report& report);

  // The wage in force on `day`; nullopt (reported once) when unknown.
  std::optional<WageFigure> on(Date day);
  // Whether the table's figure changes after `from` up to `to` (an adjustment in between).
  bool changes_within(Date from, Date to) const;
  // Table entries used, for the result's min_wage_sources.
  nlohmann::ordered_json sources() const;
  // The division or named place the request's place was read as (null when none).
  nlohmann::ordered_json place_json() const;

 private:
  void resolve_place();
  std::optional<TierOf> tier_in(const WageAreas& areas) const;
  std::optional<int> tier_on(Date day);
  void report_not_carried(const WageAreas& areas, const TierOf& tier, Date day, const Text& label);
  std::optional<WageFigure> lookup(Date day);
  const CityWages* own_city() const;
  std::optional<WageFigure> city_figure(const CityWages& city, Date day);
  Text city_name(const CityWages& city) const;  // 深圳市, Shenzhen
  WageFigure filled(Date day);
  Text place_label() const;  // in both languages
  Text province_text() const;     // the province in both languages

  const RuleSet& rules_;
  const WageTable* table_;
  Request request_;
  Report& report_;
  const Division* division_ = nullptr;
  bool urban_ = false;
  Text alias_;
  std::string named_place_;  // a place the table names with no division code
  bool place_failed_ = false;
  std::map<long, std::optional<WageFigure>> cache_;
  std::map<long, nlohmann::ordered_json> used_;  // adjustment effective day → source entry
  std::set<std::string> reported_;
};

}  // namespace jianxi
