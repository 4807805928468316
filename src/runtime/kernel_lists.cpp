#include "runtime/kernel_lists.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "values/object.h"
#include "values/slice_bounds.h"

namespace ufora {

const void* const kKernelListChunks[1] = {nullptr};

namespace {

// Arenas are told apart by an id that is never reused, so a thread's cached piece of an
// arena that is gone (another one may now sit at the same address) is never taken for one
// of the current arena.
std::atomic<uint64_t> g_next_arena{1};
// Initial-exec: no __tls_get_addr call on every list a kernel makes (3 % of a merge sort).
__attribute__((tls_model("initial-exec"))) thread_local KernelListArena* t_current = nullptr;

constexpr int64_t kChunkBytes = int64_t(1) << 20;
constexpr int64_t kBigBytes = kChunkBytes / 4;  // allocated on their own

}  // namespace

// One thread's part of an arena: bump allocation in 1 MiB chunks; big blocks on their own.
struct KernelListArena::Piece {
  std::vector<void*> blocks;  // everything malloc'ed, freed with the arena
  char* next = nullptr;
  char* end = nullptr;
  ~Piece() {
    for (void* b : blocks) std::free(b);
  }
};

namespace {
struct ThreadCache {
  uint64_t arena = 0;
  void* piece = nullptr;
};
__attribute__((tls_model("initial-exec"))) thread_local ThreadCache t_cache;
}  // namespace

KernelListArena::KernelListArena() : id_(g_next_arena.fetch_add(1, std::memory_order_relaxed)) {}
// On the thread that made the arena (the boxed code's): the kept lists' references are its.
KernelListArena::~KernelListArena() {
  for (Obj* o : kept_) decref(o);
}

void KernelListArena::keep(Obj* list) {
  std::lock_guard<std::mutex> hold(lock_);
  kept_.push_back(list);
}

Obj* KernelListArena::owner_of(const PackedHeader* h) {
  std::lock_guard<std::mutex> hold(lock_);
  for (Obj* o : kept_)
    if (const PackedSeq* p = static_cast<SeqObj*>(o)->packed_if_made(); p && &p->header() == h) return o;
  return nullptr;
}

KernelListArena* KernelListArena::current() { return t_current; }
void KernelListArena::set_current(KernelListArena* a) { t_current = a; }

KernelListArena::Piece* KernelListArena::piece_for_this_thread() {
  if (t_cache.arena == id_) return static_cast<Piece*>(t_cache.piece);
  std::lock_guard<std::mutex> hold(lock_);
  pieces_.push_back(std::make_unique<Piece>());
  t_cache = {id_, pieces_.back().get()};
  return pieces_.back().get();
}

void* KernelListArena::allocate(int64_t bytes) {
  Piece* p = piece_for_this_thread();
  if (bytes <= kBigBytes && p->end - p->next >= bytes) {
    void* out = p->next;
    p->next += bytes;
    return out;
  }
  int64_t block = bytes > kBigBytes ? bytes : kChunkBytes;
  if (used_.fetch_add(block, std::memory_order_relaxed) + block > kArenaLimit) return nullptr;
  void* mem = std::malloc(size_t(block));
  if (!mem) return nullptr;
  p->blocks.push_back(mem);
  if (bytes > kBigBytes) return mem;
  p->next = static_cast<char*>(mem) + bytes;
  p->end = static_cast<char*>(mem) + block;
  return mem;
}

void* KernelListArena::shrink(void* block, int64_t bytes, int64_t keep) {
  Piece* p = piece_for_this_thread();
  char* start = static_cast<char*>(block);
  if (start + bytes == p->next) {  // the latest bump allocation
    p->next = start + keep;
    return block;
  }
  if (bytes <= kBigBytes || p->blocks.empty() || p->blocks.back() != block) return nullptr;
  void* moved = std::realloc(block, size_t(keep));
  if (!moved) return nullptr;
  p->blocks.back() = moved;
  used_.fetch_sub(bytes - keep, std::memory_order_relaxed);
  return moved;
}

KernelListScope::KernelListScope() {
  if (KernelListArena::current()) return;
  own_ = std::make_unique<KernelListArena>();
  KernelListArena::set_current(own_.get());
}

KernelListScope::~KernelListScope() {
  if (own_) KernelListArena::set_current(nullptr);
}

}  // namespace ufora

