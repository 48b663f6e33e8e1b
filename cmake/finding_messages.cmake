# The message catalog as C++: rules/findings/codes.json → generated/finding_messages.{h,cpp}
# (cmake/write_finding_messages.cmake), rewritten whenever the catalog changes.
set(JIANXI_MESSAGES_DIR "${PROJECT_BINARY_DIR}/generated")
set(JIANXI_MESSAGES_SOURCE "${JIANXI_MESSAGES_DIR}/finding_messages.cpp")
set(JIANXI_MESSAGES_HEADER "${JIANXI_MESSAGES_DIR}/finding_messages.h")
file(MAKE_DIRECTORY "${JIANXI_MESSAGES_DIR}")
add_custom_command(
  OUTPUT "${JIANXI_MESSAGES_SOURCE}" "${JIANXI_MESSAGES_HEADER}"
  COMMAND ${CMAKE_COMMAND} -DCODES=${PROJECT_SOURCE_DIR}/rules/findings/codes.json
          -DOUTPUT_DIR=${JIANXI_MESSAGES_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/write_finding_messages.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/rules/findings/codes.json ${PROJECT_SOURCE_DIR}/cmake/write_finding_messages.cmake
  COMMENT "Writing the finding messages from rules/findings/codes.json")
# Written before any source of the core is compiled (every one may include the header).
add_custom_target(jianxi_finding_messages DEPENDS "${JIANXI_MESSAGES_SOURCE}" "${JIANXI_MESSAGES_HEADER}")
