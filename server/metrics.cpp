#include "metrics.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace jianxi::server {
namespace {

constexpr std::string_view kKinds[] = {"policies",        "subsidy",       "eligibility", "unit_application",
                                       "summary_table",   "allocation_table", "catalog"};

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * sysconf(_SC_PAGESIZE);
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

}  // namespace

std::string_view kind_label(std::string_view json) {
  if (!json.empty() && json.front() == '[') return "batch";
  constexpr std::string_view prefix = "{\"kind\":\"";
  if (json.substr(0, prefix.size()) != prefix) return "other";
  auto rest = json.substr(prefix.size());
  auto kind = rest.substr(0, rest.find('"'));
  for (auto known : kKinds)
    if (kind == known) return known;
  return "other";
}

void Metrics::request_finished(std::string_view route, std::string_view kind, int status, double seconds) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(route), std::string(kind), status}];
  Histogram& h = latency_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.total;
  h.sum += seconds;
}

void Metrics::connection_dropped(std::string_view reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++dropped_[std::string(reason)];
}

std::string Metrics::render() const {
  std::string out;
  std::lock_guard<std::mutex> lock(mutex_);
  out += "# HELP jianxi_requests_total HTTP requests answered, by route, evaluated kind and status.\n";
  out += "# TYPE jianxi_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, kind, status] = key;
    out += "jianxi_requests_total{route=\"" + route + "\",kind=\"" + kind + "\",status=\"" +
           std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP jianxi_request_duration_seconds Time from a request's first byte to its answer written.\n";
  out += "# TYPE jianxi_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    std::string labels = "route=\"" + route + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out += "jianxi_request_duration_seconds_bucket{" + labels + ",le=\"" + number(kBuckets[i]) + "\"} " +
             std::to_string(h.counts[i]) + "\n";
    out += "jianxi_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.total) + "\n";
    out += "jianxi_request_duration_seconds_sum{" + labels + "} " + number(h.sum) + "\n";
    out += "jianxi_request_duration_seconds_count{" + labels + "} " + std::to_string(h.total) + "\n";
  }
  out += "# HELP jianxi_requests_in_flight Requests read or being answered.\n";
  out += "# TYPE jianxi_requests_in_flight gauge\n";
  out += "jianxi_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  out += "# HELP jianxi_connections_open Open client connections.\n";
  out += "# TYPE jianxi_connections_open gauge\n";
  out += "jianxi_connections_open " + std::to_string(connections_.load()) + "\n";
  out += "# HELP jianxi_connections_dropped_total Connections closed by the service, by reason.\n";
  out += "# TYPE jianxi_connections_dropped_total counter\n";
  for (const auto& [reason, count] : dropped_)
    out += "jianxi_connections_dropped_total{reason=\"" + reason + "\"} " + std::to_string(count) + "\n";
  out += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n";
  out += "# TYPE process_resident_memory_bytes gauge\n";
  out += "process_resident_memory_bytes " + std::to_string(resident_bytes()) + "\n";
  return out;
}

}  // namespace jianxi::server
