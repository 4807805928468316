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

void PackedSeq::place(const void* data) {
  const auto* base = static_cast<const unsigned char*>(data);
  for (size_t c = 0; c < chunk_ptrs_.size(); ++c) chunk_ptrs_[c] = base + int64_t(c) * kChunkElems * 8;
  header_.flat = data;
}

std::unique_ptr<PackedSeq> PackedSeq::copy_of(PackedKind kind, const void* data, int64_t n) {
  std::unique_ptr<int64_t[]> block(new int64_t[size_t(std::max<int64_t>(n, 1))]);
  if (n > 0) std::memcpy(block.get(), data, size_t(n) * 8);
  return adopt(kind, std::move(block), n);
}

std::unique_ptr<PackedSeq> PackedSeq::adopt(PackedKind kind, std::unique_ptr<int64_t[]> block, int64_t n) {
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, n));
  p->owned_ = std::move(block);
  p->place(p->owned_.get());
  return p;
}

std::unique_ptr<PackedSeq> PackedSeq::view_of(PackedKind kind, const void* data, int64_t n) {
  std::unique_ptr<PackedSeq> p(new PackedSeq(kind, n));
  p->place(data);
  p->view_ = true;
  return p;
}

void PackedSeq::detach() {
  if (!view_) return;
  std::unique_ptr<int64_t[]> block(new int64_t[size_t(std::max<int64_t>(header_.size, 1))]);
  if (header_.size > 0) std::memcpy(block.get(), header_.flat, size_t(header_.size) * 8);
  owned_ = std::move(block);
  place(owned_.get());
  view_ = false;
}

std::unique_ptr<PackedSeq> PackedSeq::pack(const std::vector<Obj*>& items) {
  if (items.empty()) return nullptr;
  Tag tag = items[0]->tag;
  if (tag != Tag::Float && tag != Tag::Int) return nullptr;
  for (Obj* o : items)
    if (o->tag != tag) return nullptr;
  PackedKind kind = tag == Tag::Float ? PackedKind::Float : PackedKind::Int;
  std::unique_ptr<int64_t[]> block(new int64_t[items.size()]);
  for (size_t i = 0; i < items.size(); ++i) {
    if (kind == PackedKind::Float)
      std::memcpy(&block[i], &static_cast<FloatObj*>(items[i])->v, 8);
    else
      block[i] = static_cast<IntObj*>(items[i])->v;
  }
  return adopt(kind, std::move(block), int64_t(items.size()));
}

Obj* PackedSeq::box(int64_t i) const {
  return header_.kind == PackedKind::Float ? new_float(float_at(i)) : new_int(int_at(i));
}

}  // namespace ufora
