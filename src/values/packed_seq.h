// Unboxed storage for sequences whose elements are all floats or all (int64) ints
// (DESIGN.md decision 8): the elements are raw doubles or int64s in fixed-size chunks.
//
// Every chunk but the last holds exactly kChunkElems elements, so element i is
// chunk[i >> kChunkShift][i & kChunkMask]: one extra load over a flat array, which typed JIT
// code does inline. Chunks are immutable once made; later work (paging, MPI) moves them
// between processes without the compiler noticing. A chunk either owns its memory or views
// memory lent by the host (the zero-copy `std::span` arguments of the API); a view is
// turned into an owned copy (`detach`) before the lender takes its memory back.
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
};

class PackedSeq {
 public:
  // Copies `n` elements (doubles or int64s by `kind`) into owned chunks.
  static std::unique_ptr<PackedSeq> copy_of(PackedKind kind, const void* data, int64_t n);
  // Takes over chunks of `n` elements in all: every chunk but the last holds kChunkElems.
  static std::unique_ptr<PackedSeq> adopt(PackedKind kind, std::vector<std::unique_ptr<int64_t[]>> chunks, int64_t n);
  // Views `n` elements of host memory without copying; see detach().
  static std::unique_ptr<PackedSeq> view_of(PackedKind kind, const void* data, int64_t n);
  // Packs boxed items when they are all exact floats or all int64 ints (not bools, not big
  // ints); nullptr otherwise.
  static std::unique_ptr<PackedSeq> pack(const std::vector<Obj*>& items);

  const PackedHeader& header() const { return header_; }
  int64_t size() const { return header_.size; }
  PackedKind kind() const { return header_.kind; }
  double float_at(int64_t i) const { return static_cast<const double*>(chunk_ptrs_[size_t(i >> kChunkShift)])[i & kChunkMask]; }
  int64_t int_at(int64_t i) const { return static_cast<const int64_t*>(chunk_ptrs_[size_t(i >> kChunkShift)])[i & kChunkMask]; }
  // Element i as a new boxed reference.
  Obj* box(int64_t i) const;
  bool is_view() const { return view_; }
  // Replaces viewed chunks by owned copies; the elements do not change.
  void detach();

 private:
  PackedSeq(PackedKind kind, int64_t n);
  void own_copy(const void* data);

  PackedHeader header_{};
  std::vector<const void*> chunk_ptrs_;
  std::vector<std::unique_ptr<int64_t[]>> owned_;  // 8-byte elements either way
  bool view_ = false;
};

}  // namespace ufora