namespace {

using ufora::KernelList;
using ufora::KernelListArena;
using ufora::KernelListBuffer;
using ufora::PackedHeader;
using ufora::PackedKind;

KernelListBuffer* new_buffer(int64_t capacity) {
  KernelListArena* arena = KernelListArena::current();
  if (!arena) return nullptr;
  void* mem = arena->allocate(int64_t(sizeof(KernelListBuffer)) + 8 * std::max<int64_t>(capacity, 1));
  if (!mem) return nullptr;
  auto* b = new (mem) KernelListBuffer;
  b->used.store(0, std::memory_order_relaxed);
  b->capacity = std::max<int64_t>(capacity, 1);
  return b;
}

KernelList* new_header(PackedKind kind, KernelListBuffer* buffer, const int64_t* flat, int64_t size) {
  KernelListArena* arena = KernelListArena::current();
  void* mem = arena ? arena->allocate(sizeof(KernelList)) : nullptr;
  if (!mem) return nullptr;
  auto* l = new (mem) KernelList;
  l->header = PackedHeader{size, kind, ufora::kKernelListChunks, flat};
  l->buffer = buffer;
  l->unique.store(1, std::memory_order_relaxed);
  return l;
}

const int64_t* elements(const PackedHeader* h) { return static_cast<const int64_t*>(h->flat); }

// Claims `n` slots right after the view [flat, flat + size) in its buffer, if the view ends
// where the buffer is used up to and there is room; the slots' address, or null.
int64_t* claim_after(const PackedHeader* h, int64_t n) {
  if (!ufora::is_kernel_list(h)) return nullptr;
  KernelListBuffer* buf = reinterpret_cast<const KernelList*>(h)->buffer;
  if (!buf) return nullptr;  // a view of a Python sequence
  int64_t end = elements(h) + h->size - buf->data();
  if (end + n > buf->capacity) return nullptr;
  int64_t expected = end;
  if (!buf->used.compare_exchange_strong(expected, end + n, std::memory_order_relaxed)) return nullptr;
  return buf->data() + end;
}

// A new list of a's elements followed by b's, in a new buffer with room to grow.
// With room for as many again: a result is often extended next (`out = out + ys`, or the
// `+ qs(C)` after `qs(A) + B`); making it to size measured more memory, not less, since every
// later `+` then copies.
KernelList* copy_concat(PackedKind kind, const PackedHeader* a, const int64_t* b, int64_t nb) {
  int64_t n = a->size + nb;
  KernelListBuffer* buf = new_buffer(std::max<int64_t>(2 * n, 8));
  if (!buf) return nullptr;
  if (a->size) std::memcpy(buf->data(), elements(a), size_t(a->size) * 8);
  if (nb) std::memcpy(buf->data() + a->size, b, size_t(nb) * 8);
  buf->used.store(n, std::memory_order_relaxed);
  return new_header(kind, buf, buf->data(), n);
}

}  // namespace

