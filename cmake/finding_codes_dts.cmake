# The npm package's FindingCode union, from the message catalog: sets JIANXI_FINDING_CODES to
# "\n  | 'absence.limit_reached'\n  | …" for configure_file(jianxi.d.ts), and reconfigures
# when rules/findings/codes.json changes.
set(JIANXI_CODES_JSON "${PROJECT_SOURCE_DIR}/rules/findings/codes.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${JIANXI_CODES_JSON}")
file(READ "${JIANXI_CODES_JSON}" _codes)
string(JSON _count LENGTH "${_codes}" findings)
math(EXPR _last "${_count} - 1")
set(_listed "")
foreach(_i RANGE ${_last})
  string(JSON _code GET "${_codes}" findings ${_i} code)
  list(APPEND _listed "${_code}")
endforeach()
list(SORT _listed)
set(JIANXI_FINDING_CODES "")
foreach(_code ${_listed})
  string(APPEND JIANXI_FINDING_CODES "\n  | '${_code}'")
endforeach()
