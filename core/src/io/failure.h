// How the core stops at what it cannot go on from: a rule file that breaks the schema's
// promises, or a fault of its own. Built with exceptions (natively: the CLI, the
// service, the C library), these throw and are caught where they can be reported. The
// WebAssembly module is built without exceptions, which makes its code a sixth smaller
// (bench/README.md): there the same faults abort the instance, and jianxi.js answers
// internal.error and goes on from a fresh instance.
#pragma once

#include <new>
#include <stdexcept>
#include <string>

namespace jianxi {

// Throws std::invalid_argument(reason), or aborts where there are no exceptions.
[[noreturn]] void fail(const std::string& reason);

// Whether a std::bad_alloc is a failure like the others (a rule file read) or goes on
// up, to fail the whole evaluation (a request answered).
enum class OutOfMemory { caught, passed_on };

// Runs `body`; a std::exception it throws is passed to `on_failure` as its what().
template <OutOfMemory memory = OutOfMemory::caught, class Body, class OnFailure>
void catching(Body&& body, OnFailure&& on_failure) {
#if defined(__cpp_exceptions)
  try {
    body();
  } catch (const std::bad_alloc& e) {
    if (memory == OutOfMemory::passed_on) throw;
    on_failure(e.what());
  } catch (const std::exception& e) {
    on_failure(e.what());
  }
#else
  (void)on_failure;
  body();
#endif
}

}  // namespace jianxi
