// Turns the schema-checked JSON of the form and table rules into typed values once,
// and checks what the schema cannot: that relations name indicators the template
// has, and that policies name templates and forms that exist.
#include "model/form_rules.h"

#include "io/failure.h"
#include "io/json_writer.h"
#include "io/message.h"
#include "model/rule_reading.h"

namespace jianxi {
namespace {

using json = nlohmann::ordered_json;

bool in_folder(const std::string& path, const std::string& folder) {
  return path.compare(0, folder.size() + 1, folder + "/") == 0;
}

void read_summary_template(const std::string& file, const json& j, FormRules& out,
                           std::vector<Finding>& problems) {
  SummaryTemplate t;
  t.id = j.at("id");
  t.title = text_of(j, "title");
  for (const auto& s : j.at("sources")) t.sources.push_back(s);
  t.interpretation = text_of(j, "interpretation");
  t.money_decimals = j.value("money_decimals", 4);
  const json& list = j.at("indicators");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& ind = list[i];
    Indicator k;
    k.number = ind.at("number");
    k.key = std::to_string(k.number);
    if (k.number != static_cast<int>(i) + 1) {
      problems.push_back(rule_problem(file, "/indicators/" + std::to_string(i),
                                 "indicators must be numbered 1, 2, … in order"));
      return;
    }
    k.name = text_of(ind, "name");
    k.money = ind.at("measure") == "money";
    k.year_to_date = ind.value("year_to_date", false);
    t.indicators.push_back(k);
  }
  t.relations_printed = j.at("relations").at("printed");
  std::string error;
  auto relations = parse_relations(t.relations_printed, error);
  if (!relations) {
    problems.push_back(rule_problem(file, "/relations/printed", error));
    return;
  }
  for (const auto& r : *relations)
    for (const auto& side : r.sides)
      for (int n : side)
        if (!t.indicator(n)) {
          problems.push_back(rule_problem(file, "/relations/printed",
                                     "relation " + r.printed + " names indicator " +
                                         std::to_string(n) + ", which the template lacks"));
          return;
        }
  t.units = text_of(j, "units");
  if (j.contains("layout")) {
    t.layout = j["layout"];
    const json& rows = t.layout.at("header_rows");
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        int from = rows[r][c].at("from"), to = rows[r][c].value("to", from);
        if (from > to || !t.indicator(to)) {
          problems.push_back(rule_problem(file, "/layout/header_rows/" + std::to_string(r) + "/" + std::to_string(c),
                                          "a header cell covers indicators the template lacks"));
          return;
        }
      }
  }
  t.relations = std::move(*relations);
  out.summary_templates[t.id] = std::move(t);
}

void read_allocation_template(const json& j, FormRules& out) {
  AllocationTemplate t;
  t.id = j.at("id");
  t.title = text_of(j, "title");
  t.rule = j.at("rule");
  for (const auto& c : j.at("columns"))
    t.columns.push_back({c.at("key"), text_of(c, "label"), c.value("whole", true)});
  for (const auto& name : j.value("total_names", json::array())) t.total_names.push_back(name);
  for (const auto& c : j.value("row_checks", json::array())) {
    RowComparison r;
    read_cited(c, r);
    r.smaller = c.at("smaller");
    r.larger = c.at("larger");
    r.error = c.value("error", false);
    t.row_checks.push_back(r);
  }
  out.allocation_templates[t.id] = std::move(t);
}

FieldFormat format_of(const std::string& name) {
  if (name == "credit_code") return FieldFormat::credit_code;
  if (name == "phone") return FieldFormat::phone;
  if (name == "count") return FieldFormat::count;
  if (name == "long_text") return FieldFormat::long_text;
  return FieldFormat::text;
}

CrossCheck cross_check(const json& checks, const char* key) {
  CrossCheck c;
  if (!checks.contains(key)) return c;
  const json& j = checks[key];
  c.rule = j.at("rule");
  c.error = j.value("error", true);
  c.interpretation = text_of(j, "interpretation");
  return c;
}

