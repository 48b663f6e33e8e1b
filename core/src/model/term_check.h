// One check for every field that takes an id of the vocabulary (category, education,
// region flag, wage basis), so that each is refused the same way in every kind.
#pragma once

#include <string>
#include <vector>

#include "io/report.h"
#include "model/rule_set.h"

namespace jianxi {

// True when `value` is an id of `list`; else reports M (a msg:: struct with the slots
// {value} and {choices}) at `path`.
template <class M>
bool known_term(const std::vector<Term>& list, const std::string& value, const std::string& path, Report& report) {
  if (Vocabulary::find(list, value)) return true;
  report.error(path, M{.choices = Vocabulary::choices(list), .value = value});
  return false;
}

}  // namespace jianxi
