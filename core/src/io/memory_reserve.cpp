#include "io/memory_reserve.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <new>

namespace jianxi {

#if defined(__cpp_exceptions)
namespace {

#ifdef __EMSCRIPTEN__
constexpr std::size_t kReserveBytes = std::size_t{8} << 20;  // the module's memory only grows
#else
constexpr std::size_t kReserveBytes = std::size_t{48} << 20;  // above malloc's mmap threshold
#endif

std::atomic<void*> reserve{nullptr};
std::new_handler previous = nullptr;

void on_allocation_failure() {
  // Unwinding already: give back the reserve so that destructors can finish.
  if (std::uncaught_exceptions() > 0)
    if (void* block = reserve.exchange(nullptr)) {
      std::free(block);
      return;  // operator new tries again
    }
  if (previous) return previous();
  throw std::bad_alloc();
}

}  // namespace

void ensure_memory_reserve() {
  static std::once_flag installed;
  std::call_once(installed, [] { previous = std::set_new_handler(on_allocation_failure); });
  if (reserve.load(std::memory_order_relaxed)) return;
  void* block = std::malloc(kReserveBytes);
  void* expected = nullptr;
  if (block && !reserve.compare_exchange_strong(expected, block)) std::free(block);
}
#else
// Without exceptions nothing unwinds: running out of memory aborts (io/failure.h).
void ensure_memory_reserve() {}
#endif

}  // namespace jianxi
