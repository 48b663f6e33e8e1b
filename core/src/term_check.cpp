#include "term_check.h"

namespace jianxi {

bool known_term(const std::vector<Term>& list, const std::string& value, const std::string& path,
                const std::string& code, const Text& what, Report& report) {
  if (Vocabulary::find(list, value)) return true;
  Text choices = Vocabulary::choices(list);
  report.error(path, code, "未知的" + what.zh + "“" + value + "”，可选 " + choices.zh,
               "unknown " + what.en + " \"" + value + "\"; use " + choices.en);
  return false;
}

}  // namespace jianxi
