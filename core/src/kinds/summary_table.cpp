// kind "summary_table": checks monthly statistics reports (汇总表) against their
// template: every indicator present, counts whole and non-negative, money (万元)
// non-negative with the template's decimals, the printed relations exactly as
// printed, periods of each unit in order without gaps, the year-to-date indicator
// never falling within a year, and the submission deadline of the notice, counted
// on the holiday calendar in rules/. A report marked `total` (the 合计 row of the
// clerk's file) must equal, indicator by indicator, the sum of the other reports of
// its period (of the whole table when it names no period). Templates are typed once at load (form_rules.h),
// so a year of reports for many units is one pass over the request.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string_view>
#include <unordered_map>

#include "model/form_rules.h"
#include "io/json_writer.h"
#include "kinds/kinds.h"

namespace jianxi {
namespace {

Text template_name(const SummaryTemplate& t) { return msg::template_name{.title = t.title}.text(); }

// A table with errors is refused: its reports carry no deadline. Inside a JSON string
// a quote is escaped, so `,"due":` is found only as the key each report line ends with.
void drop_due_dates(std::string& reports) {
  static constexpr std::string_view key = ",\"due\":";
  std::string kept;
  kept.reserve(reports.size());
  std::size_t from = 0;
  for (std::size_t at = reports.find(key); at != std::string::npos; at = reports.find(key, from)) {
    kept.append(reports, from, at - from);
    from = reports.find('}', at);
  }
  kept.append(reports, from, std::string::npos);
  reports.swap(kept);
}

// What the order checks keep of a checked report (its year-to-date values sit in the
// checker's flat store, so a large table holds no vector per report).
struct CheckedReport {
  std::size_t index = 0;
  std::string unit;
  std::optional<Date> period;  // first of the month
  bool total = false;          // the 合计 row
};

// A 合计 row waits for the table's end: the rows it adds up may come after it.
struct TotalRow {
  std::size_t index = 0;
  std::optional<Date> period;
  std::vector<std::optional<std::int64_t>> values;
};

// The sum of the unit rows of one period, per indicator; an indicator some row
// lacks (already an error) is not compared.
struct UnitSums {
  std::size_t rows = 0;
  std::vector<std::int64_t> sums;
  std::vector<bool> complete;
};

// One report as a tree, when it was not read as a row.
class TreeInput : public ReportInput {
 public:
  explicit TreeInput(const Json& tree) : tree_(tree) {}
  const ReportRow* row(std::size_t) override { return nullptr; }
  const Json* tree() override { return &tree_; }

 private:
  const Json& tree_;
};

// A value of the tree as the row reader would have read it.
ReportCell cell_of(const Json& value) {
  ReportCell cell;
  cell.present = true;
  cell.integer = value.is_number_integer();
  cell.number = value.get<double>();
  // An integer too large for int64 is refused as out of range before `whole` is read.
  if (cell.integer && std::fabs(cell.number) < 9e15) cell.whole = value.get<std::int64_t>();
  return cell;
}

class SummaryChecker {
 public:
  SummaryChecker(const RuleSet& rules, const SummaryTemplate& tpl, const Policy* policy,
                 const PolicySummaryRules* policy_rules, Report& report)
      : rules_(rules), tpl_(tpl), policy_(policy), policy_rules_(policy_rules), report_(report) {
    rule_ = policy_rules ? policy_rules->rule : tpl.sources.front();
    for (int i = 0; i < tpl.money_decimals; ++i) money_scale_ *= 10;
    for (const Indicator& ind : tpl.indicators)
      if (ind.year_to_date) year_to_date_numbers_.push_back(ind.number);
  }

