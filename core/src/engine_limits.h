// The engine's documented limits (not policy figures): what one request may hold so
// that its answer fits where the core runs, the browser's module (1 GB) included.
// The catalog lists them; a request beyond one is refused with request.too_large.
#pragma once

#include <cstddef>

namespace jianxi::limits {

constexpr std::size_t kRequestBytes = 64u << 20;
constexpr int kNesting = 64;
constexpr std::size_t kInterns = 100000;
constexpr long long kInternshipMonths = 700000;  // 100,000 interns of 7 months
constexpr std::size_t kFindingsListed = 1000;     // per list; the rest are counted

}  // namespace jianxi::limits
