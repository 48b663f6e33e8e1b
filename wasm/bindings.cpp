// embind bindings. Requests come in as UTF-8 bytes that jianxi.js placed in the
// module's memory (TextEncoder), and answers go out as a view of that memory that
// jianxi.js decodes (TextDecoder): embind's own std::string conversion encodes and
// scans character by character in JavaScript, a third of the time of a 100,000-report
// table. The core answers every failure as a result; the module is built without
// exceptions, so what it cannot answer (memory running out) aborts the instance, and
// jianxi.js answers internal.error and goes on from a fresh instance.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jianxi/engine.h"

namespace {

std::string_view bytes_at(std::uintptr_t at, std::size_t length) {
  return {reinterpret_cast<const char*>(at), length};
}

// The rules the module holds: its embedded national data and provinces' index, and the
// provinces loaded so far. The engine is built over them when a request comes after a
// province arrived, so that loading several provinces builds it once.
struct HeldRules {
  std::vector<jianxi::RuleText> province_texts;  // of the provinces in `loaded`
  std::set<std::string> loaded;
  std::size_t sound_texts = 0;  // how many of province_texts the last sound engine held
  std::set<std::string> sound_loaded;
  std::unique_ptr<jianxi::Engine> engine;  // null: to be built
};

HeldRules& held() {
  static HeldRules rules;
  return rules;
}

std::unique_ptr<jianxi::Engine> engine_over(const std::vector<jianxi::RuleText>& province_texts,
                                            const std::set<std::string>& loaded) {
  // A province's notices come whole in its file and replace the index's copies.
  std::set<std::string> whole;
  for (const auto& t : province_texts) whole.insert(t.path);
  std::vector<jianxi::RuleText> texts;
  for (const auto& r : jianxi::embedded_rules())
    if (!whole.count(r.path)) texts.push_back(r);
  texts.insert(texts.end(), province_texts.begin(), province_texts.end());
  // In the order of the files natively (byte order of paths), so that answers are the same.
  std::sort(texts.begin(), texts.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  jianxi::RuleDelivery delivery;
  delivery.version = jianxi::embedded_rules_version();
  // Checked at build time (jianxi --check-rules, run by the native build: the schema and
  // the cited clauses); the module carries only the schema's folder map.
  delivery.checked_at_build = true;
  for (const std::string& id : jianxi::separately_delivered_provinces())
    if (!loaded.count(id)) delivery.absent.insert(id);
  return std::make_unique<jianxi::Engine>(texts, delivery);
}

const jianxi::Engine& engine() {
  HeldRules& rules = held();
  if (rules.engine) return *rules.engine;
  rules.engine = engine_over(rules.province_texts, rules.loaded);
  if (!rules.engine->rule_problems().empty() && rules.loaded != rules.sound_loaded) {
    // A province file whose rules are unsound (not as the build wrote it): the module
    // goes back to the provinces it held, and those stay not loaded.
    rules.province_texts.resize(rules.sound_texts);
    rules.loaded = rules.sound_loaded;
    rules.engine = engine_over(rules.province_texts, rules.loaded);
  }
  rules.sound_texts = rules.province_texts.size();
  rules.sound_loaded = rules.loaded;
  return *rules.engine;
}

// The last answer, kept until jianxi.js has decoded it.
std::string& answer() {
  static std::string text;
  return text;
}

emscripten::val answer_view() {
  const std::string& text = answer();
  return emscripten::val(
      emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
}

void release_answer() { std::string().swap(answer()); }

emscripten::val evaluate_bytes(std::uintptr_t at, std::size_t length) {
  answer() = engine().evaluate(bytes_at(at, length)).json;
  return answer_view();
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string_view::npos; from = at + 1)
    out.emplace_back(text.substr(from, at - from));
  out.emplace_back(text.substr(from));
  return out;
}

// The portal's typed entry: the request, and the periods, units and submission dates
// as newline-separated text, each as bytes in memory; the values as `count` doubles
// in memory (row-major, NaN for an empty cell).
emscripten::val evaluate_table(std::uintptr_t request, std::size_t request_length, std::uintptr_t periods,
                               std::size_t periods_length, std::uintptr_t units, std::size_t units_length,
                               std::uintptr_t submitted, std::size_t submitted_length, std::uintptr_t values,
                               std::size_t count, int indicators) {
  jianxi::TableColumns table;
  table.request = std::string(bytes_at(request, request_length));
  const double* first = reinterpret_cast<const double*>(values);
  table.values.assign(first, first + count);
  table.indicators = indicators > 0 ? static_cast<std::size_t>(indicators) : 0;
  std::size_t rows = table.indicators ? table.values.size() / table.indicators : 0;
  if (rows) {
    table.periods = lines_of(bytes_at(periods, periods_length));
    table.units = lines_of(bytes_at(units, units_length));
    table.submitted = lines_of(bytes_at(submitted, submitted_length));
  }
  answer() = engine().evaluate_table(table).json;
  return answer_view();
}

// Whether every notice a province file holds whole is one the index lists: a file
// replaces the index's notices, it never adds one the catalog did not offer.
bool notices_in_index(const std::vector<jianxi::RuleText>& texts) {
  std::set<std::string> indexed;
  for (const auto& r : jianxi::embedded_rules()) indexed.insert(r.path);
  for (const auto& t : texts)
    if (t.path.find("/policies/") != std::string::npos && !indexed.count(t.path)) return false;
  return true;
}

// {"province", "ok", "errors"}: a province's rules file (as the build writes it) taken
// in; when it is not such a file, the module keeps what it had.
emscripten::val load_province(std::uintptr_t at, std::size_t length) {
  using Json = nlohmann::ordered_json;
  Json out = {{"province", nullptr}, {"ok", false}, {"errors", Json::array()}};
  auto problem = [&out](const std::string& path, const std::string& zh, const std::string& en) {
    out["errors"].push_back({{"path", path}, {"code", "rules.invalid"}, {"message", zh}, {"message_en", en}});
  };
  std::string province;
  std::vector<jianxi::RuleText> texts;
  const auto& separate = jianxi::separately_delivered_provinces();
  HeldRules& rules = held();
  if (!jianxi::read_province_file(bytes_at(at, length), province, texts)) {
    problem("", "省份规则文件无法读取", "the province's rules file cannot be read");
  } else if (out["province"] = province; std::find(separate.begin(), separate.end(), province) == separate.end()) {
    problem("/province", "本模块没有单独提供该省份的规则", "this module delivers no rules of its own for that province");
  } else if (!notices_in_index(texts)) {
    problem("", "省份规则文件中的通知不在本模块的索引中", "the province's rules file holds a notice this module's index does not");
  } else {
    if (!rules.loaded.count(province)) {
      rules.province_texts.insert(rules.province_texts.end(), texts.begin(), texts.end());
      rules.loaded.insert(province);
      rules.engine.reset();
    }
    out["ok"] = true;
  }
  answer() = out.dump();
  return answer_view();
}

// [{"id", "loaded", "policies"}]: the provinces whose rules come as files of their own.
// With each, the notices of its index by file name (a notice's file is named by its id),
// so that a page can fetch the province a kept notice needs before the engine is built.
std::string provinces_delivered() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const std::string& id : jianxi::separately_delivered_provinces()) {
    auto policies = nlohmann::ordered_json::array();
    const std::string folder = "provinces/" + id + "/policies/";
    for (const auto& r : jianxi::embedded_rules())
      if (r.path.compare(0, folder.size(), folder) == 0 && r.path.size() > folder.size() + 5)
        policies.push_back(r.path.substr(folder.size(), r.path.size() - folder.size() - 5));
    out.push_back({{"id", id}, {"loaded", held().loaded.count(id) > 0}, {"policies", policies}});
  }
  return out.dump();
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(jianxi) {
  emscripten::function("evaluateBytes", &evaluate_bytes);
  emscripten::function("evaluateTableBytes", &evaluate_table);
  emscripten::function("releaseAnswer", &release_answer);
  emscripten::function("loadProvinceBytes", &load_province);
  emscripten::function("provincesDelivered", &provinces_delivered);
  emscripten::function("version", &version);
}
