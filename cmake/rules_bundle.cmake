# Embeds every file under rules/ (JSON only) into the core as text, so the engine and
# the CLI read the rules without opening files. The wasm module embeds the national
# data and the provinces' index, and writes each province's other files as one file
# (cmake/write_rules_bundle.mjs).
file(GLOB_RECURSE JIANXI_RULE_FILES CONFIGURE_DEPENDS
     RELATIVE "${PROJECT_SOURCE_DIR}/rules" "${PROJECT_SOURCE_DIR}/rules/*.json")
list(SORT JIANXI_RULE_FILES)
set(JIANXI_RULES_BUNDLE "${PROJECT_BINARY_DIR}/generated/rules_bundle.cpp")
set(JIANXI_RULE_PATHS "")
foreach(f ${JIANXI_RULE_FILES})
  list(APPEND JIANXI_RULE_PATHS "${PROJECT_SOURCE_DIR}/rules/${f}")
endforeach()
if(EMSCRIPTEN AND CMAKE_CROSSCOMPILING_EMULATOR)
  # The wasm module embeds the rules without whitespace between JSON tokens (smaller
  # download; same values, same rules_version). Node runs the script (emcmake's
  # emulator is node followed by its flags, which the script does not need).
  list(GET CMAKE_CROSSCOMPILING_EMULATOR 0 JIANXI_NODE)
  set(JIANXI_RULES_WRITER "${PROJECT_SOURCE_DIR}/cmake/write_rules_bundle.mjs")
  # Each province's rules are a file of their own beside the module, fetched when needed.
  set(JIANXI_PROVINCE_RULES_DIR "${PROJECT_BINARY_DIR}/provinces")
  set(JIANXI_RULES_COMMAND ${JIANXI_NODE} ${JIANXI_RULES_WRITER}
      ${PROJECT_SOURCE_DIR}/rules ${JIANXI_RULES_BUNDLE} ${JIANXI_PROVINCE_RULES_DIR})
  set(JIANXI_RULES_BYPRODUCTS "")
  foreach(f ${JIANXI_RULE_FILES})
    if(f MATCHES "^provinces/([^/]+)/province\\.json$")
      list(APPEND JIANXI_RULES_BYPRODUCTS "${JIANXI_PROVINCE_RULES_DIR}/${CMAKE_MATCH_1}.json")
    endif()
  endforeach()
else()
  set(JIANXI_RULES_WRITER "${PROJECT_SOURCE_DIR}/cmake/write_rules_bundle.cmake")
  set(JIANXI_RULES_COMMAND ${CMAKE_COMMAND} -DRULES_DIR=${PROJECT_SOURCE_DIR}/rules
      -DOUTPUT=${JIANXI_RULES_BUNDLE} -P ${JIANXI_RULES_WRITER})
endif()
add_custom_command(
  OUTPUT "${JIANXI_RULES_BUNDLE}"
  BYPRODUCTS ${JIANXI_RULES_BYPRODUCTS}
  COMMAND ${JIANXI_RULES_COMMAND}
  DEPENDS ${JIANXI_RULE_PATHS} ${JIANXI_RULES_WRITER}
  COMMENT "Embedding rules/ into the core")
