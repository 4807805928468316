// What the sanitizers must be told when a thread switches stacks. Boost.Context's fcontext
// fibers switch stacks behind their backs: AddressSanitizer would take a fiber's stack for
// an overflow of the thread's, and ThreadSanitizer would attribute one fiber's accesses to
// another. Generators (generator.cpp) and scheduler tasks (task_fiber.cpp) both call these
// around every switch; in builds without the sanitizers they compile to nothing.
#pragma once

#include <cstddef>

namespace ufora {

// The extent of a stack, for AddressSanitizer.
struct StackExtent {
  const void* bottom = nullptr;
  size_t size = 0;
};

// Right before switching to the stack `to`. `fake_stack` saves the leaving context's
// use-after-return state (nullptr when the leaving stack ends with this switch).
void asan_start_switch(void** fake_stack, StackExtent to);
// Right after landing; fills `left` with the stack just left (when not nullptr).
void asan_finish_switch(void* fake_stack, StackExtent* left);

// ThreadSanitizer keeps a context per fiber: create one per fiber, switch to it right
// before the stack switch, destroy it when the fiber is gone.
void* tsan_new_fiber();
void* tsan_current_fiber();
void tsan_switch_to(void* fiber);
void tsan_destroy(void* fiber);

}  // namespace ufora
