// jianxi [--pretty] [FILE]: answers one request (or a batch array) read from FILE or
// standard input, printing the result. Exit 0 when the request was understood,
// 2 when it was malformed, 1 when FILE cannot be read.
// jianxi --check-rules [NOTICES_DIR]: checks the embedded rules against rules/schema.json
// and, given the rules folder (its printed notices: rules/provinces/<id>/notices/
// <policy>.txt), that every quoted clause is found in its notice. The build runs it, so a broken rule file or a
// misquoted clause fails the build; exit 1 with every problem.
#include <cstdio>
#include <filesystem>
#include <new>
#include <fstream>
#include <map>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "jianxi/engine.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int answer(int argc, char** argv) {
  bool pretty = false;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--pretty") {
      pretty = true;
    } else if (arg == "--check-rules") {
      const auto& problems = jianxi::default_engine().rule_problems();
      for (const auto& p : problems) std::cerr << p.message_en << "\n";
      std::map<std::string, std::string> notices;
      if (i + 1 < argc)
        for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i + 1]))
          if (e.path().extension() == ".txt") notices[e.path().stem().string()] = read_file(e.path().string());
      auto misquoted = jianxi::default_engine().misquoted_clauses(notices);
      for (const auto& id : misquoted)
        std::cerr << "clause " << id << ": its text is not found in its printed notice (whitespace aside)\n";
      bool sound = problems.empty() && misquoted.empty();
      if (sound)
        std::cout << "rules: " << jianxi::embedded_rules().size() << " files, " << notices.size()
                  << " notice texts, no problems\n";
      return sound ? 0 : 1;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: jianxi [--pretty] [FILE] | jianxi --check-rules [NOTICES_DIR]\n"
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

}  // namespace

int main(int argc, char** argv) {
  try {
    return answer(argc, argv);
  } catch (const std::bad_alloc&) {
    // Reading the request itself ran out of memory: the engine's fixed answer.
    std::fputs(jianxi::internal_error_answer(), stdout);
    std::fputs("\n", stdout);
    return 2;
  }
}
