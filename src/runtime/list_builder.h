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
  void grow();
  void seal() {
    if (!sizes_.empty()) sizes_.back() = tail_.size;
  }

  PackedKind kind_;
  int64_t expected_;
  std::vector<std::unique_ptr<int64_t[]>> chunks_;
  std::vector<int64_t> sizes_;  // elements in each chunk (the last one's kept in tail_.size)
  Tail tail_;
};

}  // namespace ufora
