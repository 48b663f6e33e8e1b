// embind bindings: evaluate(request) → result, both JSON text. The core already
// answers every failure as a result; the catch here keeps even the unforeseen
// (allocation failure) from reaching JavaScript as a bare pointer.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace {

std::string evaluate_json(const std::string& request) {
  try {
    return jianxi::evaluate(request);
  } catch (...) {
    return R"({"kind":"","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]})";
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1)
    out.push_back(text.substr(from, at - from));
  out.push_back(text.substr(from));
  return out;
}

// The portal's typed entry: periods, units and submission dates as newline-separated text, the values as
// a Float64Array (row-major, NaN for an empty cell).
std::string evaluate_table(const std::string& request, const std::string& periods, const std::string& units,
                           const std::string& submitted, const emscripten::val& values, int indicators) {
  try {
    jianxi::TableColumns table;
    table.request = request;
    table.values = emscripten::convertJSArrayToNumberVector<double>(values);
    table.indicators = indicators > 0 ? static_cast<std::size_t>(indicators) : 0;
    std::size_t rows = table.indicators ? table.values.size() / table.indicators : 0;
    if (rows) {
      table.periods = lines_of(periods);
      table.units = lines_of(units);
      table.submitted = lines_of(submitted);
    }
    return jianxi::default_engine().evaluate_table(table).json;
  } catch (...) {
    return R"({"kind":"summary_table","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]})";
  }
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(jianxi) {
  emscripten::function("evaluate", &evaluate_json);
  emscripten::function("evaluateTable", &evaluate_table);
  emscripten::function("version", &version);
}
