// Findings' texts from the message catalog (rules/findings/codes.json): each code has a
// Chinese and an English template with named slots ("{field}"), filled here. The
// generated finding_messages.h gives one struct per template (msg::policy_unknown,
// msg::field_required::date), a member per slot, so a call site names the code and fills
// every slot, or does not compile.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "values/text.h"

namespace jianxi {

// A slot's value: the same in both languages (a value from the request, a date, a
// number), held once, or a Text (a field's label, a notice's title) whose zh fills the
// Chinese template and en the English one. No default: every slot must be filled.
struct Arg {
  Arg(std::string s) : zh(std::move(s)) {}
  Arg(std::string_view s) : zh(s) {}
  Arg(const char* s) : zh(s) {}
  Arg(Text t) : zh(std::move(t.zh)), en(std::move(t.en)), bilingual(true) {}
  template <class N, class = std::enable_if_t<std::is_integral_v<N> && !std::is_same_v<N, bool> &&
                                              !std::is_same_v<N, char>>>
  Arg(N n) : zh(std::to_string(n)) {}
  const std::string& in(bool chinese) const { return chinese || !bilingual ? zh : en; }
  std::string zh, en;
  bool bilingual = false;
};

struct MessageTemplate {
  const char* code;
  const char* variant;  // "" when the code has one template
  const char* zh;
  const char* en;
};

// Every template, in codes.json's order (generated).
const std::vector<MessageTemplate>& message_templates();

// The code of a generated message struct's template (msg::policy_unknown → "policy.unknown").
template <class M>
const char* code_of() {
  return message_templates()[M::kTemplate].code;
}

// A message struct's text, through one function per struct, so that a call site only
// passes the struct's address on (see Report::add).
using MessageFiller = Text (*)(const void* message);
template <class M>
Text filled_message(const void* message) {
  return static_cast<const M*>(message)->text();
}

// The templates as the catalog lists them (its `messages`), for a portal's own wording:
// [{code, variant (when the code has several), message, message_en}].
nlohmann::ordered_json message_templates_json();

// A figure's confidence as people read it: high, medium, low → 高, 中, 低 (else as written).
Text confidence_words(const std::string& level);

// The template's texts with each {slot} replaced by its value ({{ and }} are braces).
Text fill_message(std::size_t index, std::initializer_list<std::pair<std::string_view, const Arg*>> args);

// The index of a code's single template, for a code that rules data names (a form's
// "<section>.missing"); the rule reader refuses data naming a code without one.
std::optional<std::size_t> template_of(std::string_view code);

}  // namespace jianxi
