# Embeds every file under rules/ (JSON only) into the core as text, so the engine,
# the CLI and the wasm module all read the same rules without opening files.
file(GLOB_RECURSE JIANXI_RULE_FILES CONFIGURE_DEPENDS
     RELATIVE "${PROJECT_SOURCE_DIR}/rules" "${PROJECT_SOURCE_DIR}/rules/*.json")
list(SORT JIANXI_RULE_FILES)
set(JIANXI_RULES_BUNDLE "${PROJECT_BINARY_DIR}/generated/rules_bundle.cpp")
set(JIANXI_RULE_PATHS "")
foreach(f ${JIANXI_RULE_FILES})
  list(APPEND JIANXI_RULE_PATHS "${PROJECT_SOURCE_DIR}/rules/${f}")
endforeach()
add_custom_command(
  OUTPUT "${JIANXI_RULES_BUNDLE}"
  COMMAND ${CMAKE_COMMAND} -DRULES_DIR=${PROJECT_SOURCE_DIR}/rules
          -DOUTPUT=${JIANXI_RULES_BUNDLE}
          -P ${PROJECT_SOURCE_DIR}/cmake/write_rules_bundle.cmake
  DEPENDS ${JIANXI_RULE_PATHS} ${PROJECT_SOURCE_DIR}/cmake/write_rules_bundle.cmake
  COMMENT "Embedding rules/ into the core")
