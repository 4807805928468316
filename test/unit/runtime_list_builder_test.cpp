// The builder behind lists that kernels make: parts built in parallel join in order, and the
// finished list is one block whatever the parts left half-filled.
#include <catch2/catch.hpp>

#include "runtime/list_builder.h"
#include "values/object.h"

using namespace ufora;

namespace {

// Builds [first, first + n) as ints.
ListBuilder counting(int64_t first, int64_t n, int64_t expected) {
  ListBuilder b(PackedKind::Int, expected);
  for (int64_t i = 0; i < n; ++i) b.push(first + i);
  return b;
}

void require_counting(Obj* list, int64_t n) {
  const auto* seq = static_cast<const SeqObj*>(list);
  REQUIRE(seq->size() == n);
  const PackedSeq* packed = seq->packed();
  REQUIRE(packed != nullptr);
  for (int64_t i = 0; i < n; ++i)
    if (packed->int_at(i) != i) FAIL("element " << i << " is " << packed->int_at(i));
  // Kernels read flat[i]: the finished list is one block, its chunks consecutive pieces of it.
  const PackedHeader& h = packed->header();
  REQUIRE(h.flat != nullptr);
  for (int64_t c = 0; c * kChunkElems < n; ++c) CHECK(h.chunks[c] == static_cast<const int64_t*>(h.flat) + c * kChunkElems);
  decref(list);
}

}  // namespace

TEST_CASE("a list longer than a chunk, started with a small capacity, keeps every element") {
  const int64_t n = 3 * kChunkElems + 17;
  ListBuilder b = counting(0, n, 8);
  require_counting(b.finish(), n);
}

TEST_CASE("parts joined in order give one list, whether their chunks are full or not") {
  for (int64_t cut : {int64_t(0), int64_t(5), kChunkElems, kChunkElems + 3, 2 * kChunkElems}) {
    const int64_t n = 2 * kChunkElems + 1000;
    ListBuilder left = counting(0, cut, cut);
    ListBuilder middle = counting(cut, (n - cut) / 2, kChunkElems);
    ListBuilder right = counting(cut + (n - cut) / 2, n - cut - (n - cut) / 2, 1);
    left.append(std::move(middle));
    left.append(std::move(right));
    require_counting(left.finish(), n);
  }
}

TEST_CASE("a builder with no elements makes an empty list") {
  ListBuilder a(PackedKind::Float, 0), b(PackedKind::Float, 100);
  a.append(std::move(b));
  Obj* list = a.finish();
  REQUIRE(static_cast<const SeqObj*>(list)->size() == 0);
  decref(list);
}

TEST_CASE("pushing through the tail, as kernels do, and growing through push when it is full") {
  const int64_t n = 2 * kChunkElems + 5;
  ListBuilder b(PackedKind::Int, 3);
  ListBuilder::Tail* tail = b.tail();
  int64_t grown = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (tail->size < tail->capacity) {
      tail->data[tail->size++] = i;
    } else {
      b.push(i);
      ++grown;
    }
  }
  CHECK(grown > 2);  // the small first buffer doubled, then new buffers came
  require_counting(b.finish(), n);
}

namespace {

// A part of a placed comprehension over items [lo, hi) that gives `per_item` elements for each
// item (0: a filter that drops it, 2: an item that gives two), the element being its item.
ListBuilder placed_part(const std::shared_ptr<ListPlacement>& placement, int64_t lo, int64_t hi, int per_item) {
  ListBuilder b(PackedKind::Int, placement, lo, hi);
  for (int64_t i = lo; i < hi; ++i)
    for (int k = 0; k < per_item; ++k) b.push(i);
  return b;
}

}  // namespace

TEST_CASE("parts that fill their slices of the shared block hand it over without a copy") {
  const int64_t n = 3 * kChunkElems + 11;
  std::shared_ptr<ListPlacement> placement = ListPlacement::make(n);
  REQUIRE(placement != nullptr);
  const int64_t* block = placement->block.get();
  ListBuilder left = placed_part(placement, 0, kChunkElems, 1);
  ListBuilder middle = placed_part(placement, kChunkElems, 2 * kChunkElems + 5, 1);
  ListBuilder right = placed_part(placement, 2 * kChunkElems + 5, n, 1);
  placement.reset();  // the reduction lets go once its parts are made
  middle.append(std::move(right));
  left.append(std::move(middle));
  Obj* list = left.finish();
  CHECK(static_cast<const SeqObj*>(list)->packed()->header().flat == block);
  require_counting(list, n);
}

TEST_CASE("placed parts with gaps or extra elements are copied into a block of their own") {
  const int64_t n = 2 * kChunkElems;
  for (int per_item : {0, 2}) {
    std::shared_ptr<ListPlacement> placement = ListPlacement::make(n);
    ListBuilder left = placed_part(placement, 0, kChunkElems, 1);
    ListBuilder right = placed_part(placement, kChunkElems, n, per_item);
    placement.reset();
    left.append(std::move(right));
    Obj* list = left.finish();
    const auto* seq = static_cast<const SeqObj*>(list);
    REQUIRE(seq->size() == kChunkElems + per_item * kChunkElems);
    for (int64_t i = 0; i < seq->size(); ++i) {
      int64_t want = i < kChunkElems ? i : kChunkElems + (i - kChunkElems) / 2;
      if (seq->packed()->int_at(i) != want) FAIL("element " << i << " is " << seq->packed()->int_at(i));
    }
    decref(list);
  }
}

TEST_CASE("a placed part that is not the last one joined keeps the block until the list is finished") {
  // The left part finishes with the block still referenced by nobody else: elements of the
  // right part stay readable after the placement and the right builder are gone.
  const int64_t n = 1000;
  std::shared_ptr<ListPlacement> placement = ListPlacement::make(n);
  ListBuilder left = placed_part(placement, 0, 500, 1);
  {
    ListBuilder right = placed_part(placement, 500, n, 1);
    placement.reset();
    left.append(std::move(right));
  }
  require_counting(left.finish(), n);
}
