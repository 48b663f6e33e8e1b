// kind "allocation_table": a target table split over regions (jilin-2022 annex 1,
// 目标任务安排). Each column's rows must add up to the total row; counts are whole
// and non-negative; per row, the comparisons the template declares (planned interns
// not above positions) are checked. Sums are exact: values are held in ten-thousandths.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "model/form_rules.h"
#include "kinds/kinds.h"
#include "values/trim.h"

namespace jianxi {
namespace {

constexpr int kDecimals = 4;  // values kept to 4 decimals
constexpr std::int64_t kScale = 10000;

struct Column {
  std::string key;
  const AllocationColumn* known = nullptr;  // nullptr: not in the template
  Text label() const {
    return known ? known->label : msg::table_column{.key = key}.text();
  }
};

class AllocationChecker {
 public:
  AllocationChecker(const AllocationTemplate& tpl, const std::vector<Column>& columns, Report& report)
      : tpl_(tpl), columns_(columns), report_(report) {
    for (std::size_t i = 0; i < columns_.size(); ++i) index_.emplace(columns_[i].key, i);
  }

  // Reads one row (or the total row): its region and each column's value.
  std::vector<std::optional<std::int64_t>> read_row(const Json& row, const std::string& path,
                                                    std::optional<std::string>& region, bool region_required) {
    Fields f(row, path, report_);
    region = f.text("region", region_required);
    if (region) *region = trim(*region);  // "长春市 " is 长春市; "  " is empty
    if (region && region->empty())
      report_.error(f.path("region"), msg::allocation_region_empty{}, tpl_.rule);
    std::vector<std::optional<std::int64_t>> values(columns_.size());
    if (!f.ok()) return values;
    // One pass over the row's members: looking each column up in the row would cost
    // columns × members for a wide table.
    std::vector<const Json*> cells(columns_.size(), nullptr);
    for (const auto& [key, value] : row.items()) {
      auto at = index_.find(key);
      if (at != index_.end() && !value.is_null()) cells[at->second] = &value;
    }
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const Column& c = columns_[i];
      if (!cells[i]) {  // named, as a wrong type is, by the column's label, not the field's general one
        report_.error(f.path(c.key), msg::field_required::missing{.field = c.label()});
        continue;
      }
      if (!cells[i]->is_number()) {
        Text label = c.label();
        report_wrong_type(report_, f.path(c.key), &label, msg::value_type::number{}.text());
        continue;
      }
      double v = cells[i]->get<double>();
      if (!std::isfinite(v) || std::fabs(v) > 9e10) {
        report_.error(f.path(c.key), msg::allocation_out_of_range{.column = c.label()}, tpl_.rule);
        continue;
      }
      if (v < 0) {
        report_.error(f.path(c.key), msg::allocation_negative{.column = c.label()}, tpl_.rule);
        continue;
      }
      bool whole = c.known && c.known->whole;
      if (whole && v != std::floor(v)) {
        report_.error(f.path(c.key), msg::allocation_not_whole{.column = c.label()}, tpl_.rule);
        continue;
      }
      double scaled = v * kScale;
      if (std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, std::fabs(scaled))) {
        report_.error(f.path(c.key), msg::allocation_decimals{.column = c.label()}, tpl_.rule);
        continue;
      }
      values[i] = static_cast<std::int64_t>(std::round(scaled));
    }
    return values;
  }

  void compare_within_row(const std::vector<std::optional<std::int64_t>>& values, const std::string& path,
                          const Text& region) {
    auto index = [&](const std::string& key) -> int {
      auto at = index_.find(key);
      return at == index_.end() ? -1 : static_cast<int>(at->second);
    };
    for (const RowComparison& check : tpl_.row_checks) {
      int s = index(check.smaller), l = index(check.larger);
      if (s < 0 || l < 0 || !values[s] || !values[l] || *values[s] <= *values[l]) continue;
      msg::allocation_row_exceeds exceeds{.larger = columns_[l].label(),
                                          .larger_value = decimal_text(*values[l], kDecimals),
                                          .region = region,
                                          .smaller = columns_[s].label(),
                                          .smaller_value = decimal_text(*values[s], kDecimals)};
      std::string at = pointer_append(path, check.smaller);
      report_.interpretation(check.rule, check.interpretation);
      if (check.error) report_.error(at, exceeds, check.rule);
      else report_.warning(at, exceeds, check.rule);
    }
  }

