// Lists and tuples of numbers that typed kernels make themselves: slices, concatenations,
// displays, `list(xs)`, `out = out + [x]` (issue 3: the two halves of a merge sort run in
// parallel only if kernels can take and return the lists they make).
//
// A kernel sees every sequence as a `PackedHeader*` (values/packed_seq.h). One it makes is a
// KernelList: the header, the buffer whose elements it views, and whether only one local
// holds it. Nothing is ever written inside a view, so views share buffers freely: a slice
// is a new header on its parent's buffer; appending writes past every existing view's end
// (a buffer records how far it is used, and only the view that ends there may extend it,
// claimed with a compare-and-swap since views may sit in several tasks); a header held by one
// local (`unique`) grows in place, so a loop of `out = out + [x]` costs amortised O(1) per
// item with no allocation, where CPython copies the list each time.
//
// Memory: everything a kernel call makes comes from the KernelListArena of the outermost
// kernel call (one per call from boxed code), in per-thread pieces (no locking), and is freed
// when that call returns, after its result was copied into a Python list. A call whose lists
// outgrow kArenaLimit gives up, and the boxed code runs it. Tasks carry their arena to the
// thread that runs them (Task::kernel_arena, scheduler.cpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "values/packed_seq.h"

namespace ufora {

struct KernelListBuffer {
  std::atomic<int64_t> used;  // elements written so far; views end at or before it
  int64_t capacity;
  int64_t* data() { return reinterpret_cast<int64_t*>(this + 1); }
};

struct KernelList {
  PackedHeader header;  // first: kernels treat a KernelList* as a PackedHeader*
  KernelListBuffer* buffer;
  // 1 while exactly one local holds this header (kernel_lists: share). Atomic (relaxed) only
  // because a forked call and its parent may both mark one argument shared at once.
  std::atomic<int64_t> unique;
};

// `header.chunks` of a KernelList: how the runtime tells one from a Python sequence's header.
extern const void* const kKernelListChunks[1];
inline bool is_kernel_list(const PackedHeader* h) { return h->chunks == kKernelListChunks; }

class KernelListArena {
 public:
  // More than this in one outermost kernel call gives up (the boxed code runs the call).
  static constexpr int64_t kArenaLimit = int64_t(4) << 30;

  KernelListArena();
  ~KernelListArena();
  KernelListArena(const KernelListArena&) = delete;
  KernelListArena& operator=(const KernelListArena&) = delete;

  // `bytes` (a multiple of 8), 8-aligned, from this thread's piece; null past kArenaLimit.
  void* allocate(int64_t bytes);
  int64_t bytes_used() const { return used_.load(std::memory_order_relaxed); }
  // Gives back the end of `block` (`bytes` long, keeping `keep`) when it is this thread's
  // latest allocation: the block's address afterwards (a big block may move), or null when
  // nothing was given back.
  void* shrink(void* block, int64_t bytes, int64_t keep);
  // Keeps a Python list a kernel built (a parallel list comprehension) until the arena goes;
  // its header then stands for it. owner_of: the list whose header `h` is, or null.
  void keep(Obj* list);
  Obj* owner_of(const PackedHeader* h);

  // The arena of the kernel call running on this thread (or null outside kernels).
  static KernelListArena* current();
  static void set_current(KernelListArena* a);

 private:
  struct Piece;
  Piece* piece_for_this_thread();

  uint64_t id_;
  std::atomic<int64_t> used_{0};
  std::mutex lock_;  // only to register a new thread's piece
  std::vector<std::unique_ptr<Piece>> pieces_;
  std::vector<Obj*> kept_;  // under lock_
};

// Makes an arena current for the outermost kernel call on this thread, unless one already is.
class KernelListScope {
 public:
  KernelListScope();
  ~KernelListScope();
  KernelListScope(const KernelListScope&) = delete;
  KernelListScope& operator=(const KernelListScope&) = delete;

 private:
  std::unique_ptr<KernelListArena> own_;
};

}  // namespace ufora

// What compiled kernels call. Headers are `PackedHeader*` (a Python sequence's or a
// KernelList's); each returns a new KernelList, or null when the arena is full (the kernel
// then gives up).
extern "C" {
// A list of `n` elements the kernel then stores into `flat` (kind: values/packed_seq.h).
void* ufr_kl_make(int64_t kind, int64_t n);
// An empty list with room for `capacity` elements before it moves (a comprehension whose
// source says how many items it has; compiled code then appends inline while there is room).
void* ufr_kl_reserve(int64_t kind, int64_t capacity);
// Gives back the room a reserved list did not fill (a filtered comprehension), when nothing
// was allocated after it.
void ufr_kl_trim(void* seq);
// seq[start:stop:step]; `given` has bit 0, 1, 2 set for the bounds written (None otherwise).
// A zero step returns null too (ValueError in Python, raised by the boxed code).
void* ufr_kl_slice(const void* seq, int64_t start, int64_t stop, int64_t step, int64_t given);
void* ufr_kl_concat(const void* a, const void* b);
// `seq + [bits]`: in place when `seq` is a unique KernelList whose buffer has room after it.
void* ufr_kl_push(void* seq, int64_t bits);
// The header of `list` (a new Python list of numbers, whose reference the arena takes).
void* ufr_kl_adopt(void* list);
// A new header on the same elements (`list(xs)`: a new object, equal, never written).
void* ufr_kl_copy(const void* seq);
// The header is about to be held by a second name (or passed on): no longer grown in place.
void ufr_kl_share(void* seq);
}
