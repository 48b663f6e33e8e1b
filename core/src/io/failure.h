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

// Runs `body`; a std::exception it throws is passed to `on_failure` as its what().
template <class Body, class OnFailure>
void catching(Body&& body, OnFailure&& on_failure) {
#if defined(__cpp_exceptions)
  try {
    body();
  } catch (const std::exception& e) {
    on_failure(e.what());
  }
#else
  (void)on_failure;
  body();
#endif
}

// As catching, but memory running out goes on up, to fail the whole evaluation.
template <class Body, class OnFailure>
void catching_faults(Body&& body, OnFailure&& on_failure) {
#if defined(__cpp_exceptions)
  try {
    body();
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    on_failure(e.what());
  }
#else
  (void)on_failure;
  body();
#endif
}

}  // namespace jianxi
