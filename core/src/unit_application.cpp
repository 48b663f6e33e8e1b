#include "kinds.h"
namespace jianxi {
void answer_unit_application(const RuleSet&, const Json&, Report&, Result&) {}
}  // namespace jianxi
