// Gives free heap memory back to the system after large answers, on a thread of its
// own at a low priority: malloc_trim walks the whole heap and takes the allocator's
// locks, which on an I/O thread held up /healthz for a hundred milliseconds and more.
// The large answers themselves are freed there too: unmapping 100 MB takes an I/O
// thread tens of milliseconds.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jianxi::server {

class MemoryTrimmer {
 public:
  MemoryTrimmer();
  ~MemoryTrimmer();
  MemoryTrimmer(const MemoryTrimmer&) = delete;
  MemoryTrimmer& operator=(const MemoryTrimmer&) = delete;

  // Asks for one trim soon; requests that arrive while one is pending are merged.
  void request();

  // Frees `answer` on the trimmer's thread, then trims.
  void release(std::string&& answer);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  std::vector<std::string> to_free_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jianxi::server
