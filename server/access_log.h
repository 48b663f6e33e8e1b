// One line per request on stderr: time, peer, method, target, status, body bytes, ms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jianxi::server {

// Writes the line with a single write(2), so lines from worker threads never interleave.
// The target is cut to 200 bytes and anything outside printable ASCII is %-escaped.
void log_request(std::string_view peer, std::string_view method, std::string_view target, int status,
                 std::size_t bytes, double ms);

// A free-form line (start, drain, errors), with the same timestamp.
void log_event(std::string_view text);

}  // namespace jianxi::server
