#include "io/message.h"

#include "finding_messages.h"

#include <nlohmann/json.hpp>

namespace jianxi {
namespace {

std::string fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, const Arg*>> args,
                 bool zh) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    std::size_t close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += c;
      continue;
    }
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    // The generator gave the struct exactly the template's slots, so the name is found.
    for (const auto& [slot, value] : args)
      if (slot == name) out += value->in(zh);
    i = close;
  }
  return out;
}

}  // namespace

nlohmann::ordered_json message_templates_json() {
  auto out = nlohmann::ordered_json::array();
  for (const MessageTemplate& t : message_templates()) {
    nlohmann::ordered_json j;
    j["code"] = t.code;
    if (*t.variant) j["variant"] = t.variant;
    j["message"] = t.zh;
    j["message_en"] = t.en;
    out.push_back(std::move(j));
  }
  return out;
}

Text fill_message(std::size_t index, std::initializer_list<std::pair<std::string_view, const Arg*>> args) {
  const MessageTemplate& t = message_templates()[index];
  return {fill(t.zh, args, true), fill(t.en, args, false)};
}

std::optional<std::size_t> template_of(std::string_view code) {
  const auto& all = message_templates();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (code == all[i].code && !*all[i].variant) return i;
  return std::nullopt;
}

Text confidence_words(const std::string& level) {
  if (level == "high") return msg::value_confidence::high{}.text();
  if (level == "medium") return msg::value_confidence::medium{}.text();
  if (level == "low") return msg::value_confidence::low{}.text();
  return {level, level};
}

}  // namespace jianxi
