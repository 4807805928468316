#include "runtime/list_builder.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "values/object.h"

namespace ufora {

std::shared_ptr<ListPlacement> ListPlacement::make(int64_t n) {
  // A filtered comprehension over a huge range may keep few elements: the block is only
  // address space until written, but stay within what can be mapped.
  if (n <= 0 || n > (int64_t(1) << 31)) return nullptr;
  auto placement = std::make_shared<ListPlacement>();
  placement->block.reset(new (std::nothrow) int64_t[size_t(n)]);
  if (!placement->block) return nullptr;
  placement->n = n;
  return placement;
}

ListBuilder::ListBuilder(PackedKind kind, int64_t expected) : kind_(kind), expected_(std::clamp<int64_t>(expected, 4, kChunkElems)) {}

ListBuilder::ListBuilder(PackedKind kind, std::shared_ptr<ListPlacement> placement, int64_t lo, int64_t hi)
    : kind_(kind), expected_(kChunkElems), placement_(std::move(placement)) {
  if (!placement_ || lo < 0 || hi > placement_->n || lo >= hi) {
    placement_.reset();  // nothing to place: an ordinary builder
    expected_ = std::clamp<int64_t>(hi - lo, 4, kChunkElems);
    return;
  }
  segments_.push_back(Segment{nullptr, placement_->block.get() + lo, 0});
  tail_.data = segments_.back().data;
  tail_.capacity = hi - lo;
}

void ListBuilder::grow() {
  Segment* last = segments_.empty() ? nullptr : &segments_.back();
  if (last && last->owned && tail_.capacity < kChunkElems) {
    // The first buffer started small (a short list should not take half a megabyte): double it.
    int64_t capacity = std::min(tail_.capacity * 2, kChunkElems);
    std::unique_ptr<int64_t[]> bigger(new int64_t[size_t(capacity)]);
    std::memcpy(bigger.get(), tail_.data, size_t(tail_.size) * 8);
    last->owned = std::move(bigger);
    last->data = tail_.data = last->owned.get();
    tail_.capacity = capacity;
    return;
  }
  seal();
  int64_t capacity = segments_.empty() ? expected_ : kChunkElems;
  std::unique_ptr<int64_t[]> buffer(new int64_t[size_t(capacity)]);  // uninitialised: every slot is written before it is read
  int64_t* data = buffer.get();
  segments_.push_back(Segment{std::move(buffer), data, 0});
  tail_.data = data;
  tail_.size = 0;
  tail_.capacity = capacity;
}

void ListBuilder::append(ListBuilder&& other) {
  if (other.segments_.empty()) return;
  seal();
  other.seal();
  if (placement_ && other.placement_ && other.placement_ != placement_) {
    // Another comprehension's block (not something kernels do): keep copies of its elements.
    for (Segment& s : other.segments_) {
      if (s.owned) continue;
      s.owned.reset(new int64_t[size_t(std::max<int64_t>(s.size, 1))]);
      std::memcpy(s.owned.get(), s.data, size_t(s.size) * 8);
      if (&s == &other.segments_.back()) other.tail_.data = s.owned.get(), other.tail_.capacity = s.size;
      s.data = s.owned.get();
    }
  }
  for (Segment& s : other.segments_) segments_.push_back(std::move(s));
  if (!placement_) placement_ = other.placement_;
  tail_ = other.tail_;
  other.segments_.clear();
  other.placement_.reset();
  other.tail_ = Tail{};
}

bool ListBuilder::tiles_placement() const {
  if (!placement_ || segments_.empty()) return false;
  const int64_t* at = placement_->block.get();
  for (const Segment& s : segments_) {
    if (s.owned || s.data != at) return false;
    at += s.size;
  }
  return at == placement_->block.get() + placement_->n;
}

Obj* ListBuilder::finish() {
  seal();
  int64_t n = 0;
  for (const Segment& s : segments_) n += s.size;
  if (n == 0) return new_list({});
  // A sequence is one block (values/packed_seq.h). The parts of a parallel comprehension
  // that filled their slices of the placement's block hand it over (once all of them are
  // joined here, this builder holds the last reference); a single buffer of our own is taken
  // as it is; anything else is copied into one block, once.
  if (tiles_placement() && placement_.use_count() == 1) {
    segments_.clear();
    return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(placement_->block), n));
  }
  if (segments_.size() == 1 && segments_[0].owned)
    return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(segments_[0].owned), n));
  std::unique_ptr<int64_t[]> block(new int64_t[size_t(n)]);
  int64_t at = 0;
  for (Segment& s : segments_) {
    std::memcpy(block.get() + at, s.data, size_t(s.size) * 8);
    at += s.size;
    s.owned.reset();
  }
  segments_.clear();
  return new SeqObj(Tag::List, PackedSeq::adopt(kind_, std::move(block), n));
}

}  // namespace ufora
