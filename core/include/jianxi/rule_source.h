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

}  // namespace jianxi
