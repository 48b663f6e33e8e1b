// Reading a notice's rule file (rules/schema.json $defs/policy) into a Policy.
#pragma once

#include <nlohmann/json.hpp>

#include "model/rule_set.h"

namespace jianxi {

// What the core reads of a notice to list it, say how much of it is known and list its
// application rules: its identity and dates, the divisions a city notice answers for, its relations to other notices, which
// provisions it marks not found, its position rates or amounts and whether who may
// intern rests on the national documents. Enough for a notice whose province is not
// loaded yet; every answer about the notice itself needs the province, and so read_policy.
Policy read_policy_head(const nlohmann::ordered_json& notice);

// The whole notice: its head and every provision.
Policy read_policy(const nlohmann::ordered_json& notice);

}  // namespace jianxi
