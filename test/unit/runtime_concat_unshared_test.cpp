// `x = x + [...]` extends the list in place only when no one but the statement holds it.
#include <catch2/catch.hpp>

#include "runtime/entry_points.h"
#include "values/object.h"

using namespace ufora;

namespace {

std::vector<int64_t> ints_of(Obj* list) {
  std::vector<int64_t> out;
  for (Obj* o : static_cast<SeqObj*>(list)->items()) out.push_back(static_cast<IntObj*>(o)->v);
  return out;
}

}  // namespace

TEST_CASE("a list held only by the name it replaces is extended in place") {
  Obj* a = new_list({new_int(1), new_int(2)});
  Obj* b = new_list({new_int(3)});
  incref(a);  // the name and the loaded value: two holders
  Obj* r = ufr_concat_unshared(a, b, 2);
  CHECK(r == a);
  CHECK(ints_of(r) == std::vector<int64_t>{1, 2, 3});
  CHECK(ints_of(b) == std::vector<int64_t>{3});
  decref(r);
  decref(a);
  decref(a);
  decref(b);
}

TEST_CASE("a list with one more holder is copied, and the holder sees it unchanged") {
  Obj* a = new_list({new_int(1), new_int(2)});
  Obj* b = new_list({new_int(3)});
  incref(a);
  incref(a);  // an alias: three holders
  Obj* r = ufr_concat_unshared(a, b, 2);
  CHECK(r != a);
  CHECK(ints_of(r) == std::vector<int64_t>{1, 2, 3});
  CHECK(ints_of(a) == std::vector<int64_t>{1, 2});
  decref(r);
  for (int i = 0; i < 3; ++i) decref(a);
  decref(b);
}

TEST_CASE("an unboxed list extended in place drops its unboxed view") {
  Obj* a = new_list({new_float(1.5), new_float(2.5)});
  REQUIRE(static_cast<SeqObj*>(a)->packed() != nullptr);
  Obj* b = new_list({new_int(7)});
  Obj* r = ufr_concat_unshared(a, b, 1);  // a temporary: one holder
  REQUIRE(r == a);
  CHECK(static_cast<SeqObj*>(r)->packed() == nullptr);  // float and int mixed now
  CHECK(static_cast<SeqObj*>(r)->size() == 3);
  decref(r);
  decref(a);
  decref(b);
}

TEST_CASE("tuples and mixed operands are never changed in place") {
  Obj* t = new_tuple({new_int(1)});
  Obj* u = new_tuple({new_int(2)});
  Obj* r = ufr_concat_unshared(t, u, 1);
  CHECK(r != t);
  CHECK(static_cast<SeqObj*>(t)->size() == 1);
  CHECK(static_cast<SeqObj*>(r)->size() == 2);
  decref(r);
  decref(t);
  decref(u);
}
