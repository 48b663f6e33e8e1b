// The threads that evaluate requests, apart from the threads that do I/O, so that a
// heavy request never holds up /healthz, /metrics or other connections. They run at a
// lower scheduling priority than the I/O threads, so that on a busy machine the I/O
// threads are scheduled first. Work in flight (running and queued) is capped: past
// the cap a request is refused at once (503).
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <atomic>
#include <cstddef>
#include <thread>
#include <utility>
#include <vector>

namespace jianxi::server {

class EvaluatorPool {
 public:
  EvaluatorPool(unsigned threads, std::size_t capacity);
  ~EvaluatorPool();
  EvaluatorPool(const EvaluatorPool&) = delete;
  EvaluatorPool& operator=(const EvaluatorPool&) = delete;

  // Runs `job` on an evaluator thread, or returns false when the pool is full.
  template <class Job>
  bool try_submit(Job&& job) {
    if (in_flight_.fetch_add(1, std::memory_order_acq_rel) >= capacity_) {
      in_flight_.fetch_sub(1, std::memory_order_acq_rel);
      return false;
    }
    boost::asio::post(context_, [this, job = std::forward<Job>(job)]() mutable {
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
  // Lets the queued jobs finish and the threads return.
  void join();

 private:
  boost::asio::io_context context_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::vector<std::thread> threads_;
  const std::size_t capacity_;
  std::atomic<std::size_t> in_flight_{0};
};

}  // namespace jianxi::server
