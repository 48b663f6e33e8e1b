// All typed rules of the form and table kinds (summary tables, allocation tables,
// the unit application), read once when the rule set loads. A rule file that
// passes the schema but cannot be used (a relation naming an indicator the
// template lacks, a policy naming an unknown template) is a load problem.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/allocation_template.h"
#include "model/application_form.h"
#include "model/summary_template.h"

namespace jianxi {

struct FormRules {
  std::map<std::string, SummaryTemplate> summary_templates;
  std::map<std::string, PolicySummaryRules> summary_by_policy;
  std::map<std::string, AllocationTemplate> allocation_templates;
  std::map<std::string, ApplicationForm> application_forms;
  std::map<std::string, PolicyApplicationRules> application_by_policy;

  const SummaryTemplate* summary_template(const std::string& id) const {
    auto it = summary_templates.find(id);
    return it == summary_templates.end() ? nullptr : &it->second;
  }
};

// Reads the documents of rules/summary-templates/, rules/allocation-tables/ and
// rules/forms/ (already schema-checked) and the policies' summary_table and
// application sections. Problems are appended; never throws.
std::shared_ptr<const FormRules> read_form_rules(const std::map<std::string, nlohmann::ordered_json>& documents,
                                                 const std::vector<Policy>& policies,
                                                 std::vector<Finding>& problems);

}  // namespace jianxi
