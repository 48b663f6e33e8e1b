// The service's settings, from its command line.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace jianxi::server {

struct Config {
  std::string host = "127.0.0.1";
  unsigned short port = 8090;           // 0: any free port (the chosen one is logged)
  unsigned threads = 0;                 // I/O threads; 0: one per core
  unsigned evaluators = 0;              // evaluating threads; 0: one per core
  std::size_t max_pending = 0;          // evaluations running or queued; 0: 64 per evaluator
  std::chrono::milliseconds read_timeout{30000};   // a whole request, first byte to last
  std::chrono::milliseconds idle_timeout{60000};   // a kept-alive connection waiting
  std::chrono::milliseconds drain_timeout{30000};  // after SIGTERM, before cutting
  std::chrono::milliseconds write_timeout{30000};  // each part of an answer, not the whole
  // The engine answers bodies up to 64 MiB; larger ones get 413 from the header alone.
  std::size_t max_body_bytes = std::size_t{64} << 20;
  // Open connections; 0: the descriptor limit less a reserve. At the maximum the one
  // idle the longest is closed, so that a health check always gets in.
  std::size_t max_connections = 0;
  // All request bodies in flight together (read or waiting for evaluation); beyond, 503.
  std::size_t body_budget_bytes = std::size_t{256} << 20;
};

// Parses argv. On --help prints the usage and returns nullopt with `exit_code` 0;
// on a bad argument prints why and returns nullopt with `exit_code` 2.
std::optional<Config> parse_config(int argc, char** argv, int& exit_code);

}  // namespace jianxi::server
