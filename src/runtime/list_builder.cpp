#include "runtime/list_builder.h"

#include <algorithm>
#include <cstring>

#include "values/object.h"

namespace ufora {

ListBuilder::ListBuilder(PackedKind kind, int64_t expected) : kind_(kind), expected_(std::clamp<int64_t>(expected, 4, kChunkElems)) {}

void ListBuilder::grow() {
  if (tail_ && tail_capacity_ < kChunkElems) {
    // The first chunk started small (a short list should not take half a megabyte): double it.
    int64_t capacity = std::min(tail_capacity_ * 2, kChunkElems);
    std::unique_ptr<int64_t[]> bigger(new int64_t[size_t(capacity)]);
    std::memcpy(bigger.get(), tail_, size_t(tail_size_) * 8);
    chunks_.back() = std::move(bigger);
    tail_ = chunks_.back().get();
    tail_capacity_ = capacity;
    return;
  }
  seal();
  int64_t capacity = chunks_.empty() ? expected_ : kChunkElems;
  chunks_.emplace_back(new int64_t[size_t(capacity)]);  // uninitialised: every slot is written before it is read
  sizes_.push_back(0);
  tail_ = chunks_.back().get();
  tail_size_ = 0;
  tail_capacity_ = capacity;
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
  tail_size_ = other.tail_size_;
  tail_capacity_ = other.tail_capacity_;
  other.chunks_.clear();
  other.sizes_.clear();
  other.tail_ = nullptr;
  other.tail_size_ = other.tail_capacity_ = 0;
}

Obj* ListBuilder::finish() {
  seal();
  int64_t n = 0;
  bool full = true;  // every chunk but the last holds exactly kChunkElems: adopt them as they are
  for (size_t i = 0; i < sizes_.size(); ++i) {
    n += sizes_[i];
    if (i + 1 < sizes_.size() && sizes_[i] != kChunkElems) full = false;
  }
  if (n == 0) return new_list({});
  if (full) return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(chunks_), n));
  // Joined parts: copy the elements into full chunks, once.
  std::vector<std::unique_ptr<int64_t[]>> packed;
  int64_t filled = kChunkElems;
  for (size_t i = 0; i < chunks_.size(); ++i) {
    const int64_t* src = chunks_[i].get();
    int64_t left = sizes_[i];
    while (left > 0) {
      if (filled == kChunkElems) {
        int64_t remaining = n - int64_t(packed.size()) * kChunkElems;
        packed.emplace_back(new int64_t[size_t(std::min(remaining, kChunkElems))]);
        filled = 0;
      }
      int64_t take = std::min(left, kChunkElems - filled);
      std::memcpy(packed.back().get() + filled, src, size_t(take) * 8);
      filled += take;
      src += take;
      left -= take;
    }
    chunks_[i].reset();
  }
  return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(packed), n));
}

}  // namespace ufora
