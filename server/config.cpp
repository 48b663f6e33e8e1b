#include "config.h"

#include <sys/resource.h>

#include <iostream>
#include <string_view>
#include <thread>

namespace jianxi::server {
namespace {

constexpr const char* kUsage =
    "usage: jianxi-server [--listen HOST:PORT] [--threads N] [--evaluators N] [--max-pending N]\n"
    "                     [--body-budget-mb MB] [--max-connections N] [--read-timeout-ms MS]\n"
    "                     [--idle-timeout-ms MS] [--write-timeout-ms MS] [--drain-timeout-ms MS]\n"
    "Serves the rule core over HTTP/1.1:\n"
    "  POST /v1/evaluate   a request (or batch array) as the CLI takes it; the CLI's bytes back,\n"
    "                      200 when understood, 400 when malformed, 413 over 64 MiB\n"
    "  GET  /v1/catalog    the catalog index (?sections=policies,forms adds, ?province=ID or ?policy=ID narrows); ETag from the rules' hash\n"
    "  GET  /healthz       200 when the rules are sound\n"
    "  GET  /metrics       Prometheus text\n"
    "Defaults: 127.0.0.1:8090, one I/O thread and one evaluator thread per core, at most\n"
    "64 evaluations per evaluator running or queued (beyond: 503 with Retry-After), read\n"
    "30000 ms, idle 60000 ms, write 30000 ms (each part of an answer must be taken within\n"
    "it; a large answer may take longer in all), drain 30000 ms, 256 MB for all request\n"
    "bodies in flight\n"
    "(beyond: 503), connections up to the descriptor limit less 32 (beyond: the one idle\n"
    "the longest is closed). Port 0 takes a free port; the chosen one is logged on stderr.\n"
    "SIGTERM or SIGINT: stop accepting, answer the requests in flight, exit 0.\n";

bool parse_ms(std::string_view text, std::chrono::milliseconds& out) {
  if (text.empty() || text.size() > 9) return false;
  long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value == 0) return false;
  out = std::chrono::milliseconds(value);
  return true;
}

bool parse_listen(std::string_view text, Config& config) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) return false;
  std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty() || port.size() > 5) return false;
  unsigned long value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value > 65535) return false;
  config.host = std::string(host);
  config.port = static_cast<unsigned short>(value);
  return true;
}

}  // namespace

std::optional<Config> parse_config(int argc, char** argv, int& exit_code) {
  Config config;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      exit_code = 0;
      return std::nullopt;
    }
    bool ok = i + 1 < argc;
    std::string_view value = ok ? argv[++i] : "";
    if (!ok) {
    } else if (arg == "--listen") {
      ok = parse_listen(value, config);
    } else if (arg == "--threads") {
      std::chrono::milliseconds n{};
      ok = parse_ms(value, n) && n.count() <= 256;
      config.threads = static_cast<unsigned>(n.count());
    } else if (arg == "--evaluators" || arg == "--max-pending") {
      std::chrono::milliseconds n{};
      ok = parse_ms(value, n) && n.count() <= (arg == "--evaluators" ? 256 : 100000);
      if (arg == "--evaluators") config.evaluators = static_cast<unsigned>(n.count());
      else config.max_pending = static_cast<std::size_t>(n.count());
    } else if (arg == "--max-connections") {
      std::chrono::milliseconds n{};
      ok = parse_ms(value, n);
      config.max_connections = static_cast<std::size_t>(n.count());
    } else if (arg == "--body-budget-mb") {
      std::chrono::milliseconds n{};
      ok = parse_ms(value, n) && n.count() <= 1 << 20;
      config.body_budget_bytes = static_cast<std::size_t>(n.count()) << 20;
    } else if (arg == "--read-timeout-ms") {
      ok = parse_ms(value, config.read_timeout);
    } else if (arg == "--idle-timeout-ms") {
      ok = parse_ms(value, config.idle_timeout);
    } else if (arg == "--write-timeout-ms") {
      ok = parse_ms(value, config.write_timeout);
    } else if (arg == "--drain-timeout-ms") {
      ok = parse_ms(value, config.drain_timeout);
    } else {
      ok = false;
    }
    if (!ok) {
      std::cerr << "jianxi-server: bad argument " << arg << (value.empty() ? "" : " ") << value << "\n" << kUsage;
      exit_code = 2;
      return std::nullopt;
    }
  }
  if (config.threads == 0) config.threads = std::max(1u, std::thread::hardware_concurrency());
  // Descriptors beyond the connections: the listener, the log, the evaluators' and the
  // runtime's own, and room to accept while the idle connection closes.
  constexpr std::size_t kReservedDescriptors = 32;
  rlimit files{};
  std::size_t descriptors = getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY
                                ? static_cast<std::size_t>(files.rlim_cur)
                                : 65536;
  std::size_t most = descriptors > 2 * kReservedDescriptors ? descriptors - kReservedDescriptors : descriptors / 2;
  if (config.max_connections == 0 || config.max_connections > most) config.max_connections = most;
  if (config.evaluators == 0) config.evaluators = std::max(1u, std::thread::hardware_concurrency());
  if (config.max_pending == 0) config.max_pending = std::size_t{64} * config.evaluators;
  return config;
}

}  // namespace jianxi::server
