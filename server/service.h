// What every connection shares: the settings, the routes, the metrics, the evaluator
// threads, the memory trimmer, and the list of open sessions that a drain walks.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "budgeted_body.h"
#include "config.h"
#include "evaluator_pool.h"
#include "memory_trimmer.h"
#include "metrics.h"
#include "routes.h"

namespace jianxi::server {

class Session;

class Service {
 public:
  explicit Service(Config config)
      : config(std::move(config)),
        routes(metrics),
        evaluators(this->config.evaluators, this->config.max_pending),
        body_budget(this->config.body_budget_bytes) {}

  const Config config;
  Metrics metrics;
  const Routes routes;
  EvaluatorPool evaluators;
  BodyBudget body_budget;
  MemoryTrimmer trimmer;

  bool draining() const { return draining_.load(std::memory_order_acquire); }

  // Adds a session; at --max-connections the connection idle the longest is closed to
  // make room (and when none is idle, the new one is: false).
  bool add(const std::shared_ptr<Session>& session);
  void remove(const Session* session);  // from the session's destructor
  // Marks the service draining, asks every open session to finish, and calls
  // `on_empty` (once, from whichever thread) when the last session has gone.
  void drain(std::function<void()> on_empty);
  std::size_t open_sessions() const;

 private:
  std::atomic<bool> draining_{false};
  mutable std::mutex mutex_;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
  std::function<void()> on_empty_;
};

}  // namespace jianxi::server
