#include "kinds.h"

namespace jianxi {

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"catalog", answer_catalog},
      {"policies", answer_policies},
      {"subsidy", answer_subsidy},
      {"eligibility", answer_eligibility},
      {"summary_table", answer_summary_table},
      {"allocation_table", answer_allocation_table},
      {"unit_application", answer_unit_application},
  };
  return table;
}

const Policy* choose_policy(const RuleSet& rules, Fields& request, Report& report,
                            std::optional<Date> fallback_date) {
  if (auto id = request.text("policy")) {
    if (const Policy* p = rules.policy(*id)) return p;
    std::string known;
    for (const auto& p : rules.policies()) known += (known.empty() ? "" : ", ") + p.id;
    report.error(request.path("policy"), "policy.unknown", "未知的政策“" + *id + "”，可选：" + known,
                 "unknown policy \"" + *id + "\"; known: " + known);
    return nullptr;
  }
  auto province = request.text("province");
  if (!province) {
    if (request.ok())
      report.error(request.path("policy"), "policy.missing", "请给出 policy，或 province 与 as_of",
                   "give policy, or province and as_of");
    return nullptr;
  }
  auto as_of = request.date("as_of");
  if (!as_of) as_of = fallback_date;
  if (!as_of) {
    report.error(request.path("as_of"), "field.required", "按省份选择政策时须给出 as_of 日期",
                 "as_of is needed to choose a policy by province");
    return nullptr;
  }
  bool province_known = false;
  for (const auto& p : rules.policies()) {
    if (p.province != *province) continue;
    province_known = true;
    if (p.in_force_on(*as_of)) return &p;
  }
  if (!province_known)
    report.error(request.path("province"), "province.unknown", "未收录省份“" + *province + "”",
                 "no rules for province \"" + *province + "\"");
  else
    report.error(request.path("as_of"), "policy.none_in_force",
                 *province + " 在 " + format_date(*as_of) + " 没有收录的有效通知",
                 "no notice of " + *province + " in force on " + format_date(*as_of));
  return nullptr;
}

}  // namespace jianxi
