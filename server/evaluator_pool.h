// The threads that evaluate requests, apart from the threads that do I/O, so that a
// heavy request never holds up /healthz, /metrics or other connections. Work in flight
// (running and queued) is capped: past the cap a request is refused at once (503).
#pragma once

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <atomic>
#include <cstddef>
#include <utility>

namespace jianxi::server {

class EvaluatorPool {
 public:
  EvaluatorPool(unsigned threads, std::size_t capacity) : pool_(threads), capacity_(capacity) {}

  // Runs `job` on an evaluator thread, or returns false when the pool is full.
  template <class Job>
  bool try_submit(Job&& job) {
    if (in_flight_.fetch_add(1, std::memory_order_acq_rel) >= capacity_) {
      in_flight_.fetch_sub(1, std::memory_order_acq_rel);
      return false;
    }
    boost::asio::post(pool_, [this, job = std::forward<Job>(job)]() mutable {
      struct Done {
        std::atomic<std::size_t>& count;
        ~Done() { count.fetch_sub(1, std::memory_order_acq_rel); }
      } done{in_flight_};
      job();
    });
    return true;
  }

  std::size_t in_flight() const { return in_flight_.load(std::memory_order_acquire); }
  std::size_t capacity() const { return capacity_; }
  void join() { pool_.join(); }

 private:
  boost::asio::thread_pool pool_;
  const std::size_t capacity_;
  std::atomic<std::size_t> in_flight_{0};
};

}  // namespace jianxi::server