// Every field the printed report names ("field", "{section/field}" in a text) and
// every list it prints is one of the form's.
void check_report_layout(const std::string& file, const ApplicationForm& f, std::vector<Finding>& problems) {
  auto has_field = [&](const std::string& ref) {
    auto slash = ref.find('/');
    if (slash == std::string::npos) return false;
    for (const FormSection& s : f.sections)
      if (!s.list && s.key == ref.substr(0, slash))
        for (const FormField& fld : s.fields)
          if (fld.key == ref.substr(slash + 1)) return true;
    return false;
  };
  auto check_text = [&](const json& text, const std::string& at) {
    for (const char* lang : {"zh", "en"}) {
      const std::string s = text.at(lang);
      for (auto open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
        auto close = s.find('}', open);
        std::string ref = s.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        if (close == std::string::npos || (!ref.empty() && !has_field(ref)))
          problems.push_back(rule_problem(file, at, "the text names \"{" + ref + "}\", which the form lacks"));
      }
    }
  };
  const json& parts = f.report.at("parts");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string at = "/report/parts/" + std::to_string(i);
    if (parts[i].contains("field") && !has_field(parts[i]["field"]))
      problems.push_back(rule_problem(file, at + "/field", "the form has no such field"));
    if (parts[i].contains("list")) {
      bool found = false;
      for (const FormSection& s : f.sections) found = found || (s.list && s.key == parts[i]["list"]);
      if (!found) problems.push_back(rule_problem(file, at + "/list", "the form has no such list"));
    }
  }
  const json& rows = f.report.at("annex_table").at("rows");
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      std::string at = "/report/annex_table/rows/" + std::to_string(r) + "/" + std::to_string(c);
      if (rows[r][c].contains("field") && !has_field(rows[r][c]["field"]))
        problems.push_back(rule_problem(file, at + "/field", "the form has no such field"));
      if (rows[r][c].contains("text")) check_text(rows[r][c]["text"], at + "/text");
    }
  const json& boxes = f.report.at("annex_table").at("boxes");
  for (std::size_t b = 0; b < boxes.size(); ++b)
    check_text(boxes[b].at("text"), "/report/annex_table/boxes/" + std::to_string(b) + "/text");
}

void read_application_form(const std::string& file, const json& j, FormRules& out, std::vector<Finding>& problems) {
  ApplicationForm f;
  f.id = j.at("id");
  f.title = text_of(j, "title");
  f.rule = j.at("rule");
  for (const auto& s : j.at("sections")) {
    FormSection sec;
    sec.key = s.at("key");
    sec.label = text_of(s, "label");
    sec.list = s.value("list", false);
    sec.required = s.value("required", false);
    sec.min_items = s.value("min_items", 0);
    if (sec.min_items > 0 && !template_of(sec.key + ".missing"))
      problems.push_back(rule_problem(file, "/sections",
                                      "no message for \"" + sec.key + ".missing\" in findings/codes.json"));
    sec.rule = s.value("rule", f.rule);
    for (const auto& fld : s.at("fields")) {
      FormField field;
      field.key = fld.at("key");
      field.label = text_of(fld, "label");
      field.format = format_of(fld.at("format"));
      field.required = fld.value("required", false);
      if (fld.contains("min")) field.min = fld["min"].get<long long>();
      field.rule = fld.value("rule", sec.rule);
      sec.labels[field.key] = field.label;
      sec.fields.push_back(field);
    }
    f.sections.push_back(std::move(sec));
  }
  for (const auto& [key, text] : j.at("declarations").items())
    f.declarations[key] = {text.at("zh"), text.at("en")};
  const json& checks = j.value("checks", json::object());
  f.positions_add_up = cross_check(checks, "positions_add_up");
  if (j.contains("report")) {
    f.report = j["report"];
    check_report_layout(file, f, problems);
  }
  out.application_forms[f.id] = std::move(f);
}

