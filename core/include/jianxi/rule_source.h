// Rule files as text. The engine never opens files: callers hand it the text of
// rules/ (the CLI and the web module use the copy embedded at build time).
#pragma once

#include <set>
#include <string>
#include <string_view>
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

// The provinces whose rules are not embedded but delivered as files of their own (the
// wasm module carries only their manifests and their notices' heads); empty when every
// file is embedded.
const std::vector<std::string>& separately_delivered_provinces();

// How the rules reach an engine that does not hold every province at once.
struct RuleDelivery {
  // Provinces whose manifest and notices are given but whose other files are not yet:
  // their notices are read as heads (identity, dates, how much is known, application
  // rules), and a request that needs one is answered rules.not_loaded, never computed
  // without them.
  std::set<std::string> absent;
  // The version of the whole rules/ folder; empty: the hash of the texts given.
  std::string version;
  // true: the texts were checked at build time (against rules/schema.json, and every
  // cited clause quoted), so loading skips those checks.
  bool checked_at_build = false;
};

// A province's rules file as the wasm build writes it, {"province": id, "files":
// {path: document, …}}, whose paths all lie in that province's folder: sets `province`
// and `texts`, or returns false when the text is not such a file.
bool read_province_file(std::string_view text, std::string& province, std::vector<RuleText>& texts);

}  // namespace jianxi
