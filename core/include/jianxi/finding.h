// A finding: one problem or piece of advice about a request, located by JSON Pointer.
#pragma once

#include <string>

namespace jianxi {

struct Finding {
  std::string path;        // JSON Pointer into the request ("" = the whole request)
  std::string code;        // stable and machine-readable, e.g. "credit_code.checksum"
  std::string message;     // Chinese, for the person
  std::string message_en;  // English
  std::string rule;        // clause it comes from ("jiangxi-2023#4.1.1"), or empty
  // A caveat's research trail (sources, confidence, notes), shown folded below its
  // plain message; empty for other findings.
  std::string detail;
  std::string detail_en;
};

}  // namespace jianxi
