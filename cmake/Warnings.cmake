# ufora_options: warnings (as errors) and sanitizers for our own targets only.
add_library(ufora_options INTERFACE)
target_compile_options(ufora_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter
  $<$<BOOL:${UFORA_WERROR}>:-Werror>)
if(UFORA_ASAN)
  target_compile_options(ufora_options INTERFACE -fsanitize=address -fno-omit-frame-pointer)
  target_link_options(ufora_options INTERFACE -fsanitize=address)
endif()
if(UFORA_UBSAN)
  target_compile_options(ufora_options INTERFACE -fsanitize=undefined -fno-sanitize-recover=undefined)
  target_link_options(ufora_options INTERFACE -fsanitize=undefined)
endif()
