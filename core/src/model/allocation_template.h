// Target allocation tables (目标任务安排, e.g. jilin-2022 annex 1): the columns a
// table may have, which are whole counts, and the per-row comparisons the notice
// implies. Read once from rules/allocation-tables/.
#pragma once

#include <string>
#include <vector>

#include "model/rule_set.h"

namespace jianxi {

struct AllocationColumn {
  std::string key;
  Text label;
  bool whole = true;
};

// Within a row, `smaller` should not exceed `larger` (a warning or an error).
struct RowComparison : Cited {
  std::string smaller, larger;
  bool error = false;
};

struct AllocationTemplate {
  std::string id;
  Text title;
  std::string rule;  // the clause of the column sums
  std::vector<AllocationColumn> columns;
  std::vector<RowComparison> row_checks;
  std::vector<std::string> total_names;  // what a total row is called (合计, 全省…)

  const AllocationColumn* column(const std::string& key) const {
    for (const auto& c : columns)
      if (c.key == key) return &c;
    return nullptr;
  }
};

}  // namespace jianxi