// A notice's summary_table and application sections, from its file as read at load.
void read_policy_sections(const Policy& p, const json& doc, FormRules& out, std::vector<Finding>& problems) {
  const std::string& file = p.file;
  auto known = [](const json& v) { return !(v.is_object() && v.contains("unknown")); };
  if (auto it = doc.find("summary_table"); it != doc.end() && known(*it)) {
    const json& s = *it;
    PolicySummaryRules r;
    r.template_id = s.at("template");
    r.rule = s.at("rule");
    r.deadline_note = text_of(s, "deadline_note");
    if (!s.at("deadline").is_null()) {
      const json& d = s["deadline"];
      SummaryDeadline dl;
      read_cited(d, dl);
      if (d.contains("calendar_days")) dl.calendar_days = d["calendar_days"].get<int>();
      if (d.contains("working_days")) dl.working_days = d["working_days"].get<int>();
      dl.postpone_over_holidays = d.value("postpone_over_holidays", false);
      r.deadline = dl;
    }
    if (!out.summary_template(r.template_id))
      problems.push_back(rule_problem(file, "/summary_table/template",
                                 "no summary template \"" + r.template_id + "\""));
    out.summary_by_policy[p.id] = std::move(r);
  }
  if (auto it = doc.find("application"); it != doc.end() && known(*it)) {
    const json& a = *it;
    PolicyApplicationRules r;
    r.form_id = a.at("form");
    r.rule = a.at("rule");
    if (a.contains("registered_region")) {
      RegisteredRegion region;
      read_cited(a["registered_region"], region);
      for (const auto& prefix : a["registered_region"].at("prefixes")) region.prefixes.push_back(prefix);
      r.registered_region = region;
    }
    auto form = out.application_forms.find(r.form_id);
    if (form == out.application_forms.end()) {
      problems.push_back(rule_problem(file, "/application/form", "no form \"" + r.form_id + "\""));
      return;
    }
    const auto& conditions = a.at("conditions");
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      Condition c;
      read_cited(conditions[i], c);
      c.key = conditions[i].at("key");
      if (auto what = form->second.declarations.find(c.key); what == form->second.declarations.end()) {
        problems.push_back(rule_problem(file, "/application/conditions/" + std::to_string(i),
                                   "the form has no declaration \"" + c.key + "\""));
      } else {
        c.json_head = "{\"key\":";
        write_json_string(c.key, c.json_head);
        c.json_head += ",\"rule\":";
        write_json_string(c.rule, c.json_head);
        c.json_head += ",\"message\":";
        write_json_string(what->second.zh, c.json_head);
        c.json_head += ",\"message_en\":";
        write_json_string(what->second.en, c.json_head);
        c.json_head += ",\"declared\":";
      }
      r.conditions.push_back(c);
    }
    for (const auto& f : a.value("forbidden_requirements", json::array())) {
      ForbiddenRequirement fr;
      read_cited(f, fr);
      fr.kind = f.at("kind");
      fr.label = text_of(f, "label");
      for (const auto& w : f.at("words")) fr.words.push_back(w);
      r.forbidden.push_back(fr);
    }
    if (a.contains("forbidden_requirements_said")) r.forbidden_said = text_of(a, "forbidden_requirements_said");
    for (const auto& w : a.value("allowed_phrases", json::array())) r.allowed_phrases.push_back(w);
    if (auto n = a.find("no_limit_words"); n != a.end()) {
      for (const auto& w : n->value("before", json::array())) r.no_limit_before.push_back(w);
      for (const auto& w : n->value("after", json::array())) r.no_limit_after.push_back(w);
      for (const auto& w : n->value("joiners", json::array())) r.no_limit_joiners.push_back(w);
      for (const auto& w : n->value("between", json::array())) r.no_limit_between.push_back(w);
      for (const auto& w : n->value("stand_alone", json::array())) r.no_limit_stand_alone.push_back(w);
      if (auto t = n->find("turned_away"); t != n->end()) {
        for (const auto& w : t->value("persons", json::array())) r.turned_away_persons.push_back(w);
        for (const auto& w : t->value("refusals", json::array())) r.turned_away_refusals.push_back(w);
      }
    }
    out.application_by_policy[p.id] = std::move(r);
  }
}

}  // namespace

std::shared_ptr<const FormRules> read_form_rules(const std::map<std::string, json>& documents,
                                                 const std::vector<Policy>& policies,
                                                 std::vector<Finding>& problems) {
  auto out = std::make_shared<FormRules>();
  for (const auto& document : documents) {
    const std::string& path = document.first;  // named, for the lambdas below (C++17)
    const json& doc = document.second;
    catching(
        [&] {
          if (in_folder(path, "summary-templates")) read_summary_template(path, doc, *out, problems);
          else if (in_folder(path, "allocation-tables")) read_allocation_template(doc, *out);
          else if (in_folder(path, "forms")) read_application_form(path, doc, *out, problems);
        },
        [&](const char* what) { problems.push_back(rule_problem(path, "", what)); });
  }
  for (const Policy& p : policies) {
    auto doc = documents.find(p.file);
    if (doc == documents.end()) continue;
    catching([&] { read_policy_sections(p, doc->second, *out, problems); },
             [&](const char* what) { problems.push_back(rule_problem(p.file, "", what)); });
  }
  return out;
}

}  // namespace jianxi
