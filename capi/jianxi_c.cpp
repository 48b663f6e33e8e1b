// The C interface of libjianxi over jianxi::default_engine(). The engine never throws;
// the catch below also covers allocation failure, so nothing escapes into C.
#include "jianxi.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "jianxi/engine.h"

#ifndef JIANXI_VERSION
#define JIANXI_VERSION "0.0.0"
#endif

extern "C" char* jianxi_evaluate_ex(const char* request, size_t len, size_t* out_len, int* malformed) {
  if (out_len) *out_len = 0;
  if (malformed) *malformed = 0;
  try {
    std::string_view text = request ? std::string_view(request, len) : std::string_view();
    jianxi::Evaluation result = jianxi::default_engine().evaluate(text);
    if (result.exhausted) return nullptr;  // the header's promise: NULL when memory ran out
    char* out = static_cast<char*>(std::malloc(result.json.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, result.json.data(), result.json.size());
    out[result.json.size()] = '\0';
    if (out_len) *out_len = result.json.size();
    if (malformed) *malformed = result.malformed ? 1 : 0;
    return out;
  } catch (...) {
    return nullptr;
  }
}

extern "C" char* jianxi_evaluate(const char* request, size_t len, size_t* out_len) {
  return jianxi_evaluate_ex(request, len, out_len, nullptr);
}

extern "C" void jianxi_free(char* result) { std::free(result); }

extern "C" const char* jianxi_version(void) { return JIANXI_VERSION; }
