// embind bindings. Requests come in as UTF-8 bytes that jianxi.js placed in the
// module's memory (TextEncoder), and answers go out as a view of that memory that
// jianxi.js decodes (TextDecoder): embind's own std::string conversion encodes and
// scans character by character in JavaScript, a third of the time of a 100,000-report
// table. The core already answers every failure as a result; the catches here keep
// even the unforeseen (allocation failure) from reaching JavaScript as a bare pointer.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jianxi/engine.h"

namespace {

std::string_view bytes_at(std::uintptr_t at, std::size_t length) {
  return {reinterpret_cast<const char*>(at), length};
}

// The last answer, kept until jianxi.js has decoded it.
std::string& answer() {
  static std::string text;
  return text;
}

emscripten::val answer_view() {
  const std::string& text = answer();
  return emscripten::val(
      emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
}

void release_answer() { std::string().swap(answer()); }

emscripten::val evaluate_bytes(std::uintptr_t at, std::size_t length) {
  try {
    answer() = jianxi::evaluate(bytes_at(at, length));
  } catch (...) {
    answer() = jianxi::internal_error_answer();
  }
  return answer_view();
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string_view::npos; from = at + 1)
    out.emplace_back(text.substr(from, at - from));
  out.emplace_back(text.substr(from));
  return out;
}

// The portal's typed entry: the request, and the periods, units and submission dates
// as newline-separated text, each as bytes in memory; the values as `count` doubles
// in memory (row-major, NaN for an empty cell).
emscripten::val evaluate_table(std::uintptr_t request, std::size_t request_length, std::uintptr_t periods,
                               std::size_t periods_length, std::uintptr_t units, std::size_t units_length,
                               std::uintptr_t submitted, std::size_t submitted_length, std::uintptr_t values,
                               std::size_t count, int indicators) {
  try {
    jianxi::TableColumns table;
    table.request = std::string(bytes_at(request, request_length));
    const double* first = reinterpret_cast<const double*>(values);
    table.values.assign(first, first + count);
    table.indicators = indicators > 0 ? static_cast<std::size_t>(indicators) : 0;
    std::size_t rows = table.indicators ? table.values.size() / table.indicators : 0;
    if (rows) {
      table.periods = lines_of(bytes_at(periods, periods_length));
      table.units = lines_of(bytes_at(units, units_length));
      table.submitted = lines_of(bytes_at(submitted, submitted_length));
    }
    answer() = jianxi::default_engine().evaluate_table(table).json;
  } catch (...) {
    answer() = jianxi::internal_error_answer(true);
  }
  return answer_view();
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(jianxi) {
  emscripten::function("evaluateBytes", &evaluate_bytes);
  emscripten::function("evaluateTableBytes", &evaluate_table);
  emscripten::function("releaseAnswer", &release_answer);
  emscripten::function("version", &version);
}
