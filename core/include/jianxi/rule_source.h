// Rule files as text. The engine never opens files: callers hand it the text of
// rules/ (the CLI and the web module use the copy embedded at build time).
#pragma once

#include <string>
#include <vector>

namespace jianxi {

struct RuleText {
  std::string path;  // relative to rules/, e.g. "policies/jiangxi-2023.json"
  std::string text;
};

// The rules/ folder as it was when the core was built.
const std::vector<RuleText>& embedded_rules();

// The content hash of the embedded rules as written in rules/, when the embedded copy
// was shortened at build time (the wasm module drops the whitespace between JSON
// tokens); empty when the texts are embedded as written.
const char* embedded_rules_version();

}  // namespace jianxi