  // Each report's line is written out as it is checked (a table of 100,000 reports
  // never holds a tree of its lines).
  Result check_all(const ReportSource& reports, const std::string& path) {
    std::string out = "[";
    out.reserve(reports.size * 64);
    std::vector<CheckedReport> checked;
    checked.reserve(reports.size);
    year_to_date_.reserve(reports.size * year_to_date_numbers_.size());
    reports_path_ = path;
    std::size_t indicators = tpl_.indicators.size();
    reports.each([&](ReportInput& input) {
      CheckedReport r;
      r.index = checked.size();
      if (r.index) out.push_back(',');
      if (const ReportRow* row = input.row(indicators)) check_row(*row, r, out);
      else if (const Json* tree = input.tree()) check_tree(*tree, r, out);
      else return;  // not JSON: the request is refused whole
      for (int n : year_to_date_numbers_) year_to_date_.push_back(values_[n - 1]);
      add_to_totals(r);
      checked.push_back(std::move(r));
    });
    out.push_back(']');
    check_sequences(checked);
    check_totals();
    if (report_.has_errors()) drop_due_dates(out);
    return raw_json(std::vector<std::uint8_t>(out.begin(), out.end()));
  }

 private:
  std::string report_path(std::size_t index) const { return reports_path_ + "/" + std::to_string(index); }
  std::string value_path(std::size_t index, const Indicator& ind) const {
    return report_path(index) + "/values/" + ind.key;
  }

  // A finding is composed only while the report still lists findings of its kind;
  // past the limit it is only counted.
  bool listing_error() {
    if (report_.lists_errors()) return true;
    report_.count_error();
    return false;
  }
  std::set<std::string> uncovered_months_said_;  // periods whose due date the calendar does not cover, said once

  bool listing_warning() {
    if (report_.lists_warnings()) return true;
    report_.count_warning();
    return false;
  }

  std::string value_text(int number, std::int64_t v) const {
    return tpl_.indicator(number)->money ? decimal_text(v, tpl_.money_decimals) : std::to_string(v);
  }

  // A report read as a typed row: the same checks, in the same order, as check_tree.
  void check_row(const ReportRow& row, CheckedReport& r, std::string& line) {
    check_period(row.period, r);
    r.unit.assign(row.unit);
    values_.assign(tpl_.indicators.size(), std::nullopt);
    for (const Indicator& ind : tpl_.indicators) {
      const ReportCell& cell = row.cells[ind.number - 1];
      if (cell.present) values_[ind.number - 1] = read_cell(cell, r.index, ind);
      else value_missing(r.index, ind);
    }
    check_relations(r.index);
    finish(r, row.period, row.submitted, line);
  }

  void check_tree(const Json& json, CheckedReport& r, std::string& line) {
    Fields f(json, report_path(r.index), report_);
    auto period_text = f.text("period", true);
    if (period_text) check_period(*period_text, r);
    r.unit = f.text("unit").value_or("");
    r.total = f.flag("total").value_or(false);
    auto submitted = f.date("submitted_on");
    values_.assign(tpl_.indicators.size(), std::nullopt);
    if (const Json* values = f.object("values", true)) {
      read_values(*values, f.path("values"), r.index);
      check_relations(r.index);
    }
    std::optional<std::string_view> period;
    if (period_text) period = *period_text;
    finish(r, period, submitted, line);
  }

  void check_period(std::string_view text, CheckedReport& r) {
    r.period = parse_month(text);
    if (!r.period && listing_error()) {
      std::string t(text);
      report_.error(report_path(r.index) + "/period", msg::summary_period_invalid{.value = t});
    }
  }

  // The deadline and submission checks, then the report's line.
  void finish(const CheckedReport& r, std::optional<std::string_view> period, std::optional<Date> submitted,
              std::string& line) {
    std::optional<Date> due = r.period ? due_date(*r.period) : std::nullopt;
    if (due && !deadline_noted_) {
      report_.interpretation(policy_rules_->deadline->rule, policy_rules_->deadline->interpretation);
      deadline_noted_ = true;
    }
    if (r.period) check_in_force(r.index, *r.period);
    if (r.period && submitted) check_submission(r.index, *r.period, *submitted, due);
    // A due date the holiday calendar does not cover is said to be counted on weekends
    // alone, whether or not a submission day is given (with one, check_submission says it).
    if (r.period && due && !submitted && !period_facts(*r.period).calendar_covers &&
        uncovered_months_said_.insert(format_month(*r.period)).second && listing_warning())
      report_.warning(report_path(r.index) + "/period",
                      msg::calendar_not_covered::deadline{.month = format_month(add_months(*r.period, 1))},
                      policy_rules_->deadline->rule);
    line += "{\"period\":";
    if (period) write_json_string(*period, line);
    else line += "null";
    if (!r.unit.empty()) {
      line += ",\"unit\":";
      write_json_string(r.unit, line);
    }
    line += ",\"due\":";
    if (due) {
      line += '"';
      line += format_date(*due);
      line += '"';
    } else {
      line += "null";
    }
    line += '}';
  }

