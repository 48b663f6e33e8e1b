// A summary table read by parts (request_stream.h) answers byte for byte as the same
// table parsed whole. Wrapping a request in a batch array makes the engine parse it
// whole, so each text is compared with its own batch answer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianxi/engine.h"

namespace {

std::string by_parts(const std::string& text) { return jianxi::default_engine().evaluate(text).json; }

std::string whole(const std::string& text) {
  std::string batch = jianxi::default_engine().evaluate("[" + text + "]").json;
  if (batch.size() < 2 || batch.front() != '[') return batch;  // not JSON: the same single answer
  return batch.substr(1, batch.size() - 2);
}

}  // namespace

TEST_CASE("a table read by parts answers as the table parsed whole, mistakes and all") {
  const std::string head = R"({"kind":"summary_table","template":"mohrss-2022",)";
  const std::vector<std::string> texts = {
      head + R"("reports":[{"period":"2023-01"},{"a":}]})",                                   // a report not JSON
      head + R"("reports":[{"period":"2023-01"},{"period":"2023-02"},]})",                    // trailing comma
      head + R"("reports":[{"period":"2023-01"} {"period":"2023-02"}]})",                     // missing comma
      head + R"("reports":[{"period":"2023-01"},{"period":"2023-02"}]} trailing)",            // text after
      head + R"("rep\u006frts":[{"period":"2023-01"},{"period":"2023-02"}]})",               // escaped key
      head + R"("reports":[{"unit":"a]b,c","period":"2023-01"},{"unit":"x\"],{","period":"2023-01"}]})",
      head + R"("reports":[ , ]})",
      head + R"("reports":[1,[2,3],"x",null,{"period":"2023-01"}],"reports":[{"period":"2023-05"},{"period":"2023-04"}]})",
      head + R"("reports":[{"period":"2023-05"},{"period":"2023-04"}],"reports":5})",
      R"(  {"reports":[{"period":"2023-05","values":{"1":2,"2":3}},{"period":"2023-06"}],)" +
          std::string(R"("kind":"summary_table","template":"mohrss-2022"}  )"),
      head + R"("reports":[{"period":"2023-05"},{"period":"2023-06"})",                       // unterminated
  };
  for (const auto& text : texts) {
    INFO(text);
    CHECK(by_parts(text) == whole(text));
  }
  // The texts that are not JSON are refused as such both ways.
  CHECK(by_parts(texts[0]).find("request.not_json") != std::string::npos);
  CHECK(by_parts(texts[3]).find("request.not_json") != std::string::npos);
}
