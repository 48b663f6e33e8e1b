// embind bindings: evaluate(request) → result, both JSON text. The core already
// answers every failure as a result; the catch here keeps even the unforeseen
// (allocation failure) from reaching JavaScript as a bare pointer.
#include <emscripten/bind.h>

#include <string>

#include "jianxi/engine.h"

namespace {

std::string evaluate_json(const std::string& request) {
  try {
    return jianxi::evaluate(request);
  } catch (...) {
    return R"({"kind":"","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]})";
  }
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(jianxi) {
  emscripten::function("evaluate", &evaluate_json);
  emscripten::function("version", &version);
}
