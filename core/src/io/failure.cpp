#include "io/failure.h"

#include <cstdlib>

namespace jianxi {

void fail(const std::string& reason) {
#if defined(__cpp_exceptions)
  throw std::invalid_argument(reason);
#else
  (void)reason;
  std::abort();
#endif
}

}  // namespace jianxi

#if !defined(__cpp_exceptions)
#include <exception>

// Boost.Date_Time reports an impossible date through this when built without
// exceptions; the core checks dates before it builds them, so reaching it is a fault.
namespace boost {
[[noreturn]] void throw_exception(const std::exception&) { std::abort(); }
}  // namespace boost
#endif
