// A notice's provisions as data for a side-by-side comparison (the catalog's
// `provisions`): eligibility, subsidy items, month counting and the monthly table,
// each with its clause.
#pragma once

#include <nlohmann/json.hpp>

#include "model/rule_set.h"

namespace jianxi {

struct FormRules;

nlohmann::ordered_json provisions_json(const Policy& policy, const FormRules& forms);

}  // namespace jianxi
