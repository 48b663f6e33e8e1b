# Header-only dependencies from Debian's packages. Under emcmake, find_package finds
# nothing and -I/usr/include would pull the host's glibc headers, so the wasm build
# sees only links to the two library folders it needs.
if(EMSCRIPTEN)
  set(JIANXI_SYSROOT_LINKS "${CMAKE_BINARY_DIR}/third_party_include")
  file(MAKE_DIRECTORY "${JIANXI_SYSROOT_LINKS}")
  foreach(dir nlohmann boost doctest)
    if(NOT EXISTS "${JIANXI_SYSROOT_LINKS}/${dir}" AND EXISTS "/usr/include/${dir}")
      file(CREATE_LINK "/usr/include/${dir}" "${JIANXI_SYSROOT_LINKS}/${dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(jianxi_third_party INTERFACE)
  target_include_directories(jianxi_third_party SYSTEM INTERFACE "${JIANXI_SYSROOT_LINKS}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(Boost 1.74 REQUIRED)
  add_library(jianxi_third_party INTERFACE)
  target_link_libraries(jianxi_third_party INTERFACE nlohmann_json::nlohmann_json Boost::boost)
endif()