extern "C" {

void* ufr_kl_make(int64_t kind, int64_t n) {
  KernelListBuffer* buf = new_buffer(n ? n : 8);  // `[]` is usually appended to next
  if (!buf) return nullptr;
  buf->used.store(n, std::memory_order_relaxed);
  return new_header(PackedKind(kind), buf, buf->data(), n);
}

void* ufr_kl_reserve(int64_t kind, int64_t capacity) {
  // Past kReserveLimit the list grows as it is filled.
  constexpr int64_t kReserveLimit = int64_t(1) << 24;
  // The header first: the buffer is then the latest allocation, which ufr_kl_trim can shorten.
  KernelList* l = new_header(PackedKind(kind), nullptr, nullptr, 0);
  KernelListBuffer* buf = l ? new_buffer(std::clamp<int64_t>(capacity, 8, kReserveLimit)) : nullptr;
  if (!buf) return nullptr;
  l->buffer = buf;
  l->header.flat = buf->data();
  return l;
}

void ufr_kl_trim(void* seq) {
  auto* l = static_cast<KernelList*>(seq);
  KernelListBuffer* buf = l->buffer;
  int64_t keep = std::max<int64_t>(l->header.size, 1);
  if (buf->capacity - keep < 64 || l->header.flat != buf->data()) return;  // not worth it
  auto bytes = [](int64_t n) { return int64_t(sizeof(KernelListBuffer)) + 8 * n; };
  auto* moved = static_cast<KernelListBuffer*>(KernelListArena::current()->shrink(buf, bytes(buf->capacity), bytes(keep)));
  if (!moved) return;  // something was allocated after it: the room stays for appends
  moved->capacity = keep;
  l->buffer = moved;
  l->header.flat = moved->data();
}

void* ufr_kl_slice(const void* seq, int64_t start, int64_t stop, int64_t step, int64_t given) {
  const auto* h = static_cast<const PackedHeader*>(seq);
  int64_t n = h->size;
  if (!(given & 4)) step = 1;
  if (step == 0) return nullptr;
  // Python's slice.indices(): clamp each given bound into the sequence, by the step's sign.
  auto adjust = [&](int64_t v, bool present, int64_t absent) { return present ? ufora::clamp_slice_bound(v, n, step) : absent; };
  int64_t lo = adjust(start, given & 1, step < 0 ? n - 1 : 0);
  int64_t hi = adjust(stop, given & 2, step < 0 ? -1 : n);
  KernelListBuffer* parent = ufora::is_kernel_list(h) ? reinterpret_cast<const KernelList*>(h)->buffer : nullptr;
  if (step == 1) {
    int64_t len = std::max<int64_t>(hi - lo, 0);
    if (!parent) {
      // A Python sequence's elements live as long as the outermost call's argument: view them.
      return new_header(h->kind, nullptr, elements(h) + (len ? lo : 0), len);
    }
    return new_header(h->kind, parent, elements(h) + (len ? lo : 0), len);
  }
  int64_t len = step > 0 ? (hi > lo ? (hi - lo - 1) / step + 1 : 0) : (lo > hi ? (lo - hi - 1) / -step + 1 : 0);
  KernelListBuffer* buf = new_buffer(len);
  if (!buf) return nullptr;
  for (int64_t i = 0; i < len; ++i) buf->data()[i] = elements(h)[lo + i * step];
  buf->used.store(len, std::memory_order_relaxed);
  return new_header(h->kind, buf, buf->data(), len);
}

void* ufr_kl_concat(const void* a, const void* b) {
  const auto* x = static_cast<const PackedHeader*>(a);
  const auto* y = static_cast<const PackedHeader*>(b);
  PackedKind kind = x->size ? x->kind : y->kind;
  if (int64_t* room = claim_after(x, y->size)) {
    if (y->size) std::memcpy(room, elements(y), size_t(y->size) * 8);
    return new_header(kind, reinterpret_cast<const KernelList*>(x)->buffer, elements(x), x->size + y->size);
  }
  return copy_concat(kind, x, elements(y), y->size);
}

void* ufr_kl_push(void* seq, int64_t bits) {
  auto* h = static_cast<PackedHeader*>(seq);
  if (int64_t* room = claim_after(h, 1)) {
    *room = bits;
    auto* l = reinterpret_cast<KernelList*>(h);
    if (l->unique.load(std::memory_order_relaxed)) {
      ++h->size;
      return h;
    }
    return new_header(h->kind, l->buffer, elements(h), h->size + 1);
  }
  return copy_concat(h->kind, h, &bits, 1);
}

void* ufr_kl_adopt(void* list) {
  auto* seq = static_cast<ufora::SeqObj*>(list);
  KernelListArena* arena = KernelListArena::current();
  if (!arena || !seq) {
    if (seq) ufora::decref(seq);
    return nullptr;
  }
  arena->keep(seq);
  // An empty list has no unboxed view: it stands for itself as an empty list of the kernel's.
  const ufora::PackedSeq* packed = seq->packed();
  if (!packed) return ufr_kl_make(int64_t(PackedKind::Int), 0);
  return const_cast<PackedHeader*>(&packed->header());
}

void* ufr_kl_copy(const void* seq) {
  const auto* h = static_cast<const PackedHeader*>(seq);
  KernelListBuffer* buf = ufora::is_kernel_list(h) ? reinterpret_cast<const KernelList*>(h)->buffer : nullptr;
  return new_header(h->kind, buf, elements(h), h->size);
}

void ufr_kl_share(void* seq) {
  auto* h = static_cast<PackedHeader*>(seq);
  if (!ufora::is_kernel_list(h)) return;
  auto& unique = reinterpret_cast<KernelList*>(h)->unique;
  if (unique.load(std::memory_order_relaxed)) unique.store(0, std::memory_order_relaxed);  // no write once shared
}

}  // extern "C"
