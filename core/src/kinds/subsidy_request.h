// The subsidy request read into typed values, with every problem located.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "values/dates.h"
#include "io/fields.h"
#include "values/money.h"
#include "io/report.h"
#include "model/rule_set.h"

namespace jianxi {

struct Contract {
  Date signed_on;
  std::optional<double> years;
  bool social_insurance = false;
};

struct Trainee {
  std::size_t index = 0;
  std::string category;
  Date start, end;
  std::optional<Date> left_on;
  std::set<Date> absent;  // unexcused absences
  bool retained = false;
  std::optional<Contract> contract;
  std::optional<Fen> insurance_premium;
  std::optional<Fen> flexible_insurance_monthly;
  std::optional<Fen> monthly_pay;  // what the unit pays the intern a month, where a notice caps by it
  bool usable = true;  // false when its own fields had errors

  std::string path(const std::string& field = {}) const {
    return "/trainees/" + std::to_string(index) + (field.empty() ? "" : "/" + field);
  }
  // The last day a notice may pay for: the day left, if before the agreed end, unless a
  // contract was signed (its remaining-period months run to the agreed end).
  Date last_day() const { return left_on && *left_on < end && !contract ? *left_on : end; }
  bool kept_on() const { return retained || contract.has_value(); }
  // Completed the agreement, or kept on before its end (summary-table indicator 8).
  bool completed() const { return kept_on() || !left_on || *left_on >= end; }
};

struct SubsidyRequest {
  std::optional<Fen> min_wage;
  std::optional<std::string> place;  // a division code or name; "city" is read as an alias
  std::string place_path;            // "/place" or "/city", for findings
  std::string wage_basis = "month";  // "month": each month's figure; "start": the figure at the start
  std::optional<int> wage_tier;
  std::optional<Rate> retention_rate;
  bool retention_rate_given = false;  // present, whether or not it could be read
  std::optional<Rate> base_rate;
  std::vector<std::string> region_flags;
  bool model_unit = false;  // rated a model (标杆) unit, where a notice raises those
  std::vector<Trainee> trainees;
};

// Reads everything but the policy choice. Trainee-level problems mark that trainee unusable.
SubsidyRequest read_subsidy_request(const Vocabulary& vocab, Fields& request, Report& report);

}  // namespace jianxi
