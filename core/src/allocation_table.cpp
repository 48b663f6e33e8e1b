// kind "allocation_table": a target table split over regions (jilin-2022 annex 1,
// 目标任务安排). Each column's rows must add up to the total row; counts are whole
// and non-negative; per row, the comparisons the template declares (planned interns
// not above positions) are checked. Sums are exact: values are held in ten-thousandths.
#include <cmath>
#include <cstdint>
#include <set>

#include "form_rules.h"
#include "kinds.h"

namespace jianxi {
namespace {

constexpr int kDecimals = 4;  // values kept to 4 decimals
constexpr std::int64_t kScale = 10000;

struct Column {
  std::string key;
  const AllocationColumn* known = nullptr;  // nullptr: not in the template
  Text label() const {
    return known ? Text{known->label.zh + "（" + key + "）", known->label.en + " (" + key + ")"} : Text{key, key};
  }
};

class AllocationChecker {
 public:
  AllocationChecker(const AllocationTemplate& tpl, Report& report) : tpl_(tpl), report_(report) {}

  // Reads one row (or the total row): its region and each column's value.
  std::vector<std::optional<std::int64_t>> read_row(const Json& row, const std::string& path,
                                                    const std::vector<Column>& columns,
                                                    std::optional<std::string>& region, bool region_required) {
    Fields f(row, path, report_);
    region = f.text("region", region_required);
    if (region && region->empty())
      report_.error(f.path("region"), "allocation.region_empty", "地区名称不能为空", "the region name is empty",
                    tpl_.rule);
    std::vector<std::optional<std::int64_t>> values;
    for (const Column& c : columns) {
      values.push_back(std::nullopt);
      auto v = f.number(c.key, true);
      if (!v) continue;
      std::string at = f.path(c.key);
      Text label = c.label();
      if (!std::isfinite(*v) || std::fabs(*v) > 9e10) {
        report_.error(at, "allocation.out_of_range", label.zh + " 超出范围", label.en + " is out of range", tpl_.rule);
        continue;
      }
      if (*v < 0) {
        report_.error(at, "allocation.negative", label.zh + " 不能为负数", label.en + " cannot be negative", tpl_.rule);
        continue;
      }
      bool whole = c.known && c.known->whole;
      if (whole && *v != std::floor(*v)) {
        report_.error(at, "allocation.not_whole", label.zh + " 是个数或人数，应为整数",
                      label.en + " is a count and must be a whole number", tpl_.rule);
        continue;
      }
      double scaled = *v * kScale;
      if (std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, std::fabs(scaled))) {
        report_.error(at, "allocation.decimals", label.zh + " 最多 4 位小数", label.en + " has more than 4 decimals",
                      tpl_.rule);
        continue;
      }
      values.back() = static_cast<std::int64_t>(std::round(scaled));
    }
    return values;
  }

  void compare_within_row(const std::vector<std::optional<std::int64_t>>& values, const std::string& path,
                          const std::vector<Column>& columns, const std::string& region) {
    auto index = [&](const std::string& key) -> int {
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
      return -1;
    };
    for (const RowComparison& check : tpl_.row_checks) {
      int s = index(check.smaller), l = index(check.larger);
      if (s < 0 || l < 0 || !values[s] || !values[l] || *values[s] <= *values[l]) continue;
      Text small = columns[s].label(), large = columns[l].label();
      std::string zh = region + "：" + small.zh + " " + decimal_text(*values[s], kDecimals) + " 超过 " + large.zh + " " +
                       decimal_text(*values[l], kDecimals);
      std::string en = region + ": " + small.en + " " + decimal_text(*values[s], kDecimals) + " exceeds " + large.en + " " +
                       decimal_text(*values[l], kDecimals);
      std::string at = pointer_append(path, check.smaller);
      report_.interpretation(check.rule, check.interpretation);
      if (check.error) report_.error(at, "allocation.row_exceeds", zh, en, check.rule);
      else report_.warning(at, "allocation.row_exceeds", zh, en, check.rule);
    }
  }