  void value_missing(std::size_t index, const Indicator& ind) {
    if (!listing_error()) return;
    report_.error(value_path(index, ind), msg::summary_value_missing{.key = ind.key, .name = ind.name}, rule_);
  }

  // Indicators in their printed order, then any key the template does not have.
  void read_values(const Json& values, const std::string& path, std::size_t index) {
    std::size_t found = 0;
    for (const auto& ind : tpl_.indicators) {
      auto it = values.find(ind.key);
      if (it != values.end()) ++found;
      if (it == values.end() || it->is_null()) {
        value_missing(index, ind);
        continue;
      }
      if (!it->is_number()) {
        report_.malformed(pointer_append(path, ind.key), msg::request_type::expected{.type = msg::value_type::number{}.text()});
        continue;
      }
      values_[ind.number - 1] = read_cell(cell_of(*it), index, ind);
    }
    if (found == values.size()) return;  // every key was an indicator
    for (const auto& [key, value] : values.items()) {
      bool digits = !key.empty() && key.size() <= 3 && key[0] != '0' &&
                    std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits && tpl_.indicator(std::stoi(key))) continue;
      report_.error(pointer_append(path, key),
                    msg::summary_indicator_unknown{.count = tpl_.indicators.size(), .key = key, .table = template_name(tpl_)},
                    rule_);
    }
  }

  // Names are built only when a finding needs them: most values are fine.
  static std::string name_zh(const Indicator& ind) { return ind.key + "“" + ind.name.zh + "”"; }
  static std::string name_en(const Indicator& ind) { return ind.key + " (" + ind.name.en + ")"; }

  std::optional<std::int64_t> read_cell(const ReportCell& cell, std::size_t index, const Indicator& ind) {
    return ind.money ? read_money(cell.number, index, ind) : read_count(cell, index, ind);
  }

  std::optional<std::int64_t> read_count(const ReportCell& cell, std::size_t index, const Indicator& ind) {
    double d = cell.number;
    // Beyond 9e15 a count is no head count, and a double no longer holds it exactly.
    if (!std::isfinite(d) || std::fabs(d) >= 9e15) {
      value_error<msg::summary_count_invalid>(index, ind);
      return std::nullopt;
    }
    bool whole = cell.integer || d == std::floor(d);
    if (!whole) {
      value_error<msg::summary_count_not_whole>(index, ind);
      return std::nullopt;
    }
    std::int64_t v = cell.integer ? cell.whole : static_cast<std::int64_t>(d);
    if (v < 0) {
      value_error<msg::summary_negative>(index, ind);
      return std::nullopt;
    }
    return v;
  }

  std::optional<std::int64_t> read_money(double d, std::size_t index, const Indicator& ind) {
    if (!std::isfinite(d) || std::fabs(d) > 9e10) {
      value_error<msg::summary_money_invalid>(index, ind);
      return std::nullopt;
    }
    if (d < 0) {
      value_error<msg::summary_negative>(index, ind);
      return std::nullopt;
    }
    // Decimals are counted on the number as written (the shortest text that reads back
    // as the same double), never with a tolerance: 3.500001 has six.
    if (decimal_places(d) > tpl_.money_decimals) {
      if (listing_error())
        report_.error(value_path(index, ind),
                      msg::summary_money_decimals{.indicator = Text{name_zh(ind), name_en(ind)}, .places = tpl_.money_decimals},
                      rule_);
      return std::nullopt;
    }
    return static_cast<std::int64_t>(std::llround(d * static_cast<double>(money_scale_)));
  }

