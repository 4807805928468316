// The list a kernel builds (a list comprehension run as a kernel, or one part of it when it
// runs in parallel). A finished list is one block (values/packed_seq.h).
//
// A parallel comprehension over N items gives its parts one shared block of N elements (a
// ListPlacement): the part over items [lo, hi) writes its elements from lo on, so when every
// item gave one element the parts' slices tile the block and the finished list takes it as
// it is, with no copy, and each part touched only its own pages. Elements that do not fit
// (a filter left gaps, or an item gave several) go into 64 Ki-element buffers of the
// builder's own, and the finished list is then copied into one block, once.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "values/packed_seq.h"

namespace ufora {

struct Obj;

// The block that the parts of one parallel list comprehension write into.
struct ListPlacement {
  // Null when there is no room for `n` elements (the parts then build buffers of their own).
  static std::shared_ptr<ListPlacement> make(int64_t n);
  std::unique_ptr<int64_t[]> block;  // uninitialised: every slot is written before it is read
  int64_t n = 0;
};

class ListBuilder {
 public:
  // `expected`: how many elements are likely (the first chunk's capacity, at most a chunk).
  ListBuilder(PackedKind kind, int64_t expected);
  // A part over items [lo, hi) of `placement`'s comprehension: its first elements go to
  // block[lo, hi).
  ListBuilder(PackedKind kind, std::shared_ptr<ListPlacement> placement, int64_t lo, int64_t hi);

  void push(int64_t bits) {
    if (tail_.size == tail_.capacity) grow();
    tail_.data[tail_.size++] = bits;
  }
  // The buffer being filled: kernels push inline (data[size++] = bits while size < capacity)
  // and call push() only when it is full.
  struct Tail {
    int64_t* data = nullptr;
    int64_t size = 0;
    int64_t capacity = 0;
  };
  Tail* tail() { return &tail_; }
  // Moves `other`'s elements after this one's.
  void append(ListBuilder&& other);
  // The finished list (a new reference).
  Obj* finish();

 private:
  // Consecutive elements: in a buffer of the builder's own, or in a placement's block.
  struct Segment {
    std::unique_ptr<int64_t[]> owned;  // null for a slice of the placement's block
    int64_t* data;
    int64_t size;
  };
  void grow();
  void seal() {
    if (!segments_.empty()) segments_.back().size = tail_.size;
  }
  // Whether the segments are exactly the placement's whole block, in order.
  bool tiles_placement() const;

  PackedKind kind_;
  int64_t expected_;
  std::shared_ptr<ListPlacement> placement_;
  std::vector<Segment> segments_;  // the last one's size is kept in tail_.size
  Tail tail_;
};

}  // namespace ufora
