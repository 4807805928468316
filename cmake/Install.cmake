# Installation and the CMake package: find_package(ufora) yields ufora::ufora, which is the
# shared library plus include/ufora/ and nothing else. LLVM, CPython, Boost and the static
# layer libraries are linked privately into libufora.so, so consumers never see them.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

if(NOT TARGET ufora)  # src/ returns early while the API layer has no sources
  return()
endif()

set(_ufora_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/ufora)

# libufora keeps the RUNPATH to LLVM's own lib directory; ufora-run finds libufora beside it.
set_target_properties(ufora PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
set_target_properties(ufora-run PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")

# The include directory reaches consumers through ufora's $<INSTALL_INTERFACE:include>.
install(TARGETS ufora EXPORT uforaTargets LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS ufora-run RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ufora DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT uforaTargets NAMESPACE ufora:: DESTINATION ${_ufora_cmake_dir})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/uforaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/uforaConfig.cmake INSTALL_DESTINATION ${_ufora_cmake_dir})
# Before 1.0 a new minor version may break the API, so only the same minor version matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/uforaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/uforaConfig.cmake ${PROJECT_BINARY_DIR}/uforaConfigVersion.cmake
  DESTINATION ${_ufora_cmake_dir})