  // A finding about one value, "指标 N“name”" and its tail; kept out of line so that
  // reading a good value stays small.
  template <class M>
  [[gnu::noinline]] void value_error(std::size_t index, const Indicator& ind) {
    if (!listing_error()) return;
    report_.error(value_path(index, ind), M{.indicator = Text{name_zh(ind), name_en(ind)}}, rule_);
  }

  // Each relation as printed: every side at least the next. A failure names every
  // cell of the failing comparison with its number, and the shortfall.
  void check_relations(std::size_t index) {
    for (const Relation& rel : tpl_.relations) {
      bool complete = true;
      for (const auto& side : rel.sides)
        for (int n : side) complete = complete && values_[n - 1].has_value();
      if (!complete) continue;
      for (std::size_t s = 0; s + 1 < rel.sides.size(); ++s) {
        std::int64_t left = sum(rel.sides[s]), right = sum(rel.sides[s + 1]);
        if (left >= right || !listing_error()) continue;
        std::string shown = side_text(rel.sides[s]) + " ≥ " + side_text(rel.sides[s + 1]);
        std::string by = std::to_string(right - left);
        report_.error(value_path(index, *tpl_.indicator(rel.sides[s].front())),
                      msg::summary_relation{.by = by, .relation = rel.printed, .shown = shown}, rule_);
      }
    }
  }

  std::int64_t sum(const std::vector<int>& side) const {
    std::int64_t total = 0;
    for (int n : side) total += *values_[n - 1];
    return total;
  }

  std::string side_text(const std::vector<int>& side) const {
    std::string text;
    for (int n : side) {
      if (!text.empty()) text += " + ";
      text += std::to_string(n) + " (" + value_text(n, *values_[n - 1]) + ")";
    }
    return text;
  }

  // What a period's submission is checked against, counted on the calendar once per period.
  struct PeriodFacts {
    Date last_day;
    std::optional<Date> due;  // when the notice sets a deadline
    bool calendar_covers = true;  // the holiday calendar covers the next month and the due date
  };

  const PeriodFacts& period_facts(Date period) {
    long key = (period - Date(2000, 1, 1)).days();
    auto known = facts_by_period_.find(key);
    if (known != facts_by_period_.end()) return known->second;
    PeriodFacts facts{last_of_month(period), std::nullopt, true};
    if (policy_rules_ && policy_rules_->deadline) {
      const SummaryDeadline& d = *policy_rules_->deadline;
      const Calendar& cal = rules_.calendar();
      Date next = add_months(period, 1);
      Date due = d.working_days ? cal.nth_working_day(next, *d.working_days)
                                : next + boost::gregorian::days(d.calendar_days.value_or(1) - 1);
      if (!d.working_days && d.postpone_over_holidays) due = cal.next_working_day(due);
      facts.due = due;
      facts.calendar_covers = cal.covers(next) && cal.covers(due);
    }
    return facts_by_period_.emplace(key, facts).first->second;
  }

  // A month wholly outside the notice's period (a named notice, or a later month than the
  // one that chose it): checked as the notice prints it, said once.
  void check_in_force(std::size_t index, Date period) {
    if (!policy_ || outside_said_) return;
    Date last = last_of_month(period);
    if (policy_->in_force_during(period, last)) return;
    outside_said_ = true;
    if (!listing_warning()) return;
    report_.warning(report_path(index) + "/period",
                    msg::policy_outside_effective_period::period{
                        .from = format_date(policy_->effective_from),
                        .notice = notice_name(*policy_),
                        .period = format_month(period),
                        .to = policy_->effective_to ? Arg(format_date(*policy_->effective_to)) : Arg(msg::notice_no_stated_end{}.text())},
                    policy_->id);
  }

  // The last day a report for `period` is due, when the notice sets one.
  std::optional<Date> due_date(Date period) { return period_facts(period).due; }

