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