 private:
  const AllocationTemplate& tpl_;
  const std::vector<Column>& columns_;
  std::unordered_map<std::string_view, std::size_t> index_;  // column key → position
  Report& report_;
};

}  // namespace

void answer_allocation_table(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  const FormRules& forms = rules.forms();
  std::string template_id = f.text("template").value_or("targets");
  auto found = forms.allocation_templates.find(template_id);
  if (found == forms.allocation_templates.end()) {
    report.error(f.path("template"), msg::allocation_template_unknown{.template_id = template_id});
    return;
  }
  const AllocationTemplate& tpl = found->second;

  std::vector<Column> columns;
  if (const Json* list = f.array("columns", true)) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string at = f.path("columns") + "/" + std::to_string(i);
      const Json& c = (*list)[i];
      if (!c.is_string()) {
        report.malformed(at, msg::request_type::expected{.type = msg::value_type::string{}.text()});
        continue;
      }
      std::string key = c.get<std::string>();
      if (key == "region" || key.empty() || !seen.insert(key).second) {
        report.error(at, msg::allocation_column_invalid{.column = key});
        continue;
      }
      columns.push_back({key, tpl.column(key)});
    }
    if (list->empty())
      report.error(f.path("columns"), msg::allocation_no_columns{});
  }
  const Json* rows = f.array("rows", true);
  const Json* total = f.object("total", true);
  if (!rows || !total || columns.empty()) return;
  if (rows->empty())
    report.error(f.path("rows"), msg::allocation_no_rows{}, tpl.rule);

  AllocationChecker checker(tpl, columns, report);
  std::vector<std::int64_t> sums(columns.size(), 0);
  std::vector<bool> complete(columns.size(), true);
  std::map<std::string, std::size_t> regions;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    std::string path = f.path("rows") + "/" + std::to_string(i);
    std::optional<std::string> region;
    auto values = checker.read_row((*rows)[i], path, region, true);
    if (region && !region->empty()) {
      auto [it, fresh] = regions.emplace(*region, i);
      if (!fresh)
        report.error(pointer_append(path, "region"),
                     msg::allocation_region_duplicate{.other = it->second + 1, .region = *region}, tpl.rule);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (values[c]) sums[c] += *values[c];
      else complete[c] = false;
    }
    checker.compare_within_row(values, path, region ? Text{*region, *region} : msg::table_row::numbered{.row = i + 1}.text());
  }
  std::optional<std::string> total_region;
  auto totals = checker.read_row(*total, f.path("total"), total_region, false);
  // A total row copied among the regions would be added to itself.
  const auto& total_names = tpl.total_names;
  for (const auto& [region, i] : regions)
    if (std::find(total_names.begin(), total_names.end(), region) != total_names.end() ||
        (total_region && region == *total_region))
      report.error(pointer_append(f.path("rows") + "/" + std::to_string(i), "region"), msg::allocation_total_among_rows{.region = region},
                   tpl.rule);
  checker.compare_within_row(totals, f.path("total"),
                             total_region ? Text{*total_region, *total_region} : msg::table_row::total{}.text());

  Result& sums_out = out["sums"] = Result::object();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    sums_out[columns[c].key] = complete[c] ? decimal_json(sums[c], kDecimals) : Result(nullptr);
    if (!complete[c] || !totals[c] || sums[c] == *totals[c]) continue;
    Text label = columns[c].label();
    std::int64_t diff = *totals[c] - sums[c];
    std::string gap = decimal_text(diff < 0 ? -diff : diff, kDecimals);
    std::string n = std::to_string(rows->size());
    std::string at = pointer_append(f.path("total"), columns[c].key), sum = decimal_text(sums[c], kDecimals),
                total = decimal_text(*totals[c], kDecimals);
    if (diff > 0)
      report.error(at, msg::allocation_sum_mismatch::short_by{.column = label, .count = n, .gap = gap, .sum = sum, .total = total},
                   tpl.rule);
    else
      report.error(at, msg::allocation_sum_mismatch::over_by{.column = label, .count = n, .gap = gap, .sum = sum, .total = total},
                   tpl.rule);
  }
}

}  // namespace jianxi
