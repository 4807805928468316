#include "values/small_alloc.h"

#include <new>

namespace ufora {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooling = false;
#else
constexpr bool kPooling = true;
#endif

constexpr size_t kClassBytes = 16;
constexpr size_t kClasses = kSmallAllocMax / kClassBytes;
constexpr size_t kMaxCached = 4096;  // blocks per class and thread

struct FreeBlock {
  FreeBlock* next;
};

// Plain data with the initial-exec TLS model: no lazy-initialisation check and no
// __tls_get_addr call per access (that call alone was 12 % of bench/nbody.py).
struct ThreadCache {
  FreeBlock* heads[kClasses];
  size_t counts[kClasses];
};

__attribute__((tls_model("initial-exec"))) thread_local ThreadCache cache;

// Returns a thread's cached blocks to the heap when it exits; armed by the first free.
struct CacheRelease {
  bool armed = false;
  ~CacheRelease() {
    for (FreeBlock*& head : cache.heads)
      while (head) {
        FreeBlock* next = head->next;
        ::operator delete(head);
        head = next;
      }
  }
};

thread_local CacheRelease release;

size_t class_of(size_t size) { return (size + kClassBytes - 1) / kClassBytes - 1; }

}  // namespace

void* small_alloc(size_t size) {
  if (!kPooling || size > kSmallAllocMax) return ::operator new(size);
  size_t c = class_of(size);
  if (FreeBlock* b = cache.heads[c]) {
    cache.heads[c] = b->next;
    --cache.counts[c];
    return b;
  }
  return ::operator new((c + 1) * kClassBytes);
}

void small_free(void* block, size_t size) {
  if (!kPooling || size > kSmallAllocMax) {
    ::operator delete(block);
    return;
  }
  size_t c = class_of(size);
  if (cache.counts[c] >= kMaxCached) {
    ::operator delete(block);
    return;
  }
  if (cache.counts[c] == 0 && !release.armed) release.armed = true;
  auto* b = static_cast<FreeBlock*>(block);
  b->next = cache.heads[c];
  cache.heads[c] = b;
  ++cache.counts[c];
}

}  // namespace ufora
