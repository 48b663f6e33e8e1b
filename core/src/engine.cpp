#include "jianxi/engine.h"

#include <new>

#include "io/json_diagnosis.h"
#include "io/json_reader.h"
#include "io/json_writer.h"
#include "kinds/kinds.h"
#include "io/echo.h"
#include "io/failure.h"
#include "kinds/engine_limits.h"
#include "io/memory_reserve.h"
#include "model/province_delivery.h"
#include "io/request_stream.h"
#include "model/rule_set.h"

namespace jianxi {
namespace {

constexpr std::size_t kMaxRequestBytes = limits::kRequestBytes;
constexpr int kMaxDepth = limits::kNesting;

// One report of a table read from the request's text: a row when plain, else parsed;
// text that is not JSON marks the whole request so.
class TextReport : public ReportInput {
 public:
  TextReport(std::string_view text, ReportRow& row, bool& not_json) : text_(text), row_(row), not_json_(not_json) {}

  const ReportRow* row(std::size_t indicators) override {
    return read_plain_report(text_, indicators, row_) ? &row_ : nullptr;
  }

  const Json* tree() override {
    tree_ = Json::parse(text_, nullptr, false);
    if (!tree_.is_discarded()) return &tree_;
    not_json_ = true;
    return nullptr;
  }

