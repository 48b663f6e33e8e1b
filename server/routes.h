// What the service answers, apart from HTTP itself: a request's method, target and
// body in, a status, headers and body out. No networking here.
#pragma once

#include <string>
#include <string_view>

#include "metrics.h"

namespace jianxi::server {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::string etag;           // quoted, when the answer has one
  std::string cache_control;  // when set
  std::string allow;          // on 405
  std::string retry_after;    // seconds, on 503
  std::string_view kind;      // the metrics label of an evaluated request
};

class Routes {
 public:
  // Warms the engine and keeps the catalog's index and the rules' content hash.
  explicit Routes(const Metrics& metrics);

  Reply handle(std::string_view method, std::string_view target, std::string_view if_none_match,
               std::string_view body) const;

  // Whether answering may take long (the engine evaluates): done on an evaluator thread.
  static bool evaluates(std::string_view method, std::string_view target);
  // The answer when the evaluators are full, or memory ran out: 503, try again shortly.
  static Reply busy(std::string_view code, std::string_view message_en);
  // The metrics label of a target: one of the service's paths, else "other".
  static std::string_view route_label(std::string_view target);

  const std::string& rules_version() const { return rules_version_; }

 private:
  Reply evaluate(std::string_view body) const;
  Reply catalog(std::string_view query, std::string_view if_none_match) const;
  Reply healthz() const;

  const Metrics& metrics_;
  std::string catalog_;        // the CLI's bytes for {"kind":"catalog"}
  std::string rules_version_;  // from the catalog: a content hash of the rules
  std::string etag_;
  bool rules_sound_ = false;
};

// A small JSON error body for answers that are not the engine's (404, 405, 413, ...).
std::string error_body(std::string_view code, std::string_view message_en);

}  // namespace jianxi::server
