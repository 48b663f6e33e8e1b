// jianxi_bench FILE ITERATIONS: times evaluate() on the request in FILE and prints
// {"median_ms":…, "min_ms":…, "iterations":…, "result_bytes":…} for bench/run.mjs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jianxi/engine.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: jianxi_bench FILE ITERATIONS\n");
    return 1;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string request = text.str();
  const int iterations = std::max(1, std::atoi(argv[2]));
  const jianxi::Engine& engine = jianxi::default_engine();
  std::size_t bytes = engine.evaluate(request).json.size();  // warm-up
  std::vector<double> ms;
  for (int i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    bytes = engine.evaluate(request).json.size();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"median_ms\":%.6f,\"min_ms\":%.6f,\"iterations\":%d,\"result_bytes\":%zu}\n",
              ms[ms.size() / 2], ms.front(), iterations, bytes);
  return 0;
}
