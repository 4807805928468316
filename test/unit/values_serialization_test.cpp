// Values survive a trip through bytes exactly: what MPI ranks and checkpoints rely on.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "values/bigint.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"
#include "values/serialization.h"

using namespace ufora;

namespace {

// Structural equality, strict about types (1 and 1.0 and True differ) and float bits.
bool same(Obj* a, Obj* b) {
  if (a->tag != b->tag) return false;
  switch (a->tag) {
    case Tag::None: return true;
    case Tag::Bool: return static_cast<BoolObj*>(a)->v == static_cast<BoolObj*>(b)->v;
    case Tag::Int:
    case Tag::BigInt: return number_compare(CompareOp::Eq, a, b) == 1;
    case Tag::Float: return std::memcmp(&static_cast<FloatObj*>(a)->v, &static_cast<FloatObj*>(b)->v, sizeof(double)) == 0;
    case Tag::Str: return str_of(a) == str_of(b);
    case Tag::Tuple:
    case Tag::List:
      if (items_of(a).size() != items_of(b).size()) return false;
      for (size_t i = 0; i < items_of(a).size(); ++i)
        if (!same(items_of(a)[i], items_of(b)[i])) return false;
      return true;
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: {
      const auto& x = static_cast<DictObj*>(a)->entries;
      const auto& y = static_cast<DictObj*>(b)->entries;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!same(x[i].key, y[i].key) || x[i].hash != y[i].hash) return false;
        if (a->tag == Tag::Dict && !same(x[i].value, y[i].value)) return false;
      }
      return true;
    }
    default: return false;
  }
}

Ref round_trip(Obj* v) {
  std::string bytes;
  REQUIRE(serialize_value(v, bytes));
  Ref back(deserialize_value(bytes));
  REQUIRE(back);
  return back;
}

}  // namespace

TEST_CASE("scalars round-trip exactly", "[serialization]") {
  Ref big(int_from_string("-123456789012345678901234567890123456789", 10));
  Ref values[] = {Ref(new_none()),        Ref(new_bool(true)),         Ref(new_bool(false)), Ref(new_int(-5)),
                  Ref(new_int(INT64_MIN)), big,                          Ref(new_float(-0.0)), Ref(new_float(0.1)),
                  Ref(new_float(NAN)),     Ref(new_float(-INFINITY)),    Ref(new_str("")),     Ref(new_str("h\xc3\xa9llo"))};
  for (const Ref& v : values) CHECK(same(v.get(), round_trip(v.get()).get()));
}

TEST_CASE("containers round-trip with their order and hashes", "[serialization]") {
  Ref inner(new_tuple({new_int(1), new_float(2.5), new_str("x")}));
  Ref list(new_list({newref(inner.get()), new_list({}), new_none()}));
  Ref dict(new_dict());
  dict_insert_str(static_cast<DictObj*>(dict.get()), "b", list.get());
  dict_insert_str(static_cast<DictObj*>(dict.get()), "a", inner.get());
  Ref back = round_trip(dict.get());
  CHECK(same(dict.get(), back.get()));
  REQUIRE(static_cast<DictObj*>(back.get())->entries.size() == 2);
  CHECK(dict_find_str(static_cast<DictObj*>(back.get()), "a") != nullptr);  // the index was rebuilt
  CHECK(str_of(static_cast<DictObj*>(back.get())->entries[0].key) == "b");  // insertion order kept
}

TEST_CASE("values that cannot travel are refused, corrupt bytes are an error", "[serialization]") {
  Ref cls(new_class("C", {}, static_cast<DictObj*>(new_dict())));
  std::string bytes;
  CHECK_FALSE(serialize_value(cls.get(), bytes));
  CHECK(error_matches(ExcKind::TypeError));
  clear_error();
  CHECK(deserialize_value("not an archive") == nullptr);
  CHECK(error_matches(ExcKind::ValueError));
  clear_error();
}
