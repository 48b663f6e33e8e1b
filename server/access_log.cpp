#include "access_log.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace jianxi::server {
namespace {

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(millis));
  return text;
}

void append_escaped(std::string& out, std::string_view text, std::size_t limit) {
  static const char* hex = "0123456789ABCDEF";
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c > 0x20 && c < 0x7f && c != '"' && c != '%' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  if (text.size() > limit) out += "...";
}

void write_line(std::string& line) {
  line += '\n';
  const char* p = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) return;  // stderr closed or full: the log is best effort
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace

void log_request(std::string_view peer, std::string_view method, std::string_view target, int status,
                 std::size_t bytes, double ms) {
  std::string line = timestamp();
  line += ' ';
  line += peer;
  line += " \"";
  append_escaped(line, method.empty() ? "-" : method, 16);
  line += ' ';
  append_escaped(line, target.empty() ? "-" : target, 200);
  char tail[64];
  std::snprintf(tail, sizeof tail, "\" %d %zu %.3fms", status, bytes, ms);
  line += tail;
  write_line(line);
}

void log_event(std::string_view text) {
  std::string line = timestamp();
  line += ' ';
  line += text;
  write_line(line);
}

}  // namespace jianxi::server
