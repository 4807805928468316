# ctest install_and_find_package (cmake -P): installs the build into a scratch prefix, then
# builds and runs the example hosts against it as outside projects, with find_package(ufora).
# Their output (stdout) is checked by the test's PASS_REGULAR_EXPRESSION.
# -D: BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER
foreach(_v BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER)
  if(NOT DEFINED ${_v})
    message(FATAL_ERROR "CheckInstall.cmake needs -D${_v}=...")
  endif()
endforeach()

# Runs a command quietly; shows its output only when it fails.
function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
run_step("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# The package must stand alone: no dependency of libufora may leak into what consumers load.
file(GLOB _exports ${prefix}/lib*/cmake/ufora/uforaTargets*.cmake)
foreach(_f ${_exports})
  file(READ ${_f} _text)
  if(_text MATCHES "LLVM|Python|Boost|ufora_(jit|runtime|values|lower|options)")
    message(FATAL_ERROR "${_f} refers to a private dependency: ${CMAKE_MATCH_0}")
  endif()
endforeach()

foreach(host cpp_host c_host)
  # Only the install prefix is searched: the source tree's headers must not be needed.
  run_step("configuring ${host}" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/${host} -B ${WORK_DIR}/${host}
           -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release
           -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
  run_step("building ${host}" ${CMAKE_COMMAND} --build ${WORK_DIR}/${host})
  execute_process(COMMAND ${WORK_DIR}/${host}/${host} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${host} exited with ${rc}")
  endif()
endforeach()
