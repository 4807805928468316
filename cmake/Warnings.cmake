# ufora_options: warnings (as errors) and sanitizers for our own targets only.
add_library(ufora_options INTERFACE)
target_compile_options(ufora_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter
  $<$<BOOL:${UFORA_WERROR}>:-Werror>)
if(UFORA_ASAN)
  target_compile_options(ufora_options INTERFACE -fsanitize=address -fno-omit-frame-pointer)
  target_link_options(ufora_options INTERFACE -fsanitize=address)
endif()
# What every test runs with: CPython's embedded interpreter keeps its own allocations until
# the process ends, which LeakSanitizer would report as ours. The compile cache of the tests
# lives in the build tree, not in the home directory of whoever runs them.
set(UFORA_TEST_ENVIRONMENT "UFORA_TEST=1;UFORA_CACHE_DIR=${PROJECT_BINARY_DIR}/compile-cache")
if(UFORA_ASAN)
  list(APPEND UFORA_TEST_ENVIRONMENT "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/test/lsan.supp:print_suppressions=0")
endif()
if(UFORA_TSAN)
  if(UFORA_ASAN)
    message(FATAL_ERROR "UFORA_TSAN and UFORA_ASAN cannot be combined")
  endif()
  target_compile_options(ufora_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(ufora_options INTERFACE -fsanitize=thread)
endif()
if(UFORA_UBSAN)
  target_compile_options(ufora_options INTERFACE -fsanitize=undefined -fno-sanitize-recover=undefined)
  target_link_options(ufora_options INTERFACE -fsanitize=undefined)
endif()
