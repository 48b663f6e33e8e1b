// Gives free heap memory back to the system after large answers, on a thread of its
// own at a low priority, and only once no evaluation is in flight: malloc_trim walks the
// whole heap and takes the allocator's locks, which on an I/O thread held up /healthz for
// a hundred milliseconds and more; on its own low-priority thread during evaluations, an
// I/O thread freeing an answer waited for the arena lock the starved trimmer held.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace jianxi::server {

class MemoryTrimmer {
 public:
  // `busy` says whether evaluations are in flight; the trim waits until it is false.
  explicit MemoryTrimmer(std::function<bool()> busy);
  ~MemoryTrimmer();
  MemoryTrimmer(const MemoryTrimmer&) = delete;
  MemoryTrimmer& operator=(const MemoryTrimmer&) = delete;

  // Asks for one trim soon; requests that arrive while one is pending are merged.
  void request();

 private:
  void run();

  std::function<bool()> busy_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jianxi::server