  void check_submission(std::size_t index, Date period, Date submitted, std::optional<Date> due) {
    const PeriodFacts& facts = period_facts(period);
    if (submitted <= facts.last_day && listing_warning())
      report_.warning(report_path(index) + "/submitted_on",
                      msg::summary_submitted_early{.period = format_month(period), .submitted = format_date(submitted)},
                      rule_);
    if (!due) return;
    const SummaryDeadline& d = *policy_rules_->deadline;
    if (!facts.calendar_covers && listing_warning())
      report_.warning(report_path(index) + "/submitted_on",
                      msg::calendar_not_covered::deadline{.month = format_month(add_months(period, 1))}, d.rule);
    if (submitted > *due && listing_warning()) {
      long late = (submitted - *due).days();
      std::string at = report_path(index) + "/submitted_on", p = format_month(period), by = format_date(*due),
                  on = format_date(submitted);
      if (d.working_days && late == 1)
        report_.warning(at, msg::summary_late::working_days_one_late{.days = *d.working_days, .due = by, .period = p,
                                                                     .submitted = on}, d.rule);
      else if (d.working_days)
        report_.warning(at, msg::summary_late::working_days{.days = *d.working_days, .due = by, .late = late,
                                                            .period = p, .submitted = on}, d.rule);
      else if (late == 1)
        report_.warning(at, msg::summary_late::calendar_days_one_late{.days = d.calendar_days.value_or(0), .due = by,
                                                                      .period = p, .submitted = on}, d.rule);
      else
        report_.warning(at, msg::summary_late::calendar_days{.days = d.calendar_days.value_or(0), .due = by,
                                                             .late = late, .period = p, .submitted = on}, d.rule);
    }
  }

  // Per unit, in request order: periods one month apart, and year-to-date
  // indicators not falling within a year.
  void check_sequences(const std::vector<CheckedReport>& reports) {
    std::unordered_map<std::string_view, std::size_t> last_of_unit;  // unit -> position in reports
    std::size_t width = year_to_date_numbers_.size();
    for (std::size_t pos = 0; pos < reports.size(); ++pos) {
      const CheckedReport& r = reports[pos];
      if (!r.period || r.total) continue;
      auto [it, first] = last_of_unit.emplace(r.unit, pos);
      if (first) continue;
      const CheckedReport& prev = reports[it->second];
      std::size_t prev_pos = it->second;
      if (*r.period == *prev.period) {
        if (listing_error()) {
          std::string p = format_month(*r.period);
          report_.error(report_path(r.index) + "/period",
                        msg::summary_period_duplicate{.other = prev.index + 1, .period = p, .who = Text{who_zh(r), who_en(r)}},
                        rule_);
        }
        continue;
      }
      if (*r.period < *prev.period) {
        if (listing_error()) {
          std::string p = format_month(*r.period), q = format_month(*prev.period);
          report_.error(report_path(r.index) + "/period",
                        msg::summary_period_order{.period = p, .previous = q, .who = Text{who_zh(r), who_en(r)}}, rule_);
        }
        continue;
      }
      it->second = pos;  // out-of-order reports are not compared further
      Date expected = add_months(*prev.period, 1);
      if (*r.period != expected && listing_error()) {
        std::string p = format_month(*r.period), q = format_month(*prev.period);
        std::string missing = format_month(expected);
        Date last_missing = add_months(*r.period, -1);
        if (last_missing != expected) missing += "—" + format_month(last_missing);
        std::string missing_en = format_month(expected) + (last_missing != expected ? " to " + format_month(last_missing) : "");
        report_.error(report_path(r.index) + "/period",
                      msg::summary_period_gap{.missing = Text{missing, missing_en}, .period = p, .previous = q,
                                              .who = Text{who_zh(r), who_en(r)}},
                      rule_);
      }
      if (prev.period->year() != r.period->year()) continue;
      for (std::size_t k = 0; k < width; ++k) {
        const auto& now = year_to_date_[pos * width + k];
        const auto& before = year_to_date_[prev_pos * width + k];
        if (!now || !before || *now >= *before || !listing_error()) continue;
        const Indicator& ind = *tpl_.indicator(year_to_date_numbers_[k]);
        std::string p = format_month(*r.period), q = format_month(*prev.period);
        report_.error(value_path(r.index, ind),
                      msg::summary_year_to_date_decreased{.before = value_text(ind.number, *before), .name = ind.name,
                                                          .now = value_text(ind.number, *now), .number = ind.number,
                                                          .period = p, .previous = q},
                      rule_);
      }
    }
  }

