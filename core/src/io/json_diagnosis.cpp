#include "io/json_diagnosis.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace jianxi {
namespace {

using Json = nlohmann::ordered_json;

// Follows the parse to know the JSON Pointer of the value being read when it fails.
class PathTracker : public nlohmann::json_sax<Json> {
 public:
  std::optional<std::string> overflow_at;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& name) override {
    levels_.back().key = name;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    if (e.id == 406) overflow_at = pointer();  // "number overflow"
    return false;
  }

 private:
  struct Level {
    bool array;
    std::size_t index = 0;
    std::string key;
  };

  bool scalar() {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    return true;
  }
  bool open(bool array) {
    levels_.push_back({array, 0, {}});
    return true;
  }
  bool close() {
    levels_.pop_back();
    return scalar();
  }

  std::string pointer() const {
    std::string out;
    for (const Level& level : levels_) {
      out += '/';
      if (level.array) {
        out += std::to_string(level.index);
        continue;
      }
      for (char c : level.key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
      }
    }
    return out;
  }

  std::vector<Level> levels_;
};

}  // namespace

std::optional<std::string> number_out_of_range_at(std::string_view text) {
  PathTracker tracker;
  Json::sax_parse(text, &tracker, nlohmann::detail::input_format_t::json, true, false);
  return tracker.overflow_at;
}

}  // namespace jianxi
