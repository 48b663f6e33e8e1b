// The build's check that every quoted clause is the notice's own text.
#include "jianxi/engine.h"
#include "model/rule_set.h"

namespace jianxi {
namespace {

// Drops ASCII whitespace and the Unicode spaces PDF extraction leaves (U+3000, U+00A0).
std::string without_spaces(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (s.compare(i, 3, "\u3000") == 0) { i += 2; continue; }
    if (s.compare(i, 2, "\u00a0") == 0) { i += 1; continue; }
    out += s[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> Engine::misquoted_clauses(const std::map<std::string, std::string>& notices) const {
  std::vector<std::string> out;
  for (const auto& [policy, text] : notices) {
    std::string printed = without_spaces(text);
    for (const Clause* c : rules_->clauses_of(policy))
      if (printed.find(without_spaces(c->text)) == std::string::npos) out.push_back(c->id);
  }
  return out;
}

}  // namespace jianxi