  static long period_key(const std::optional<Date>& period) {
    return period ? (*period - Date(2000, 1, 1)).days() : -1;
  }

  void add_to_totals(const CheckedReport& r) {
    if (r.total) {
      total_rows_.push_back({r.index, r.period, values_});
      return;
    }
    for (long key : {period_key(r.period), -1L}) {  // its period, and the whole table
      UnitSums& s = unit_sums_[key];
      if (s.sums.empty()) {
        s.sums.assign(values_.size(), 0);
        s.complete.assign(values_.size(), true);
      }
      ++s.rows;
      for (std::size_t k = 0; k < values_.size(); ++k) {
        if (values_[k]) s.sums[k] += *values_[k];
        else s.complete[k] = false;
      }
      if (!r.period) break;
    }
  }

  void check_totals() {
    for (const TotalRow& t : total_rows_) {
      auto found = unit_sums_.find(period_key(t.period));
      if (found == unit_sums_.end() || !found->second.rows) continue;
      const UnitSums& s = found->second;
      for (const Indicator& ind : tpl_.indicators) {
        std::size_t k = ind.number - 1;
        if (!t.values[k] || !s.complete[k] || *t.values[k] == s.sums[k] || !listing_error()) continue;
        std::string stated = value_text(ind.number, *t.values[k]), sum = value_text(ind.number, s.sums[k]);
        std::int64_t gap = *t.values[k] - s.sums[k];
        std::string by = value_text(ind.number, gap < 0 ? -gap : gap);
        report_.error(value_path(t.index, ind),
                      msg::summary_total_mismatch{.by = by, .indicator = Text{name_zh(ind), name_en(ind)}, .stated = stated, .sum = sum},
                      rule_);
      }
    }
  }

  static std::string who_zh(const CheckedReport& r) { return r.unit.empty() ? "" : "（" + r.unit + "）"; }
  static std::string who_en(const CheckedReport& r) { return r.unit.empty() ? "" : " (" + r.unit + ")"; }

  const RuleSet& rules_;
  const SummaryTemplate& tpl_;
  const Policy* policy_;
  const PolicySummaryRules* policy_rules_;
  Report& report_;
  std::string rule_;
  std::int64_t money_scale_ = 1;
  std::string reports_path_;
  std::vector<int> year_to_date_numbers_;
  std::vector<std::optional<std::int64_t>> values_;        // the report being checked, by number - 1
  std::vector<std::optional<std::int64_t>> year_to_date_;  // each report's year-to-date values in turn
  std::unordered_map<long, PeriodFacts> facts_by_period_;
  std::vector<TotalRow> total_rows_;
  std::unordered_map<long, UnitSums> unit_sums_;  // by period_key; -1: the whole table
  bool deadline_noted_ = false;
  bool outside_said_ = false;
};

}  // namespace

void answer_summary_table(const RuleSet& rules, const Json& request, Report& report, Result& out) {
  const Json* reports = request.is_object() && request.contains("reports") ? &request["reports"] : nullptr;
  ReportSource source;
  if (reports && reports->is_array()) {
    source.size = reports->size();
    source.each = [reports](const std::function<void(ReportInput&)>& each) {
      for (const auto& r : *reports) {
        TreeInput input(r);
        each(input);
      }
    };
  }
  answer_summary_table(rules, request, source, report, out);
}

