// Sets iterate in the slot order of CPython's table (values/set_layout.h); CPython's tuple hash.
#include <catch2/catch.hpp>

#include <vector>

#include "values/dict_table.h"
#include "values/set_layout.h"

using namespace ufora;

namespace {

int int_eq(Obj* a, Obj* b) { return static_cast<IntObj*>(a)->v == static_cast<IntObj*>(b)->v ? 1 : 0; }

// The ints of a set built by adding `items` in order, in iteration order.
std::vector<int64_t> built(const std::vector<int64_t>& items) {
  auto* s = static_cast<DictObj*>(new_set(Tag::Set));
  for (int64_t v : items) {
    Obj* key = new_int(v);
    dict_insert(s, key, nullptr, v == -1 ? -2 : v, int_eq);  // small ints hash to themselves
    decref(key);
  }
  set_in_slot_order(s);
  std::vector<int64_t> out;
  for (const DictEntry& e : s->entries) out.push_back(static_cast<IntObj*>(e.key)->v);
  decref(s);
  return out;
}

}  // namespace

TEST_CASE("a set iterates in CPython's slot order", "[values][set]") {
  // Values from CPython 3.11: `s = set(); [s.add(x) for x in items]; list(s)`.
  CHECK(built({3, 1, 2}) == std::vector<int64_t>{1, 2, 3});
  CHECK(built({16, 8, 0, 24, 1, 9, 33}) == std::vector<int64_t>{0, 1, 33, 8, 9, 16, 24});
  // Growing past 3/5 full re-inserts in slot order into a table four times the size.
  std::vector<int64_t> many;
  for (int64_t i = 40; i > 0; --i) many.push_back(i * 3);
  std::vector<int64_t> got = built(many);
  REQUIRE(got.size() == 40);
  CHECK(got.front() == 3);
  CHECK(got.back() == 120);
}

TEST_CASE("tuple hashes are CPython's", "[values][set]") {
  CHECK(tuple_hash_of(nullptr, 0) == 5740354900026072187LL);
  int64_t one_two[] = {1, 2};
  CHECK(tuple_hash_of(one_two, 2) == -3550055125485641917LL);
  int64_t nested[] = {1, tuple_hash_of(std::vector<int64_t>{2, 3}.data(), 2)};
  CHECK(tuple_hash_of(nested, 2) == 7267574591690527098LL);
}
