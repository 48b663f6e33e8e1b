# Script mode: writes a C++ file holding each rule file's path and text.
file(GLOB_RECURSE RULE_FILES RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.json")
list(SORT RULE_FILES)
set(body "// Generated from rules/ by cmake/write_rules_bundle.cmake. Do not edit.\n")
string(APPEND body "#include \"jianxi/rule_source.h\"\n\nnamespace jianxi {\n")
string(APPEND body "const std::vector<RuleText>& embedded_rules() {\n")
string(APPEND body "  static const std::vector<RuleText> rules = {\n")
foreach(f ${RULE_FILES})
  file(READ "${RULES_DIR}/${f}" text)
  string(APPEND body "    {\"${f}\", R\"jianxi_rule(${text})jianxi_rule\"},\n")
endforeach()
string(APPEND body "  };\n  return rules;\n}\n\n")
# Texts as written: the engine hashes them itself.
string(APPEND body "const char* embedded_rules_version() { return \"\"; }\n\n")
# Every province is embedded whole.
string(APPEND body "const std::vector<std::string>& separately_delivered_provinces() {\n")
string(APPEND body "  static const std::vector<std::string> none;\n  return none;\n}\n\n}  // namespace jianxi\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
