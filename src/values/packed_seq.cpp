#include "values/packed_seq.h"

#include <algorithm>
#include <cstring>

#include "values/object.h"

namespace ufora {

static_assert(sizeof(double) == sizeof(int64_t), "chunks hold 8-byte elements of either kind");

PackedSeq::PackedSeq(PackedKind kind, int64_t n) {
  header_.size = n;
  header_.kind = kind;
  chunk_ptrs_.resize(size_t((n + kChunkElems - 1) / kChunkElems));
  header_.chunks = chunk_ptrs_.data();
}

void PackedSeq::own_copy(const void* data) {
  const auto* src = static_cast<const unsigned char*>(data);
  owned_.clear();
  for (size_t c = 0; c < chunk_ptrs_.size(); ++c) {
    int64_t first = int64_t(c) * kChunkElems;
    int64_t count = std::min(kChunkElems, header_.size - first);
    auto chunk = std::make_unique<int64_t[]>(size_t(count));
    if (src) std::memcpy(chunk.get(), src + first * 8, size_t(count) * 8);
    chunk_ptrs_[c] = chunk.get();
    owned_.push_back(std::move(chunk));
  }
  view_ = false;
}

std::unique_ptr<PackedSeq> PackedSeq::copy_of(PackedKind kind, const void* data, int64_t n) {
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, n));
  p->own_copy(data);
  return p;
}

std::unique_ptr<PackedSeq> PackedSeq::adopt(PackedKind kind, std::vector<std::unique_ptr<int64_t[]>> chunks, int64_t n) {
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, n));
  for (size_t c = 0; c < p->chunk_ptrs_.size(); ++c) p->chunk_ptrs_[c] = chunks[c].get();
  chunks.resize(p->chunk_ptrs_.size());  // a builder's unused last chunk, if any, goes
  p->owned_ = std::move(chunks);
  return p;
}

std::unique_ptr<PackedSeq> PackedSeq::view_of(PackedKind kind, const void* data, int64_t n) {
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, n));
  const auto* src = static_cast<const unsigned char*>(data);
  for (size_t c = 0; c < p->chunk_ptrs_.size(); ++c) p->chunk_ptrs_[c] = src + int64_t(c) * kChunkElems * 8;
  p->view_ = true;
  return p;
}

void PackedSeq::detach() {
  if (!view_) return;
  // The views are consecutive pieces of one lent array; copy them chunk by chunk.
  std::vector<const void*> lent = chunk_ptrs_;
  owned_.clear();
  for (size_t c = 0; c < lent.size(); ++c) {
    int64_t count = std::min(kChunkElems, header_.size - int64_t(c) * kChunkElems);
    auto chunk = std::make_unique<int64_t[]>(size_t(count));
    std::memcpy(chunk.get(), lent[c], size_t(count) * 8);
    chunk_ptrs_[c] = chunk.get();
    owned_.push_back(std::move(chunk));
  }
  view_ = false;
}

std::unique_ptr<PackedSeq> PackedSeq::pack(const std::vector<Obj*>& items) {
  if (items.empty()) return nullptr;
  Tag tag = items[0]->tag;
  if (tag != Tag::Float && tag != Tag::Int) return nullptr;
  for (Obj* o : items)
    if (o->tag != tag) return nullptr;
  PackedKind kind = tag == Tag::Float ? PackedKind::Float : PackedKind::Int;
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, int64_t(items.size())));
  p->own_copy(nullptr);
  for (size_t i = 0; i < items.size(); ++i) {
    auto* chunk = const_cast<void*>(p->chunk_ptrs_[i >> kChunkShift]);
    size_t at = i & size_t(kChunkMask);
    if (kind == PackedKind::Float)
      static_cast<double*>(chunk)[at] = static_cast<FloatObj*>(items[i])->v;
    else
      static_cast<int64_t*>(chunk)[at] = static_cast<IntObj*>(items[i])->v;
  }
  return p;
}

Obj* PackedSeq::box(int64_t i) const {
  return header_.kind == PackedKind::Float ? new_float(float_at(i)) : new_int(int_at(i));
}

}  // namespace ufora