 private:
  const AllocationTemplate& tpl_;
  Report& report_;
};

}  // namespace

void answer_allocation_table(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  Fields f(request, "", report);
  const FormRules& forms = rules.forms();
  std::string template_id = f.text("template").value_or("targets");
  auto found = forms.allocation_templates.find(template_id);
  if (found == forms.allocation_templates.end()) {
    report.error(f.path("template"), "allocation.template_unknown", "未知的分配表模板“" + template_id + "”",
                 "unknown allocation template \"" + template_id + "\"");
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
        report.malformed(at, "request.type", "此处应为字符串", "a string expected here");
        continue;
      }
      std::string key = c.get<std::string>();
      if (key == "region" || key.empty() || !seen.insert(key).second) {
        report.error(at, "allocation.column_invalid", "列名“" + key + "”为空、重复或为 region",
                     "column \"" + key + "\" is empty, repeated or \"region\"");
        continue;
      }
      columns.push_back({key, tpl.column(key)});
    }
    if (list->empty())
      report.error(f.path("columns"), "allocation.no_columns", "至少需要一列", "at least one column is needed");
  }
  const Json* rows = f.array("rows", true);
  const Json* total = f.object("total", true);
  if (!rows || !total || columns.empty()) return;
  if (rows->empty())
    report.error(f.path("rows"), "allocation.no_rows", "分配表没有任何地区行", "the table has no region rows", tpl.rule);

  AllocationChecker checker(tpl, report);
  std::vector<std::int64_t> sums(columns.size(), 0);
  std::vector<bool> complete(columns.size(), true);
  std::map<std::string, std::size_t> regions;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    std::string path = f.path("rows") + "/" + std::to_string(i);
    std::optional<std::string> region;
    auto values = checker.read_row((*rows)[i], path, columns, region, true);
    if (region && !region->empty()) {
      auto [it, fresh] = regions.emplace(*region, i);
      if (!fresh)
        report.error(pointer_append(path, "region"), "allocation.region_duplicate",
                     "地区“" + *region + "”出现两次（另见第 " + std::to_string(it->second + 1) + " 行）",
                     "region \"" + *region + "\" appears twice (also row " + std::to_string(it->second) + ")",
                     tpl.rule);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (values[c]) sums[c] += *values[c];
      else complete[c] = false;
    }
    checker.compare_within_row(values, path, columns, region.value_or("第 " + std::to_string(i + 1) + " 行"));
  }
  std::optional<std::string> total_region;
  auto totals = checker.read_row(*total, f.path("total"), columns, total_region, false);
  checker.compare_within_row(totals, f.path("total"), columns, total_region.value_or("合计"));

  Result& sums_out = out["sums"] = Result::object();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    sums_out[columns[c].key] = complete[c] ? decimal_json(sums[c], kDecimals) : Result(nullptr);
    if (!complete[c] || !totals[c] || sums[c] == *totals[c]) continue;
    Text label = columns[c].label();
    std::int64_t diff = *totals[c] - sums[c];
    std::string gap = decimal_text(diff < 0 ? -diff : diff, kDecimals);
    std::string n = std::to_string(rows->size());
    report.error(pointer_append(f.path("total"), columns[c].key), "allocation.sum_mismatch",
                 label.zh + "：" + n + " 个地区合计 " + decimal_text(sums[c], kDecimals) + "，合计行为 " +
                     decimal_text(*totals[c], kDecimals) + "，" + (diff > 0 ? "少 " : "多 ") + gap,
                 label.en + ": the " + n + " regions add up to " + decimal_text(sums[c], kDecimals) + ", the total row says " +
                     decimal_text(*totals[c], kDecimals) + " (" + (diff > 0 ? "short by " : "over by ") + gap + ")",
                 tpl.rule);
  }
}

}  // namespace jianxi
