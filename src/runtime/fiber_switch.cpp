#include "runtime/fiber_switch.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace ufora {

void asan_start_switch([[maybe_unused]] void** fake_stack, [[maybe_unused]] StackExtent to) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(fake_stack, to.bottom, to.size);
#endif
}

void asan_finish_switch([[maybe_unused]] void* fake_stack, [[maybe_unused]] StackExtent* left) {
#if defined(__SANITIZE_ADDRESS__)
  if (left)
    __sanitizer_finish_switch_fiber(fake_stack, &left->bottom, &left->size);
  else
    __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
}

void* tsan_new_fiber() {
#if defined(__SANITIZE_THREAD__)
  return __tsan_create_fiber(0);
#else
  return nullptr;
#endif
}

void* tsan_current_fiber() {
#if defined(__SANITIZE_THREAD__)
  return __tsan_get_current_fiber();
#else
  return nullptr;
#endif
}

void tsan_switch_to([[maybe_unused]] void* fiber) {
#if defined(__SANITIZE_THREAD__)
  __tsan_switch_to_fiber(fiber, 0);
#endif
}

void tsan_destroy([[maybe_unused]] void* fiber) {
#if defined(__SANITIZE_THREAD__)
  if (fiber) __tsan_destroy_fiber(fiber);
#endif
}

}  // namespace ufora
