// Per-thread free lists for the small objects that boxed code makes and drops by the million
// (a float per arithmetic result, a tuple per loop step). malloc/free were a third of the
// time of boxed float code (perf on bench/nbody.py); a free list is a pointer swap.
//
// A block freed on another thread joins that thread's list, which is safe because blocks of
// one size class are interchangeable. Each list is capped, and a thread's lists are
// returned to the heap when it exits. Under AddressSanitizer the lists are bypassed so that
// use-after-free is still caught.
#pragma once

#include <cstddef>

namespace ufora {

constexpr size_t kSmallAllocMax = 64;

void* small_alloc(size_t size);
void small_free(void* block, size_t size);

// Gives a class the pool as its operator new/delete (size is the dynamic type's size).
#define UFORA_SMALL_OBJECT_ALLOCATION                                                        \
  static void* operator new(size_t size) { return ::ufora::small_alloc(size); }             \
  static void operator delete(void* block, size_t size) { ::ufora::small_free(block, size); }

}  // namespace ufora
