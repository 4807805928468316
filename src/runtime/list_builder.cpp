#include "runtime/list_builder.h"

#include <algorithm>
#include <cstring>

#include "values/object.h"

namespace ufora {

ListBuilder::ListBuilder(PackedKind kind, int64_t expected) : kind_(kind), expected_(std::clamp<int64_t>(expected, 4, kChunkElems)) {}

void ListBuilder::grow() {
  if (tail_.data && tail_.capacity < kChunkElems) {
    // The first chunk started small (a short list should not take half a megabyte): double it.
    int64_t capacity = std::min(tail_.capacity * 2, kChunkElems);
    std::unique_ptr<int64_t[]> bigger(new int64_t[size_t(capacity)]);
    std::memcpy(bigger.get(), tail_.data, size_t(tail_.size) * 8);
    chunks_.back() = std::move(bigger);
    tail_.data = chunks_.back().get();
    tail_.capacity = capacity;
    return;
  }
  seal();
  int64_t capacity = chunks_.empty() ? expected_ : kChunkElems;
  chunks_.emplace_back(new int64_t[size_t(capacity)]);  // uninitialised: every slot is written before it is read
  sizes_.push_back(0);
  tail_.data = chunks_.back().get();
  tail_.size = 0;
  tail_.capacity = capacity;
}

void ListBuilder::append(ListBuilder&& other) {
  if (other.chunks_.empty()) return;
  seal();
  other.seal();
  for (size_t i = 0; i < other.chunks_.size(); ++i) {
    chunks_.push_back(std::move(other.chunks_[i]));
    sizes_.push_back(other.sizes_[i]);
  }
  tail_ = other.tail_;
  other.chunks_.clear();
  other.sizes_.clear();
  other.tail_.data = nullptr;
  other.tail_.size = other.tail_.capacity = 0;
}

Obj* ListBuilder::finish() {
  seal();
  int64_t n = 0;
  for (int64_t size : sizes_) n += size;
  if (n == 0) return new_list({});
  // A sequence is one block (values/packed_seq.h): a single chunk is taken as it is; several
  // (a long list, or the parts of a parallel one) are copied into one block, once.
  if (chunks_.size() == 1) return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(chunks_[0]), n));
  std::unique_ptr<int64_t[]> block(new int64_t[size_t(n)]);
  int64_t at = 0;
  for (size_t i = 0; i < chunks_.size(); ++i) {
    std::memcpy(block.get() + at, chunks_[i].get(), size_t(sizes_[i]) * 8);
    at += sizes_[i];
    chunks_[i].reset();
  }
  return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(block), n));
}

}  // namespace ufora
