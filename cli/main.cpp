// jianxi [--pretty] [FILE]: answers one request (or a batch array) read from FILE or
// standard input, printing the result. Exit 0 when the request was understood,
// 2 when it was malformed, 1 when FILE cannot be read.
// jianxi --check-rules: checks the embedded rules against rules/schema.json (the
// build runs it, so a broken rule file fails the build); exit 1 with every problem.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "jianxi/engine.h"

int main(int argc, char** argv) {
  bool pretty = false;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--pretty") {
      pretty = true;
    } else if (arg == "--check-rules") {
      const auto& problems = jianxi::default_engine().rule_problems();
      for (const auto& p : problems) std::cerr << p.message_en << "\n";
      if (problems.empty()) std::cout << "rules: " << jianxi::embedded_rules().size() << " files, no problems\n";
      return problems.empty() ? 0 : 1;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: jianxi [--pretty] [FILE] | jianxi --check-rules\n"
                   "Reads a JSON request (or an array of requests) from FILE or standard input\n"
                   "and prints the result. Exit 0: understood; 2: malformed request.\n";
      return 0;
    } else {
      file = arg;
    }
  }
  std::string input;
  if (file.empty() || file == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "jianxi: cannot read " << file << "\n";
      return 1;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    input = buffer.str();
  }
  jianxi::Evaluation result = jianxi::default_engine().evaluate(input, pretty);
  std::cout << result.json << "\n";
  return result.malformed ? 2 : 0;
}
