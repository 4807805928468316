// Unboxed, chunked sequences: both views of a SeqObj hold the same elements, chunk
// boundaries index correctly, and host memory viewed without a copy can be detached.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "values/object.h"
#include "values/packed_seq.h"

using namespace ufora;

namespace {

std::vector<Obj*> boxed_floats(int64_t n) {
  std::vector<Obj*> items;
  for (int64_t i = 0; i < n; ++i) items.push_back(new_float(double(i) * 0.25 - 7.0));
  return items;
}

}  // namespace

TEST_CASE("packing needs all floats or all int64 ints", "[values][packed]") {
  Ref floats(new_list(boxed_floats(3)));
  const PackedSeq* p = static_cast<SeqObj*>(floats.get())->packed();
  REQUIRE(p != nullptr);
  CHECK(p->kind() == PackedKind::Float);
  CHECK(p->float_at(2) == -6.5);

  Ref ints(new_tuple({new_int(5), new_int(-1)}));
  REQUIRE(static_cast<SeqObj*>(ints.get())->packed() != nullptr);
  CHECK(static_cast<SeqObj*>(ints.get())->packed()->int_at(1) == -1);

  Ref mixed(new_list({new_int(1), new_float(2.0)}));
  CHECK(static_cast<SeqObj*>(mixed.get())->packed() == nullptr);
  Ref bools(new_list({new_bool(true), new_bool(false)}));
  CHECK(static_cast<SeqObj*>(bools.get())->packed() == nullptr);
  Ref empty(new_list({}));
  CHECK(static_cast<SeqObj*>(empty.get())->packed() == nullptr);
}

TEST_CASE("elements across chunk boundaries", "[values][packed]") {
  const int64_t n = 2 * kChunkElems + 3;
  std::vector<int64_t> data(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) data[size_t(i)] = i * 3 - 1;
  auto p = PackedSeq::copy_of(PackedKind::Int, data.data(), n);
  REQUIRE(p->size() == n);
  for (int64_t i : {int64_t(0), kChunkElems - 1, kChunkElems, 2 * kChunkElems, n - 1}) CHECK(p->int_at(i) == i * 3 - 1);
  // The header is what JIT code reads: chunk i >> shift, slot i & mask.
  const PackedHeader& h = p->header();
  const auto* second = static_cast<const int64_t*>(h.chunks[1]);
  CHECK(second[5] == (kChunkElems + 5) * 3 - 1);
  // ... or, since the chunks are one block, flat[i].
  REQUIRE(h.flat != nullptr);
  CHECK(static_cast<const int64_t*>(h.flat)[2 * kChunkElems + 1] == (2 * kChunkElems + 1) * 3 - 1);
  CHECK(h.chunks[2] == static_cast<const int64_t*>(h.flat) + 2 * kChunkElems);
}

TEST_CASE("a packed sequence gives boxed items on demand and keeps them", "[values][packed]") {
  std::vector<double> data{1.5, -0.0, 3.25};
  Ref list(new SeqObj(Tag::List, PackedSeq::copy_of(PackedKind::Float, data.data(), 3)));
  auto* seq = static_cast<SeqObj*>(list.get());
  CHECK(seq->size() == 3);
  Ref one(seq->item(1));
  REQUIRE(one->tag == Tag::Float);
  CHECK(std::signbit(static_cast<FloatObj*>(one.get())->v));
  const auto& items = items_of(list.get());
  REQUIRE(items.size() == 3);
  CHECK(static_cast<FloatObj*>(items[2])->v == 3.25);
  CHECK(&items_of(list.get()) == &items);  // made once
  CHECK(seq->packed() != nullptr);
}

TEST_CASE("compact drops the boxes of a long list of numbers", "[values][packed]") {
  Ref list(new_list(boxed_floats(1000)));
  auto* seq = static_cast<SeqObj*>(list.get());
  seq->compact();
  REQUIRE(seq->packed_if_made() != nullptr);
  CHECK(seq->size() == 1000);
  CHECK(static_cast<FloatObj*>(items_of(list.get())[999])->v == 999 * 0.25 - 7.0);

  Ref short_list(new_list(boxed_floats(3)));
  static_cast<SeqObj*>(short_list.get())->compact();
  CHECK(static_cast<SeqObj*>(short_list.get())->packed_if_made() == nullptr);
}

TEST_CASE("a view of host memory is copied by detach", "[values][packed]") {
  std::vector<double> host(size_t(kChunkElems + 10), 2.0);
  host[size_t(kChunkElems + 1)] = 9.0;
  Ref list(new SeqObj(Tag::List, PackedSeq::view_of(PackedKind::Float, host.data(), int64_t(host.size()))));
  auto* seq = static_cast<SeqObj*>(list.get());
  CHECK(seq->packed()->is_view());
  CHECK(seq->packed()->header().flat == host.data());
  CHECK(seq->packed()->float_at(kChunkElems + 1) == 9.0);
  seq->detach_views();
  CHECK_FALSE(seq->packed()->is_view());
  CHECK(seq->packed()->header().flat != host.data());
  CHECK(seq->packed()->header().chunks[1] == static_cast<const double*>(seq->packed()->header().flat) + kChunkElems);
  std::fill(host.begin(), host.end(), -1.0);  // the host takes its memory back
  CHECK(seq->packed()->float_at(kChunkElems + 1) == 9.0);
  CHECK(seq->packed()->float_at(0) == 2.0);
}
