// Fork-join of independent calls inside typed kernels: in `f(a) + g(b)`, or the two halves
// of a divide-and-conquer recursion, the first call can run on another thread while this
// one makes the second. Compiled code only forks when g_split_wanted is set (scheduler.h);
// otherwise it makes both calls itself, in order.
#pragma once

#include <cstdint>

extern "C" {
// `thunk(frame)` makes the call and returns 0 when the kernel gave up. Offers it to other
// threads and returns a handle for ufr_join.
void* ufr_fork(int32_t (*thunk)(void* frame), void* frame);
// Waits for the forked call (running it here if nobody took it); its thunk's result.
int32_t ufr_join(void* handle);
}