void answer_summary_table(const RuleSet& rules, const Json& request, const ReportSource& source, Report& report,
                          Result& out) {
  Fields f(request, "", report);
  const FormRules& forms = rules.forms();
  const Json* reports = f.array("reports", true);
  // Nothing to check; nor a period to choose a province's notice by (no date is asked for).
  bool no_reports = reports && reports->empty();
  if (no_reports) report.error(f.path("reports"), msg::summary_no_reports{});

  // The notice: named, or the province's notice in force during the first period.
  const Policy* policy = nullptr;
  if (no_reports && !f.get("policy") && !f.get("as_of")) {
    // No period to choose by, but the province is still read: of the right type and known.
    if (auto province = f.text("province"); province && !rules.has_notices_of(*province))
      report.error(f.path("province"), msg::province_unknown::no_rules{.province = *province});
  } else if (f.get("policy") || f.get("province")) {
    std::optional<Date> fallback;
    bool period_unreadable = false;
    if (reports && !reports->empty() && (*reports)[0].is_object()) {
      auto p = (*reports)[0].find("period");
      if (p != (*reports)[0].end() && p->is_string()) {
        if (auto m = parse_month(p->get<std::string>())) fallback = last_of_month(*m);
        else period_unreadable = true;
      }
    }
    // A province's notice is chosen by the first period: when that period is no month
    // and no as_of stands in, the period is the mistake, not the missing as_of.
    if (period_unreadable && !f.get("policy") && !f.get("as_of"))
      report.error("/reports/0/period", msg::summary_period_invalid{.value = (*reports)[0]["period"].get<std::string>()});
    else
      policy = choose_policy(rules, f, report, fallback, nullptr, "/reports/0/period");
  }
  const PolicySummaryRules* policy_rules = nullptr;
  if (policy) {
    auto it = forms.summary_by_policy.find(policy->id);
    if (it != forms.summary_by_policy.end()) policy_rules = &it->second;
  }

  const SummaryTemplate* tpl = nullptr;
  if (auto id = f.text("template")) {
    tpl = forms.summary_template(*id);
    if (!tpl) {
      Text known;
      for (const auto& [k, t] : forms.summary_templates) {
        Text name = template_name(t);
        append_listed(known, {name.zh + "（" + k + "）", name.en + " (" + k + ")"});
      }
      report.error(f.path("template"), msg::summary_template_unknown{.known = known, .template_id = *id});
    } else if (policy_rules && policy_rules->template_id != *id) {
      report.error(f.path("template"),
                   msg::summary_template_mismatch{.notice = notice_name(*policy),
                                                  .prescribed = template_name(*forms.summary_template(policy_rules->template_id)),
                                                  .table = template_name(*tpl)},
                   policy_rules->rule);
    }
  } else if (policy_rules) {
    tpl = forms.summary_template(policy_rules->template_id);
  } else if (f.ok() && !report.has_errors()) {
    const UnknownProvision* unknown = policy ? policy->unknown_provision("summary_table") : nullptr;
    Text known_text;
    for (const auto& [id, t] : forms.summary_templates) {
      append_listed(known_text, template_name(t));
    }
    std::string path = f.path("template");
    if (unknown)
      report.error(path, msg::summary_template_missing::notice_unknown{.known = known_text, .notice = notice_name(*policy), .unknown = unknown->text},
                   unknown->rule);
    else if (policy)
      report.error(path, msg::summary_template_missing::notice_sets_none{.known = known_text, .notice = notice_name(*policy)});
    else
      report.error(path, msg::summary_template_missing::no_notice{.known = known_text});
  }
  if (policy_rules && !policy_rules->deadline)
    report.interpretation(policy_rules->rule, policy_rules->deadline_note);

  out["template"] = tpl ? Result(tpl->id) : Result(nullptr);
  out["policy"] = policy ? Result(policy->id) : Result(nullptr);
  if (policy) {
    Result unknown = unknown_provisions(*policy, "", "summary_table");
    if (!unknown.empty()) out["unknown"] = std::move(unknown);
  }
  if (!tpl || !reports) return;
  // Another template than the notice's is checked as printed where it comes from.
  if (policy_rules && policy_rules->template_id != tpl->id) policy_rules = nullptr;
  report.interpretation(policy_rules ? policy_rules->rule : tpl->sources.front(), tpl->interpretation);
  SummaryChecker checker(rules, *tpl, policy, policy_rules, report);
  out["reports"] = checker.check_all(source, f.path("reports"));
}

}  // namespace jianxi
