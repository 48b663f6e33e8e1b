// libFuzzer target on the one entry point. Built once per kind (JIANXI_FUZZ_KIND):
// when the input is a JSON object its "kind" is forced to that kind, so the
// mutations reach that handler instead of stopping at an unknown kind. Each object is
// also answered inside a batch, which must give the same answer.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "jianxi/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
#ifdef JIANXI_FUZZ_KIND
  auto parsed = nlohmann::ordered_json::parse(input, nullptr, false);
  if (parsed.is_object()) {
    parsed["kind"] = JIANXI_FUZZ_KIND;
    input = parsed.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
#endif
  jianxi::Evaluation result = jianxi::default_engine().evaluate(input);
  // Every answer is JSON with ok == errors.empty(); anything else is a bug.
  auto answer = nlohmann::ordered_json::parse(result.json, nullptr, false);
  if (answer.is_discarded()) __builtin_trap();
  auto check = [](const nlohmann::ordered_json& r) {
    if (!r.is_object() || r.at("ok").get<bool>() != r.at("errors").empty()) __builtin_trap();
  };
  if (answer.is_array())
    for (const auto& r : answer) check(r);
  else
    check(answer);
  // A request answers as it does inside a batch, where it is read as a whole tree: the
  // plain readers (a table's reports read as rows) must never change an answer.
  std::size_t first = input.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && input[first] == '{' && nlohmann::ordered_json::accept(input)) {
    std::string batch = jianxi::default_engine().evaluate("[" + input + "]").json;
    if (batch.front() == '[' && batch != "[" + result.json + "]") __builtin_trap();
  }
  return 0;
}
