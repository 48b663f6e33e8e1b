#include "request_stream.h"

#include <vector>

namespace jianxi {
namespace {

// Builds trees from SAX events, as Json::parse does, except where `keep` says not to.
// Depth 1 is inside the root object; the top-level "reports" array's elements sit at depth 2.
class TreeBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  // `wanted_occurrence`: which "reports" array is streamed (0-based); -1 in the skeleton pass.
  TreeBuilder(int wanted_occurrence, const std::function<void(const Json&)>* each)
      : wanted_(wanted_occurrence), each_(each) {}

  bool null() { return value(Json(nullptr)); }
  bool boolean(bool b) { return value(Json(b)); }
  bool number_integer(number_integer_t v) { return value(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return value(Json(v)); }
  bool number_float(number_float_t v, const string_t&) { return value(Json(v)); }
  bool string(string_t& s) { return value(Json(std::move(s))); }
  bool binary(binary_t& b) { return value(Json::binary(std::move(b))); }

  bool key(string_t& k) {
    if (skipping_) return true;
    if (stack_.size() == 1 && root_is_object_) top_key_ = k;
    key_ = std::move(k);
    return true;
  }

  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    failed_ = true;
    return false;
  }

  bool failed() const { return failed_; }
  Json take() { return std::move(root_); }
  std::size_t reports() const { return last_count_; }
  int occurrences() const { return occurrences_; }

 private:
  bool in_reports_array() const { return reports_open_ && depth_ == 2; }

  // An element of the reports array begins at depth 2: keep, skip or stream it.
  bool element_starts() {
    if (!in_reports_array()) return false;
    ++count_;
    if (streaming_) {
      element_ = Json();
      return true;
    }
    skipping_ = count_ > 1;
    return false;
  }

  bool value(Json v) {
    if (skipping_ && depth_ > 2) return true;
    if (in_reports_array()) {
      bool streamed = element_starts();
      if (streamed) {
        (*each_)(v);
        return true;
      }
      if (skipping_) {
        skipping_ = false;
        return true;
      }
    }
    if (in_element_) return put(element_stack_, std::move(v));
    return put(stack_, std::move(v));
  }

  bool open(Json container) {
    bool element = in_reports_array() && element_starts();
    ++depth_;
    if (skipping_) return true;
    if (element) {
      in_element_ = true;
      element_ = std::move(container);
      element_stack_ = {&element_};
      return true;
    }
    if (in_element_) return push(element_stack_, std::move(container));
    if (depth_ == 1) root_is_object_ = container.is_object();
    bool reports = depth_ == 2 && root_is_object_ && top_key_ == "reports" && container.is_array();
    push(stack_, std::move(container));
    if (reports) {
      reports_open_ = true;
      count_ = 0;
      streaming_ = each_ && occurrences_ == wanted_;
      ++occurrences_;
    }
    return true;
  }

  bool close() {
    --depth_;
    if (skipping_) {
      if (depth_ == 2) skipping_ = false;
      return true;
    }
    if (in_element_) {
      element_stack_.pop_back();
      if (element_stack_.empty()) {
        in_element_ = false;
        if (streaming_) (*each_)(element_);
        else put(stack_, std::move(element_));
        element_ = Json();
      }
      return true;
    }
    if (reports_open_ && depth_ == 1) {
      reports_open_ = false;
      streaming_ = false;
      last_count_ = count_;
    }
    stack_.pop_back();
    return true;
  }

  bool put(std::vector<Json*>& stack, Json v) {
    if (stack.empty()) {
      root_ = std::move(v);
      return true;
    }
    Json& top = *stack.back();
    if (top.is_array()) top.push_back(std::move(v));
    else top[key_] = std::move(v);
    return true;
  }

  bool push(std::vector<Json*>& stack, Json container) {
    if (stack.empty()) {
      root_ = std::move(container);
      stack.push_back(&root_);
      return true;
    }
    Json& top = *stack.back();
    if (top.is_array()) {
      top.push_back(std::move(container));
      stack.push_back(&top.back());
    } else {
      Json& slot = top[key_] = std::move(container);
      stack.push_back(&slot);
    }
    return true;
  }

  int wanted_;
  const std::function<void(const Json&)>* each_;
  Json root_;
  std::vector<Json*> stack_;
  Json element_;
  std::vector<Json*> element_stack_;
  std::string key_, top_key_;
  int depth_ = 0;
  bool root_is_object_ = false;
  bool reports_open_ = false, streaming_ = false, skipping_ = false, in_element_ = false;
  bool failed_ = false;
  std::size_t count_ = 0, last_count_ = 0;
  int occurrences_ = 0;
};

}  // namespace

std::optional<RequestSkeleton> parse_skeleton(std::string_view text) {
  TreeBuilder builder(-1, nullptr);
  bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
  if (!ok || builder.failed()) return std::nullopt;
  RequestSkeleton s;
  s.occurrences = builder.occurrences();
  s.reports = builder.reports();
  s.request = builder.take();
  return s;
}

void for_each_report(std::string_view text, int occurrences, const std::function<void(const Json&)>& each) {
  TreeBuilder builder(occurrences - 1, &each);
  Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
}

}  // namespace jianxi
