// The list a kernel builds (a list comprehension run as a kernel, or one part of it when it
// runs in parallel). Elements go into 64 Ki-element buffers, and joining the parts of a
// parallel build moves buffers instead of elements. A finished list is one block
// (values/packed_seq.h): a list of one buffer takes it as it is, a longer one is copied
// into a block once, when finished.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "values/packed_seq.h"

namespace ufora {

struct Obj;

class ListBuilder {
 public:
  // `expected`: how many elements are likely (the first chunk's capacity, at most a chunk).
  ListBuilder(PackedKind kind, int64_t expected);

  void push(int64_t bits) {
    if (tail_size_ == tail_capacity_) grow();
    tail_[tail_size_++] = bits;
  }
  // Moves `other`'s elements after this one's.
  void append(ListBuilder&& other);
  // The finished list (a new reference).
  Obj* finish();

 private:
  void grow();
  void seal() {
    if (!sizes_.empty()) sizes_.back() = tail_size_;
  }

  PackedKind kind_;
  int64_t expected_;
  std::vector<std::unique_ptr<int64_t[]>> chunks_;
  std::vector<int64_t> sizes_;  // elements in each chunk (the last one's kept in tail_size_)
  int64_t* tail_ = nullptr;
  int64_t tail_size_ = 0;
  int64_t tail_capacity_ = 0;
};

}  // namespace ufora
