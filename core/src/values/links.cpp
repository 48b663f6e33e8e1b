#include "values/links.h"

#include <algorithm>
#include <string_view>

namespace jianxi {

namespace {

// An address ends at a space, a quote, a bracket, a list separator or a non-ASCII byte
// (the Chinese text a record quotes right after it).
bool ends_address(unsigned char c) {
  return c <= ' ' || c >= 0x80 || std::string_view("'\"()<>[]{};,").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::vector<std::string> links_in(const std::string& record) {
  std::vector<std::string> links;
  for (std::size_t at = record.find("http"); at != std::string::npos; at = record.find("http", at + 1)) {
    std::string_view rest(record.data() + at, record.size() - at);
    if (rest.compare(0, 7, "http://") != 0 && rest.compare(0, 8, "https://") != 0) continue;
    std::size_t end = 0;
    while (end < rest.size() && !ends_address(static_cast<unsigned char>(rest[end]))) ++end;
    while (end > 0 && (rest[end - 1] == '.' || rest[end - 1] == ':')) --end;  // the sentence's, not the address's
    std::string link(rest.substr(0, end));
    if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(std::move(link));
    at += end ? end - 1 : 0;
  }
  return links;
}

Text links_text(const std::string& record) {
  Text out;
  for (const std::string& link : links_in(record)) {
    out.zh += (out.zh.empty() ? "" : "；") + link;
    out.en += (out.en.empty() ? "" : "; ") + link;
  }
  return out;
}

}  // namespace jianxi
