#include "memory_trimmer.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace jianxi::server {

MemoryTrimmer::MemoryTrimmer() : thread_([this] { run(); }) {}

MemoryTrimmer::~MemoryTrimmer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void MemoryTrimmer::request() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = true;
  }
  wake_.notify_one();
}

void MemoryTrimmer::release(std::string&& answer) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    to_free_.push_back(std::move(answer));
    pending_ = true;
  }
  wake_.notify_one();
}

void MemoryTrimmer::run() {
  constexpr int kLowestNice = 19;  // Linux gives each thread its own nice value
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kLowestNice);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return pending_ || stopping_; });
    if (stopping_) return;
    pending_ = false;
    std::vector<std::string> answers = std::move(to_free_);
    to_free_.clear();
    lock.unlock();
    answers.clear();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    lock.lock();
  }
}

}  // namespace jianxi::server
