// Prometheus counters for the service: requests by route, kind and status, a latency
// histogram by route, requests in flight, open connections, dropped connections, and
// the process's resident memory.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace jianxi::server {

class Metrics {
 public:
  static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                       0.1,    0.25,  0.5,    1,     2.5,  5,     10};

  void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  std::int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }
  // `route` is one of the service's paths or "other"; `kind` the evaluated kind or "".
  void request_finished(std::string_view route, std::string_view kind, int status, double seconds);
  void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  // reason: "timeout", "too_large", "bad_request", "evicted" (idle, to make room),
  // "too_many" (no room), "write_timeout" (an answer not read: cut by the service),
  // "reset_before_header" (the client went away in the middle of a header).
  void connection_dropped(std::string_view reason);

  // The exposition text (text/plain; version=0.0.4).
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t total = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, std::uint64_t> dropped_;
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::int64_t> connections_{0};
};

// The label a result's kind gets: a known kind, "batch" for an array, else "other"
// (so that no request can create label values of its own).
std::string_view kind_label(std::string_view result_json);

}  // namespace jianxi::server
