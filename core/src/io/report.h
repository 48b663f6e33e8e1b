// What a handler finds while answering one request: errors, warnings, and the
// interpretation notes of the rules it used, in the order they were met.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "jianxi/finding.h"
#include "kinds/engine_limits.h"
#include "finding_messages.h"
#include "values/text.h"

namespace jianxi {

struct Term;

class Report {
 public:
  // A finding from the message catalog: M is a generated msg:: struct (finding_messages.h),
  // holding its code's template and the values of its slots. The text is filled only when
  // the finding will be listed. Each call site only passes its values on: the listing and
  // filling are out of line (they were a third of a call site's code, times hundreds).
  template <class M, std::size_t = M::kTemplate>
  void error(std::string_view path, const M& m, std::string_view rule = {}) {
    add(Severity::error, path, M::kTemplate, &filled_message<M>, &m, nullptr, rule);
  }
  template <class M, std::size_t = M::kTemplate>
  void warning(std::string_view path, const M& m, std::string_view rule = {}) {
    add(Severity::warning, path, M::kTemplate, &filled_message<M>, &m, nullptr, rule);
  }
  template <class M, std::size_t = M::kTemplate>
  void caveat(std::string_view path, const M& plain, const Text& detail, std::string_view rule = {}) {
    add(Severity::warning, path, M::kTemplate, &filled_message<M>, &plain, &detail, rule);
  }
  // An error whose reasons in the rules' words (a notice's own note) stand apart from its
  // plain line, as a caveat's do.
  template <class M, std::size_t = M::kTemplate>
  void error_explained(std::string_view path, const M& plain, const Text& detail, std::string_view rule = {}) {
    add(Severity::error, path, M::kTemplate, &filled_message<M>, &plain, &detail, rule);
  }
  template <class M, std::size_t = M::kTemplate>
  void malformed(std::string_view path, const M& m) {
    add(Severity::malformed, path, M::kTemplate, &filled_message<M>, &m, nullptr, {});
  }

  // Hand-composed findings: what the catalog's templates have not yet replaced.
  void error(std::string path, std::string code, std::string zh, std::string en,
             std::string rule = {});
  void warning(std::string path, std::string code, std::string zh, std::string en,
               std::string rule = {});
  // A warning that a figure rests on a source below high confidence: one plain line,
  // and the sources and confidence as its detail.
  void caveat(std::string path, std::string code, const Text& plain, const Text& detail, std::string rule = {});
  void error_explained(std::string path, std::string code, const Text& plain, const Text& detail, std::string rule = {});
  // The request itself is not understood (not JSON, wrong type, unknown kind).
  void malformed(std::string path, std::string code, std::string zh, std::string en);
  // Records an interpretation once per rule, so the result can show every reading used.
  void interpretation(const std::string& rule, const Text& text);

  bool has_errors() const { return !errors_.empty(); }
  // Whether a further error or warning would still be listed; past the limit a caller
  // may skip composing its message and only count it.
  bool lists_errors() const { return errors_.size() < kMaxFindings; }
  bool lists_warnings() const { return warnings_.size() < kMaxFindings; }
  void count_error() { ++errors_dropped_; }
  void count_warning() { ++warnings_dropped_; }
  bool is_malformed() const { return malformed_; }
  std::size_t error_count() const { return errors_.size() + errors_dropped_; }

  // Writes kind, ok, errors and warnings, in the contract's order, into a fresh result.
  nlohmann::ordered_json head(const std::string& kind) const;
  // Appends the interpretations, if any, at the end of a result.
  void tail(nlohmann::ordered_json& result) const;

 // The labels a finding uses for request fields (rules/vocabulary/terms.json); a field
  // without one is named by its key.
  void use_field_labels(const std::vector<Term>* labels) { field_labels_ = labels; }
  const Text* known_field_label(const std::string& key) const;  // nullptr: the key has none

 private:
  const std::vector<Term>* field_labels_ = nullptr;
  // A table of 100k bad rows must not answer with millions of findings: past this
  // many of a kind, findings are counted, and one last finding says how many.
  static constexpr std::size_t kMaxFindings = limits::kFindingsListed;

  std::vector<Finding> errors_;
  std::vector<Finding> warnings_;
  std::size_t errors_dropped_ = 0;
  std::size_t warnings_dropped_ = 0;
  std::vector<std::pair<std::string, Text>> interpretations_;
  bool malformed_ = false;

  enum class Severity { error, warning, malformed };
  void add(Severity severity, std::string_view path, std::size_t template_index, MessageFiller fill, const void* message,
           const Text* detail, std::string_view rule);
};

nlohmann::ordered_json to_json(const Finding& f);

}  // namespace jianxi
