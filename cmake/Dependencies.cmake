# Every third-party dependency is found here, once (see TOOLCHAIN notes in docs/).

# LLVM: the version file compares major.minor, so ask for 19.1.
find_package(LLVM 19.1 REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/llvm)
add_library(ufora_llvm INTERFACE)
target_include_directories(ufora_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(_ufora_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(ufora_llvm INTERFACE ${_ufora_llvm_defs})
# UFORA_STATIC_LLVM: LLVM's static component libraries instead of libLLVM.so. The shared
# library costs every process start its dynamic relocations (368k of them) and the pages
# they dirty; linked statically, only the components the JIT uses come in.
if(UFORA_STATIC_LLVM)
  llvm_map_components_to_libnames(_ufora_llvm_libs orcjit jitlink native bitwriter passes)
  target_link_libraries(ufora_llvm INTERFACE ${_ufora_llvm_libs})
else()
  target_link_libraries(ufora_llvm INTERFACE LLVM)
endif()

# Debian's CPython, never a pyenv one found on PATH.
set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "CPython used for embedding and as the test oracle")
find_package(Python3 3.11 EXACT REQUIRED COMPONENTS Interpreter Development.Embed)

find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS context serialization)
find_package(Threads REQUIRED)