 private:
  std::string_view text_;
  ReportRow& row_;  // reused from report to report
  bool& not_json_;
  Json tree_;
};

// `stream`: the request's reports are read from its text (the tree holds only the first).
Result answer_one(const RuleSet& rules, const Json& request, bool& malformed,
                  const ReportSource* stream = nullptr) {
  Report report;
  report.use_field_labels(&rules.vocabulary().request_fields);
  std::string kind;
  if (!request.is_object()) {
    report.malformed("", msg::request_type::request{});
  } else if (auto k = request.find("kind"); k == request.end() || !k->is_string()) {
    report.malformed("/kind", msg::request_kind_missing{});
  } else {
    kind = k->get<std::string>();
  }
  Result out;
  if (!kind.empty()) {
    auto handler = handlers().find(kind);
    if (handler == handlers().end()) {
      std::string known;
      for (const auto& [name, _] : handlers()) known += (known.empty() ? "" : ", ") + name;
      report.malformed("/kind", msg::request_kind_unknown{.kind = echoed(kind), .known = known});
      kind = echoed(kind);  // the result's kind quotes it too
    } else if (!rules.problems().empty()) {
      for (const auto& p : rules.problems())
        report.error(p.path, p.code, p.message, p.message_en, p.rule);
    } else if (auto needs = absent_provinces_needed(rules, request); !needs.empty()) {
      report_not_loaded(rules, needs, report);
      auto& ids = out["not_loaded"] = Result::array();
      for (const ProvinceNeed& n : needs) ids.push_back(n.province);
    } else {
      // Memory running out fails the whole request, not this one answer.
      catching<OutOfMemory::passed_on>(
          [&] {
            if (stream && kind == "summary_table") answer_summary_table(rules, request, *stream, report, out);
            else handler->second(rules, request, report, out);
          },
          [&](const char* what) {
            out = Result::object();
            report.error("", msg::internal_error{.what = what});
          });
    }
  }
  malformed = malformed || report.is_malformed();
  if (report.has_errors() && out.is_object())
    for (const std::string& key : figures_of(kind)) out.erase(key);
  Result result = report.head(kind);
  for (auto& [key, value] : out.items()) result[key] = std::move(value);
  report.tail(result);
  return result;
}

// An evaluation, or when memory ran out (the only exception that reaches here) the fixed
// internal error. Without exceptions (the module) running out aborts: see io/failure.h.
template <class Evaluate>
Evaluation unless_exhausted(bool table, Evaluate&& evaluate) {
#if defined(__cpp_exceptions)
  try {
    return evaluate();
  } catch (...) {
  }
  Evaluation ev;
  ev.malformed = true;
  ev.exhausted = true;
  try {
    ev.json = internal_error_answer(table);
  } catch (...) {
    // Not even the fixed answer fits: callers see an empty answer marked exhausted.
  }
  return ev;
#else
  (void)table;
  return evaluate();
#endif
}

// The refusal of a request whose answer would be beyond a documented limit.
template <class M>
Result too_large(const M& why) {
  Report report;
  report.malformed("", why);
  return report.head("");
}

Result answer_too_large() {
  return too_large(msg::request_too_large::answer{.mib = limits::kAnswerBytes >> 20});
}

// Writes `result` as compact text into `out`, or the refusal when it is over the answer limit.
void write_within_limit(const Result& result, std::string& out, bool& malformed) {
  out.clear();
  if (raw_bytes(result) <= limits::kAnswerBytes) {
    out.reserve(raw_bytes(result) + (64u << 10));
    write_compact(result, out);
    if (out.size() <= limits::kAnswerBytes) return;
  }
  out.clear();
  out.shrink_to_fit();
  malformed = true;
  write_compact(answer_too_large(), out);
}

bool is_catalog(const Json& request) {
  return request.is_object() && request.value("kind", Json()) == "catalog";
}

// A batch's answers written one by one, each tree gone before the next is made; the
// answer limit, and the limit on catalog answers, are checked as each is written.
void write_batch(const RuleSet& rules, const Json& batch, std::string& out, bool& malformed) {
  out = "[";
  std::size_t catalog_bytes = 0;
  auto refuse = [&](const Result& refusal) {
    out.clear();
    out.shrink_to_fit();
    malformed = true;
    write_compact(refusal, out);
  };
  for (const auto& one : batch) {
    if (out.size() > 1) out += ',';
    Result answer = answer_one(rules, one, malformed);
    bool fits = out.size() + raw_bytes(answer) <= limits::kAnswerBytes;  // raw bytes: a lower bound
    std::size_t before = out.size();
    if (fits) write_compact(answer, out);
    if (!fits || out.size() > limits::kAnswerBytes) return refuse(answer_too_large());
    if (is_catalog(one) && (catalog_bytes += out.size() - before) > limits::kCatalogBytesPerBatch) {
      return refuse(too_large(msg::request_too_large::catalogs{.mb = limits::kCatalogBytesPerBatch / 1000000}));
    }
  }
  out += ']';
}

// A request within the limits, split around its reports when it is a table; its
// answer written as compact text into `out`.
void answer_request(const RuleSet& rules, std::string_view request, std::optional<SplitRequest>& split,
                    bool not_json, std::string& out, bool& malformed) {
  Result result;
  // nlohmann's parser reads a NUL byte as the end of the text; JSON has no place for one.
  if (request.find('\0') != std::string_view::npos) not_json = true;
  bool table = !not_json && split && split->reports.size() > 1 && split->request.is_object() &&
               split->request.value("kind", Json()) == "summary_table";
  Json parsed;
  if (!table && !not_json) {
    // Without a table to read by parts, the request is parsed whole (the split's
    // tree already is whole when its array has at most one element).
    bool whole = split && split->reports.size() <= 1;
    parsed = whole ? std::move(split->request) : parse_json(request);
    not_json = parsed.is_discarded();
  }
  if (table) {
    // The reports are parsed one at a time as the checker reads them; one that is
    // not JSON makes the whole request not JSON, as parsing it whole would.
    ReportSource source;
    source.size = split->reports.size();
    const auto& parts = split->reports;
    source.each = [&request, &parts, &not_json](const std::function<void(ReportInput&)>& each) {
      ReportRow row;
      for (const auto& [begin, end] : parts) {
        if (not_json) return;
        TextReport input(request.substr(begin, end - begin), row, not_json);
        each(input);
      }
    };
    result = answer_one(rules, split->request, malformed, &source);
  }
  if (not_json) {
    malformed = true;
    Report report;
    if (auto path = number_out_of_range_at(request))
      report.malformed(*path, msg::number_out_of_range{});
    else
      report.malformed("", msg::request_not_json{});
    result = report.head("");
  } else if (!table && parsed.is_array()) {
    Json batch = std::move(parsed);
    return write_batch(rules, batch, out, malformed);
  } else if (!table) {
    result = answer_one(rules, parsed, malformed);
  }
  write_within_limit(result, out, malformed);
}

}  // namespace

Engine::Engine(const std::vector<RuleText>& rules, const RuleDelivery& delivery)
    : rules_(RuleSet::load(rules, delivery)) {}
Engine::~Engine() = default;

const std::vector<Finding>& Engine::rule_problems() const { return rules_->problems(); }

Evaluation Engine::evaluate(std::string_view request, bool pretty) const {
  ensure_memory_reserve();
  return unless_exhausted(false, [&] {
    Evaluation ev;
    if (request.size() > kMaxRequestBytes) {
      ev.malformed = true;
      write_compact(too_large(msg::request_too_large::request{}), ev.json);
    } else {
      // nlohmann's parser recurses once per level: deep nesting is refused before
      // anything is parsed, so that no request can exhaust the stack (wasm's is small).
      bool not_json = false;
      Nesting nesting = Nesting::unchecked;
      auto split = split_reports(request, kMaxDepth, limits::kObjectMembers, nesting, not_json);
      if (nesting == Nesting::unchecked) nesting = nesting_within(request, kMaxDepth, limits::kObjectMembers);
      if (nesting == Nesting::too_deep || nesting == Nesting::too_wide) {
        Report report;
        if (nesting == Nesting::too_deep) report.malformed("", msg::request_too_deep{});
        else report.malformed("", msg::request_too_large::members{.limit = limits::kObjectMembers});
        ev.malformed = true;
        write_compact(report.head(""), ev.json);
      } else {
        answer_request(*rules_, request, split, not_json, ev.json, ev.malformed);
      }
    }
    if (pretty) {
      Json tree = Json::parse(ev.json);
      ev.json = tree.dump(2, ' ', false, Json::error_handler_t::replace);
    }
    return ev;
  });
}


namespace {

// One report of a column table as the JSON object the request would hold.
Json report_of(const TableColumns& t, std::size_t row) {
  Json r = Json::object();
  r["period"] = row < t.periods.size() ? t.periods[row] : std::string();
  if (row < t.units.size() && !t.units[row].empty()) r["unit"] = t.units[row];
  if (row < t.submitted.size() && !t.submitted[row].empty()) r["submitted_on"] = t.submitted[row];
  Json& values = r["values"] = Json::object();
  for (std::size_t i = 0; i < t.indicators; ++i) {
    double v = t.values[row * t.indicators + i];
    if (v == v) values[std::to_string(i + 1)] = v;  // NaN: an empty cell
  }
  return r;
}

// One report of a column table: a row straight from the columns, or the tree above
// when its submission date does not exist (the tree's reading reports that).
class ColumnReport : public ReportInput {
 public:
  ColumnReport(const TableColumns& table, std::size_t index, ReportRow& row)
      : table_(table), index_(index), row_(row) {}

