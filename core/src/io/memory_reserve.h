// Memory held back for unwinding after an allocation fails. Destroying a large
// nlohmann tree allocates (it flattens the tree onto a heap stack), and an allocation
// that fails in a destructor ends the process. While an evaluation unwinds from
// std::bad_alloc, a failed allocation releases this reserve and is retried, so the
// request fails with internal.error and the process lives on.
#pragma once

namespace jianxi {

// Installs the handler (once) and makes sure the reserve is held; called at the start
// of each evaluation. Thread-safe; the reserve is shared by all threads.
void ensure_memory_reserve();

}  // namespace jianxi
