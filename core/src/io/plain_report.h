// One monthly report of a summary table read straight from its JSON text into a typed
// row, without a tree: the fast path for the shape nearly every table has (period,
// unit, submitted_on and values, numbers written plainly). A report of any other shape,
// or one that is not JSON, is not read here: the caller parses it as a tree, whose
// reading says what is wrong, so findings do not depend on which path read a report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/dates.h"

namespace jianxi {

// One indicator's value as JSON states it.
struct ReportCell {
  bool present = false;
  bool integer = false;    // written without a fraction (a JSON integer)
  std::int64_t whole = 0;  // the value when integer
  double number = 0;       // the value as a double, as nlohmann reads it
};

struct ReportRow {
  std::string_view period;
  std::string_view unit;              // empty when the report names none
  std::string unit_decoded;           // the unit's text when it was written with escapes
  std::optional<Date> submitted;      // present only as a date that exists
  std::vector<ReportCell> cells;      // by indicator number - 1
};

// Reads `text` (one element of "reports") into `row` when it is a plain report whose
// value keys are indicator numbers 1..indicators; false otherwise, `row` then unspecified.
bool read_plain_report(std::string_view text, std::size_t indicators, ReportRow& row);

}  // namespace jianxi
