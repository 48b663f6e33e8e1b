// Which provinces a request needs, for an engine that receives provinces one at a time
// (the wasm module): the core, not its callers, knows what a request reads.
#pragma once

#include <string>
#include <vector>

#include "io/fields.h"
#include "io/report.h"
#include "model/rule_set.h"

namespace jianxi {

struct ProvinceNeed {
  std::string province;
  std::string path;  // the request field that names it: "/policy" or "/province"
};

// The provinces this request names (by "policy" or "province") whose rules `rules`
// does not hold yet. Every kind chooses its notice by these two fields only; a place
// is read within the notice's province, and a request naming neither reads national
// data alone. An unknown policy or province is left to the kind to report.
std::vector<ProvinceNeed> absent_provinces_needed(const RuleSet& rules, const Json& request);

// One rules.not_loaded error per province, naming it as people write it.
void report_not_loaded(const RuleSet& rules, const std::vector<ProvinceNeed>& needs, Report& report);

}  // namespace jianxi
