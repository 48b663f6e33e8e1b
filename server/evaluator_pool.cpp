#include "evaluator_pool.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace jianxi::server {
namespace {

// Linux gives each thread its own nice value.
void lower_this_threads_priority() {
  constexpr int kEvaluatorNice = 10;
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kEvaluatorNice);
}

}  // namespace

EvaluatorPool::EvaluatorPool(unsigned threads, std::size_t capacity)
    : context_(static_cast<int>(threads)), work_(context_.get_executor()), capacity_(capacity) {
  for (unsigned i = 0; i < threads; ++i)
    threads_.emplace_back([this] {
      lower_this_threads_priority();
      context_.run();
    });
}

EvaluatorPool::~EvaluatorPool() {
  context_.stop();
  join();
}

void EvaluatorPool::join() {
  work_.reset();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

}  // namespace jianxi::server
