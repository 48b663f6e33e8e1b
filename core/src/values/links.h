// The web addresses a source record cites, without the research notes around them.
#pragma once

#include <string>
#include <vector>

#include "values/text.h"

namespace jianxi {

// Every http:// or https:// address in `record`, in order, each once.
std::vector<std::string> links_in(const std::string& record);

// Those addresses as a list to show (empty when the record cites none).
Text links_text(const std::string& record);

}  // namespace jianxi
