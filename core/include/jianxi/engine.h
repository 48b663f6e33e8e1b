// The one entry point of the rule core: a JSON request in, a JSON result out
// (see the contract in README.md). Never throws; every failure is a result.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jianxi/finding.h"
#include "jianxi/rule_source.h"

namespace jianxi {

class RuleSet;

struct Evaluation {
  std::string json;        // the result (or, for a batch, the array of results)
  bool malformed = false;  // the request itself could not be understood (CLI exit 2)
  bool exhausted = false;  // memory ran out: json is the fixed internal error (or empty)
};

// A summary table given as columns rather than JSON text (the portal's import): the
// request without its reports, and per report its period, unit and one value per
// indicator (NaN where a cell is empty). Answered exactly as evaluate() answers the
// same table written as JSON.
struct TableColumns {
  std::string request;               // e.g. {"kind":"summary_table","template":"mohrss-2022"}
  std::vector<std::string> periods;  // "YYYY-MM", one per report
  std::vector<std::string> units;    // "" where a report names no unit
  std::vector<std::string> submitted;  // submission dates "YYYY-MM-DD", "" where none
  std::vector<double> values;        // row-major: report r, indicator i at r * indicators + i
  std::size_t indicators = 0;        // indicator numbers 1..indicators
};

class Engine {
 public:
  // Loads and checks the rules. A broken rule file does not throw: every later
  // evaluation answers ok:false with an error naming the file, path and reason. (Built
  // without exceptions, as the WebAssembly module is, a file that breaks the schema's
  // promises aborts instead: the module's rules are checked at build time.)
  explicit Engine(const std::vector<RuleText>& rules, const RuleDelivery& delivery = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  Evaluation evaluate(std::string_view request, bool pretty = false) const;
  Evaluation evaluate_table(const TableColumns& table) const;
  // What is wrong with the rules it was given (file, JSON Pointer, reason); empty when sound.
  const std::vector<Finding>& rule_problems() const;
  // Clauses whose quoted text is not found in the printed notice (whitespace aside):
  // `notices` maps a policy id to its notice text; policies without one are skipped.
  std::vector<std::string> misquoted_clauses(const std::map<std::string, std::string>& notices) const;

 private:
  std::unique_ptr<const RuleSet> rules_;
};

// The answer when answering itself failed (memory exhausted): fixed text, nothing
// allocated; `table` for the typed table entry (kind "summary_table").
const char* internal_error_answer(bool table = false);

// The engine over the embedded rules, built on first use.
const Engine& default_engine();

// evaluate() of the contract: the result JSON for one request or a batch array.
std::string evaluate(std::string_view request);

}  // namespace jianxi
