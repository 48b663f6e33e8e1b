// Typed reading of one JSON object of a request. A field of the wrong type is a
// malformed request (reported at its JSON Pointer); a value that is the right type
// but wrong (a date that does not exist) is an ordinary error.
#pragma once

#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <string>

#include "values/dates.h"
#include "io/report.h"

namespace jianxi {

using Json = nlohmann::ordered_json;

std::string pointer_append(const std::string& base, const std::string& key);

// A value of the wrong JSON type: malformed, named by its label where it has one.
void report_wrong_type(Report& report, std::string path, const Text* label, Text type);

class Fields {
 public:
  // Reports a malformed request when obj is not an object.
  Fields(const Json& obj, std::string path, Report& report);

  bool ok() const { return obj_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string path(const std::string& key) const { return pointer_append(path_, key); }
  // The value, or nullptr when absent or null.
  const Json* get(const std::string& key) const;

  std::optional<std::string> text(const std::string& key, bool required = false);
  // As text(), without copying: the string in the request, or nullptr.
  const std::string* text_ref(const std::string& key, bool required = false);
  std::optional<Date> date(const std::string& key, bool required = false);
  std::optional<double> number(const std::string& key, bool required = false);
  std::optional<bool> flag(const std::string& key, bool required = false);
  // A whole number (a JSON integer, or a number with no fraction).
  std::optional<long long> whole(const std::string& key, bool required = false);
  const Json* array(const std::string& key, bool required = false);
  const Json* object(const std::string& key, bool required = false);

  void missing(const std::string& key);
  void wrong_type(const std::string& key, Text type);
  // The labels of this object's fields (a form section's), ahead of the request-wide ones.
  void use_labels(const std::map<std::string, Text>* labels) { labels_ = labels; }

 private:
  const Text* label_of(const std::string& key) const;

  const std::map<std::string, Text>* labels_ = nullptr;
  const Json* obj_ = nullptr;
  std::string path_;
  Report& report_;
};

}  // namespace jianxi
