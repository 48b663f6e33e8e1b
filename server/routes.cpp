#include "routes.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jianxi/engine.h"

namespace jianxi::server {
namespace {

constexpr std::string_view kEvaluate = "/v1/evaluate";
constexpr std::string_view kCatalog = "/v1/catalog";
constexpr std::string_view kHealth = "/healthz";
constexpr std::string_view kMetrics = "/metrics";

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

std::string_view query_of(std::string_view target) {
  auto q = target.find('?');
  return q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The value of `name` in a query string, if present.
bool query_param(std::string_view query, std::string_view name, std::string& value) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1));
      return true;
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return false;
}

// If-None-Match: "*" or a list of entity tags, weak or strong (compared weakly, RFC 9110 13.1.2).
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = header.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

// `text` for a JSON string literal: quote, backslash and control bytes escaped, every
// other byte as it is (bytes that are not UTF-8 included).
std::string json_escaped_bytes(std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

Reply not_allowed(std::string allow) {
  Reply r;
  r.status = 405;
  r.allow = std::move(allow);
  r.body = error_body("http.method", "method not allowed; see Allow");
  return r;
}

}  // namespace

std::string error_body(std::string_view code, std::string_view message_en) {
  nlohmann::json body = {{"ok", false}, {"error", code}, {"message_en", message_en}};
  return body.dump() + "\n";
}

Routes::Routes(const Metrics& metrics) : metrics_(metrics) {
  const Engine& engine = default_engine();
  rules_sound_ = engine.rule_problems().empty();
  Evaluation result = engine.evaluate(R"({"kind":"catalog"})");
  catalog_ = result.json + "\n";
  auto parsed = nlohmann::json::parse(result.json, nullptr, false);
  if (parsed.is_object() && parsed.contains("rules_version") && parsed["rules_version"].is_string())
    rules_version_ = parsed["rules_version"].get<std::string>();
  if (!rules_version_.empty()) etag_ = "\"" + rules_version_ + "\"";
}

std::string_view Routes::route_label(std::string_view target) {
  auto path = path_of(target);
  for (auto known : {kEvaluate, kCatalog, kHealth, kMetrics})
    if (path == known) return known;
  return "other";
}

bool Routes::evaluates(std::string_view method, std::string_view target) {
  auto path = path_of(target);
  return (path == kEvaluate && method == "POST") ||
         (path == kCatalog && (method == "GET" || method == "HEAD") && !query_of(target).empty());
}

Reply Routes::busy(std::string_view code, std::string_view message_en) {
  Reply r;
  r.status = 503;
  r.retry_after = "1";
  r.body = error_body(code, message_en);
  return r;
}

Reply Routes::handle(std::string_view method, std::string_view target, std::string_view if_none_match,
                     std::string_view body) const {
  auto path = path_of(target);
  if (path == kEvaluate) return method == "POST" ? evaluate(body) : not_allowed("POST");
  bool get = method == "GET" || method == "HEAD";  // HEAD: the session leaves out the body
  if (path == kCatalog) return get ? catalog(query_of(target), if_none_match) : not_allowed("GET, HEAD");
  if (path == kHealth) return get ? healthz() : not_allowed("GET, HEAD");
  if (path == kMetrics) {
    if (!get) return not_allowed("GET, HEAD");
    Reply r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics_.render();
    return r;
  }
  Reply r;
  r.status = 404;
  r.body = error_body("http.not_found", "no such path; see /v1/evaluate, /v1/catalog, /healthz, /metrics");
  return r;
}

Reply Routes::evaluate(std::string_view body) const {
  Evaluation result = default_engine().evaluate(body);
  if (result.exhausted) return busy("http.exhausted", "the service ran out of memory answering this request");
  Reply r;
  r.status = result.malformed ? 400 : 200;
  r.kind = kind_label(result.json);
  r.body = std::move(result.json);
  r.body += '\n';  // the CLI's bytes: the compact result and a line end
  return r;
}

Reply Routes::catalog(std::string_view query, std::string_view if_none_match) const {
  Reply r;
  r.kind = "catalog";
  std::string policy, province, sections;
  bool narrowed = query_param(query, "policy", policy);
  bool in_province = query_param(query, "province", province);
  bool sectioned = query_param(query, "sections", sections);
  if (narrowed || in_province || sectioned) {
    // The request the CLI would be given (sections=a,b as ["a","b"]); text that is not
    // UTF-8 (%ff) stays as it is, so the engine refuses it as it refuses such a request
    // (400 with its finding).
    std::string request = R"({"kind":"catalog")";
    if (narrowed) request += R"(,"policy":")" + json_escaped_bytes(policy) + "\"";
    if (in_province) request += R"(,"province":")" + json_escaped_bytes(province) + "\"";
    if (sectioned) {
      request += R"(,"sections":[)";
      for (std::size_t from = 0, n = 0; from <= sections.size(); ++n) {
        auto comma = std::min(sections.find(',', from), sections.size());
        request += (n ? ",\"" : "\"") + json_escaped_bytes(std::string_view(sections).substr(from, comma - from)) + "\"";
        from = comma + 1;
      }
      request += "]";
    }
    request += "}";
    Evaluation result = default_engine().evaluate(request);
    if (result.exhausted) return busy("http.exhausted", "the service ran out of memory answering this request");
    r.status = result.malformed ? 400 : 200;
    r.body = std::move(result.json) + "\n";
  } else {
    r.body = catalog_;
  }
  if (r.status == 200 && !etag_.empty()) {
    // The rules are embedded and fixed for the process's life: the answer changes only
    // with the rules' content hash.
    r.etag = etag_;
    r.cache_control = "no-cache";
    if (!if_none_match.empty() && etag_matches(if_none_match, etag_)) {
      r.status = 304;
      r.body.clear();
    }
  }
  return r;
}

Reply Routes::healthz() const {
  Reply r;
  r.status = rules_sound_ ? 200 : 503;
  r.body = nlohmann::json{{"ok", rules_sound_}, {"rules_version", rules_version_}}.dump() + "\n";
  return r;
}

}  // namespace jianxi::server
