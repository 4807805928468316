// Unboxed storage for sequences whose elements are all floats or all (int64) ints
// (DESIGN.md decision 8): the elements are raw doubles or int64s, seen as fixed-size chunks.
//
// Every chunk but the last holds exactly kChunkElems elements, so element i is
// chunk[i >> kChunkShift][i & kChunkMask]. Chunks are immutable once made; later work (paging,
// MPI) moves them between processes without the compiler noticing. Today every sequence's
// chunks are consecutive pieces of one block (owned, or lent by the host through the
// zero-copy `std::span` arguments of the API), and `flat` points at it: typed JIT code reads
// element i as flat[i], one load instead of two dependent ones. Over a 4M-float sum the chunk
// lookup cost 30-50 % (a C++ loop, two alternating 32 MB arrays: 0.77-0.94 s chunked against
// 0.59-0.65 s flat). A sequence whose chunks are not together (paged in later) sets `flat` to
// null, and kernels refuse it (Specializer::kernel_value). A view is turned into an owned copy
// (`detach`) before the lender takes its memory back.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace ufora {

struct Obj;

enum class PackedKind : int64_t { Float = 1, Int = 2 };

constexpr int kChunkShift = 16;
constexpr int64_t kChunkElems = int64_t(1) << kChunkShift;
constexpr int64_t kChunkMask = kChunkElems - 1;

// The part typed JIT code reads; its layout is part of the JIT's contract (typed_codegen).
struct PackedHeader {
  int64_t size;
  PackedKind kind;
  const void* const* chunks;  // chunk start addresses, ceil(size / kChunkElems) of them
  const void* flat;           // all the elements in order when the chunks are one block, else null
};

class PackedSeq {
 public:
  // Copies `n` elements (doubles or int64s by `kind`) into owned chunks.
  static std::unique_ptr<PackedSeq> copy_of(PackedKind kind, const void* data, int64_t n);
  // Takes over a block holding `n` elements (at least n slots).
  static std::unique_ptr<PackedSeq> adopt(PackedKind kind, std::unique_ptr<int64_t[]> block, int64_t n);
  // Views `n` elements of host memory without copying; see detach().
  static std::unique_ptr<PackedSeq> view_of(PackedKind kind, const void* data, int64_t n);
  // Packs boxed items when they are all exact floats or all int64 ints (not bools, not big
  // ints); nullptr otherwise.
  static std::unique_ptr<PackedSeq> pack(const std::vector<Obj*>& items);

  const PackedHeader& header() const { return header_; }
  int64_t size() const { return header_.size; }
  PackedKind kind() const { return header_.kind; }
  double float_at(int64_t i) const { return static_cast<const double*>(header_.flat)[i]; }
  int64_t int_at(int64_t i) const { return static_cast<const int64_t*>(header_.flat)[i]; }
  // Element i as a new boxed reference.
  Obj* box(int64_t i) const;
  bool is_view() const { return view_; }
  // Replaces the viewed elements by an owned copy; they do not change.
  void detach();

 private:
  PackedSeq(PackedKind kind, int64_t n);
  // Points `flat` and the chunks at `data`.
  void place(const void* data);

  PackedHeader header_{};
  std::vector<const void*> chunk_ptrs_;
  std::unique_ptr<int64_t[]> owned_;  // 8-byte elements either way; null for a view
  bool view_ = false;
};

}  // namespace ufora
