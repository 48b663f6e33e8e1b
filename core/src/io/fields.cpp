#include "io/fields.h"

#include <cmath>

namespace jianxi {

std::string pointer_append(const std::string& base, const std::string& key) {
  std::string out;
  out.reserve(base.size() + 1 + key.size());
  out += base;
  out += '/';
  std::size_t run = 0;  // copied in runs: wasm's libc++ does not inline a character append
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '~' && key[i] != '/') continue;
    out.append(key, run, i - run);
    out += key[i] == '~' ? "~0" : "~1";
    run = i + 1;
  }
  out.append(key, run, std::string::npos);
  return out;
}

Fields::Fields(const Json& obj, std::string path, Report& report)
    : path_(std::move(path)), report_(report) {
  if (obj.is_object()) {
    obj_ = &obj;
  } else {
    report_.malformed(path_, msg::request_type::object{});
  }
}

const Json* Fields::get(const std::string& key) const {
  if (!obj_) return nullptr;
  auto it = obj_->find(key);
  if (it == obj_->end() || it->is_null()) return nullptr;
  return &*it;
}

const Text* Fields::label_of(const std::string& key) const {
  if (labels_) {
    auto it = labels_->find(key);
    if (it != labels_->end()) return &it->second;
  }
  return report_.known_field_label(key);
}

void Fields::missing(const std::string& key) {
  const Text* label = label_of(key);
  report_.error(path(key), msg::field_required::missing{.field = label ? *label : Text{key, key}});
}

void report_wrong_type(Report& report, std::string path, const Text* label, Text type) {
  if (label)
    report.malformed(std::move(path), msg::request_type::field_expected{.field = *label, .type = std::move(type)});
  else
    report.malformed(std::move(path), msg::request_type::expected{.type = std::move(type)});
}

void Fields::wrong_type(const std::string& key, Text type) { report_wrong_type(report_, path(key), label_of(key), std::move(type)); }

std::optional<std::string> Fields::text(const std::string& key, bool required) {
  const std::string* t = text_ref(key, required);
  if (!t) return std::nullopt;
  return *t;
}

const std::string* Fields::text_ref(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return nullptr;
  }
  if (!v->is_string()) {
    wrong_type(key, msg::value_type::string{}.text());
    return nullptr;
  }
  return &v->get_ref<const std::string&>();
}

std::optional<Date> Fields::date(const std::string& key, bool required) {
  auto t = text(key, required);
  if (!t) return std::nullopt;
  auto d = parse_date(*t);
  if (!d)
    report_.error(path(key), msg::date_invalid::value{.value = *t});
  return d;
}

std::optional<double> Fields::number(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return std::nullopt;
  }
  if (!v->is_number()) {
    wrong_type(key, msg::value_type::number{}.text());
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> Fields::flag(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    wrong_type(key, msg::value_type::boolean{}.text());
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<long long> Fields::whole(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return std::nullopt;
  }
  // Beyond 9e15 no count or month is meant, and a double no longer holds one exactly;
  // an unsigned value of 2^63 or more would turn negative as a long long.
  constexpr double kLargest = 9e15;
  bool too_large = false;
  if (v->is_number_unsigned()) {
    auto u = v->get<unsigned long long>();
    if (u < static_cast<unsigned long long>(kLargest)) return static_cast<long long>(u);
    too_large = true;
  } else if (v->is_number_integer()) {
    auto i = v->get<long long>();
    if (std::fabs(static_cast<double>(i)) < kLargest) return i;
    too_large = true;
  } else if (v->is_number_float()) {
    double d = v->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < kLargest) return static_cast<long long>(d);
    too_large = !std::isfinite(d) || std::fabs(d) >= kLargest;
    if (!too_large) {
      report_.error(path(key), msg::number_not_whole{});
      return std::nullopt;
    }
  }
  if (too_large) {
    report_.error(path(key), msg::count_invalid{});
    return std::nullopt;
  }
  wrong_type(key, msg::value_type::integer{}.text());
  return std::nullopt;
}

const Json* Fields::array(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return nullptr;
  }
  if (!v->is_array()) {
    wrong_type(key, msg::value_type::array{}.text());
    return nullptr;
  }
  return v;
}

const Json* Fields::object(const std::string& key, bool required) {
  const Json* v = get(key);
  if (!v) {
    if (required && obj_) missing(key);
    return nullptr;
  }
  if (!v->is_object()) {
    wrong_type(key, msg::value_type::object{}.text());
    return nullptr;
  }
  return v;
}

}  // namespace jianxi
