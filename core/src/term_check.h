// One check for every field that takes an id of the vocabulary (category, education,
// region flag, wage basis), so that each is refused the same way in every kind.
#pragma once

#include <string>
#include <vector>

#include "report.h"
#include "rule_set.h"

namespace jianxi {

// True when `value` is an id of `list`; else reports `code` at `path` naming the choices.
bool known_term(const std::vector<Term>& list, const std::string& value, const std::string& path,
                const std::string& code, const Text& what, Report& report);

}  // namespace jianxi