  const ReportRow* row(std::size_t indicators) override {
    const TableColumns& t = table_;
    row_.period = t.periods[index_];
    row_.unit = index_ < t.units.size() ? std::string_view(t.units[index_]) : std::string_view();
    row_.submitted.reset();
    if (index_ < t.submitted.size() && !t.submitted[index_].empty())
      if (!(row_.submitted = parse_date(t.submitted[index_]))) return nullptr;
    row_.cells.assign(indicators, ReportCell{});
    for (std::size_t i = 0; i < t.indicators; ++i) {
      double v = t.values[index_ * t.indicators + i];
      if (v != v) continue;  // NaN: an empty cell
      if (i >= indicators) return nullptr;  // a column the template does not have
      row_.cells[i].present = true;
      row_.cells[i].number = v;
    }
    return &row_;
  }

  const Json* tree() override {
    tree_ = report_of(table_, index_);
    return &tree_;
  }

 private:
  const TableColumns& table_;
  std::size_t index_;
  ReportRow& row_;  // reused from report to report
  Json tree_;
};

}  // namespace

Evaluation Engine::evaluate_table(const TableColumns& table) const {
  ensure_memory_reserve();
  return unless_exhausted(true, [&] {
    Evaluation ev;
    Json request = table.request.find('\0') == std::string::npos ? Json::parse(table.request, nullptr, false)
                                                                  : Json(Json::value_t::discarded);
    std::size_t rows = table.indicators ? table.values.size() / table.indicators : 0;
    if (!request.is_object() || table.indicators == 0 || table.values.size() % table.indicators != 0 ||
        table.periods.size() != rows) {
      Report report;
      report.malformed("", msg::request_type::table_columns{});
      write_compact(report.head("summary_table"), ev.json);
      ev.malformed = true;
      return ev;
    }
    request["kind"] = "summary_table";
    Json& reports = request["reports"] = Json::array();
    if (rows) reports.push_back(report_of(table, 0));
    ReportSource source;
    source.size = rows;
    source.each = [&table, rows](const std::function<void(ReportInput&)>& each) {
      ReportRow scratch;
      for (std::size_t row = 0; row < rows; ++row) {
        ColumnReport input(table, row, scratch);
        each(input);
      }
    };
    Result result = answer_one(*rules_, request, ev.malformed, &source);
    write_within_limit(result, ev.json, ev.malformed);
    return ev;
  });
}

const char* internal_error_answer(bool table) {
  return table
             ? R"({"kind":"summary_table","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]})"
             : R"({"kind":"","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]})";
}

const Engine& default_engine() {
  static const Engine engine(embedded_rules());
  return engine;
}

std::string evaluate(std::string_view request) { return default_engine().evaluate(request).json; }

}  // namespace jianxi
