#include "io/report.h"

#include "io/echo.h"
#include "io/json_writer.h"
#include "model/rule_set.h"

namespace jianxi {
namespace {

Finding bounded(std::string path, std::string code, std::string zh, std::string en, std::string rule) {
  cut_to_bytes(path, limits::kFindingTextBytes);
  cut_to_bytes(zh, limits::kFindingTextBytes);
  cut_to_bytes(en, limits::kFindingTextBytes);
  return {std::move(path), std::move(code), std::move(zh), std::move(en), std::move(rule), {}, {}};
}

// A plain line with the rules' reasons apart. The detail is the rules' own text, never
// an echo of the request: it is not cut.
Finding explained(std::string path, std::string code, const Text& plain, const Text& detail, std::string rule) {
  Finding f = bounded(std::move(path), std::move(code), plain.zh, plain.en, std::move(rule));
  f.detail = detail.zh;
  f.detail_en = detail.en;
  return f;
}

}  // namespace

void Report::error(std::string path, std::string code, std::string zh, std::string en,
                   std::string rule) {
  if (errors_.size() >= kMaxFindings) {
    ++errors_dropped_;
    return;
  }
  errors_.push_back(bounded(std::move(path), std::move(code), std::move(zh), std::move(en), std::move(rule)));
}

void Report::warning(std::string path, std::string code, std::string zh, std::string en,
                     std::string rule) {
  if (warnings_.size() >= kMaxFindings) {
    ++warnings_dropped_;
    return;
  }
  warnings_.push_back(bounded(std::move(path), std::move(code), std::move(zh), std::move(en), std::move(rule)));
}

void Report::caveat(std::string path, std::string code, const Text& plain, const Text& detail,
                    std::string rule) {
  if (warnings_.size() >= kMaxFindings) {
    ++warnings_dropped_;
    return;
  }
  warnings_.push_back(explained(std::move(path), std::move(code), plain, detail, std::move(rule)));
}

void Report::error_explained(std::string path, std::string code, const Text& plain, const Text& detail,
                             std::string rule) {
  if (errors_.size() >= kMaxFindings) {
    ++errors_dropped_;
    return;
  }
  errors_.push_back(explained(std::move(path), std::move(code), plain, detail, std::move(rule)));
}

void Report::add(Severity severity, std::string_view path, std::size_t template_index, MessageFiller fill,
                 const void* message, const Text* detail, std::string_view rule) {
  if (severity == Severity::malformed) malformed_ = true;
  bool is_error = severity != Severity::warning;
  if ((is_error ? errors_ : warnings_).size() >= kMaxFindings) {
    ++(is_error ? errors_dropped_ : warnings_dropped_);
    return;
  }
  std::string code = message_templates()[template_index].code;
  Text text = fill(message);
  Finding f = detail ? explained(std::string(path), std::move(code), text, *detail, std::string(rule))
                     : bounded(std::string(path), std::move(code), std::move(text.zh), std::move(text.en), std::string(rule));
  (is_error ? errors_ : warnings_).push_back(std::move(f));
}

void Report::malformed(std::string path, std::string code, std::string zh,
                       std::string en) {
  malformed_ = true;
  error(std::move(path), std::move(code), std::move(zh), std::move(en));
}

void Report::interpretation(const std::string& rule, const Text& text) {
  if (text.empty()) return;
  for (const auto& [r, t] : interpretations_)
    if (r == rule && t.en == text.en) return;
  interpretations_.emplace_back(rule, text);
}

nlohmann::ordered_json to_json(const Finding& f) {
  nlohmann::ordered_json j;
  j["path"] = f.path;
  j["code"] = f.code;
  j["message"] = f.message;
  j["message_en"] = f.message_en;
  if (!f.rule.empty()) j["rule"] = f.rule;
  if (!f.detail.empty()) {
    j["detail"] = f.detail;
    j["detail_en"] = f.detail_en;
  }
  return j;
}

namespace {

// The findings as compact JSON text, exactly as write_compact writes to_json of each:
// written once here instead of as a tree that is then written.
void write_finding(const Finding& f, std::string& out) {
  out += "{\"path\":";
  write_json_string(f.path, out);
  out += ",\"code\":";
  write_json_string(f.code, out);
  out += ",\"message\":";
  write_json_string(f.message, out);
  out += ",\"message_en\":";
  write_json_string(f.message_en, out);
  if (!f.rule.empty()) {
    out += ",\"rule\":";
    write_json_string(f.rule, out);
  }
  if (!f.detail.empty()) {
    out += ",\"detail\":";
    write_json_string(f.detail, out);
    out += ",\"detail_en\":";
    write_json_string(f.detail_en, out);
  }
  out += '}';
}

// `more` is the findings.truncated message, for when some were only counted.
template <class More>
nlohmann::ordered_json findings_json(const std::vector<Finding>& list, std::size_t dropped) {
  if (list.empty() && dropped == 0) return nlohmann::ordered_json::array();
  std::string out = "[";
  for (const auto& f : list) {
    if (out.size() > 1) out += ',';
    write_finding(f, out);
  }
  if (dropped > 0) {
    More more{.count = dropped};
    Text text = more.text();
    if (out.size() > 1) out += ',';
    write_finding({"", code_of<More>(), text.zh, text.en, "", "", ""}, out);
  }
  out += ']';
  return raw_json(out);
}

}  // namespace

nlohmann::ordered_json Report::head(const std::string& kind) const {
  nlohmann::ordered_json j;
  j["kind"] = kind;
  j["ok"] = errors_.empty();
  j["errors"] = findings_json<msg::findings_truncated::errors>(errors_, errors_dropped_);
  j["warnings"] = findings_json<msg::findings_truncated::warnings>(warnings_, warnings_dropped_);
  return j;
}

void Report::tail(nlohmann::ordered_json& result) const {
  if (interpretations_.empty()) return;
  std::string out = "[";
  for (const auto& [rule, text] : interpretations_) {
    if (out.size() > 1) out += ',';
    out += "{\"rule\":";
    write_json_string(rule, out);
    out += ",\"message\":";
    write_json_string(text.zh, out);
    out += ",\"message_en\":";
    write_json_string(text.en, out);
    out += '}';
  }
  out += ']';
  result["interpretations"] = raw_json(out);
}

const Text* Report::known_field_label(const std::string& key) const {
  if (!field_labels_) return nullptr;
  const Term* t = Vocabulary::find(*field_labels_, key);
  return t ? &t->name : nullptr;
}

}  // namespace jianxi
