#include "values/serialization.h"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <cstring>
#include <sstream>

#include "values/bigint.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"
#include "values/set_layout.h"

namespace ufora {

namespace {

// The archive stores a tag byte per value, then its payload; containers store their size
// first and then their items. Hashes are not stored: they are recomputed when reading, so
// the bytes do not depend on the process that wrote them.
enum class Wire : uint8_t { None, False, True, Int, BigInt, Float, Str, Tuple, List, Dict, Set, FrozenSet };

bool write(boost::archive::binary_oarchive& ar, Obj* v) {
  auto tag = [&](Wire w) {
    auto b = uint8_t(w);
    ar << b;
  };
  switch (v->tag) {
    case Tag::None: tag(Wire::None); return true;
    case Tag::Bool: tag(static_cast<BoolObj*>(v)->v ? Wire::True : Wire::False); return true;
    case Tag::Int: {
      tag(Wire::Int);
      int64_t x = static_cast<IntObj*>(v)->v;
      ar << x;
      return true;
    }
    case Tag::BigInt: {
      tag(Wire::BigInt);
      bool negative = int_sign(v) < 0;
      cpp_int magnitude = negative ? cpp_int(-bigint_value(v)) : bigint_value(v);
      std::string hex = magnitude.str(0, std::ios_base::hex);
      ar << negative << hex;
      return true;
    }
    case Tag::Float: {
      tag(Wire::Float);
      uint64_t bits;
      double d = static_cast<FloatObj*>(v)->v;
      std::memcpy(&bits, &d, sizeof bits);
      ar << bits;
      return true;
    }
    case Tag::Str: tag(Wire::Str); ar << str_of(v); return true;
    case Tag::Tuple:
    case Tag::List: {
      tag(v->tag == Tag::Tuple ? Wire::Tuple : Wire::List);
      uint64_t n = items_of(v).size();
      ar << n;
      for (Obj* item : items_of(v))
        if (!write(ar, item)) return false;
      return true;
    }
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: {
      tag(v->tag == Tag::Dict ? Wire::Dict : v->tag == Tag::Set ? Wire::Set : Wire::FrozenSet);
      const auto& entries = static_cast<DictObj*>(v)->entries;
      uint64_t n = entries.size();
      ar << n;
      for (const DictEntry& e : entries) {
        if (!write(ar, e.key)) return false;
        if (v->tag == Tag::Dict && !write(ar, e.value)) return false;
      }
      return true;
    }
    default:
      raise_error(ExcKind::TypeError, "cannot serialise a value of this type (only immutable data can travel)");
      return false;
  }
}

// Keys of a table being rebuilt are compared as the values they are; only numbers, strings
// and tuples/frozensets of them can be keys, and equal keys were merged when written, so
// equality by the same rules is enough here.
int wire_key_eq(Obj* a, Obj* b);

int64_t wire_hash(Obj* v);

Obj* read(boost::archive::binary_iarchive& ar) {
  uint8_t b = 0;
  ar >> b;
  switch (Wire(b)) {
    case Wire::None: return new_none();
    case Wire::False: return new_bool(false);
    case Wire::True: return new_bool(true);
    case Wire::Int: {
      int64_t x = 0;
      ar >> x;
      return new_int(x);
    }
    case Wire::BigInt: {
      bool negative = false;
      std::string hex;
      ar >> negative >> hex;
      cpp_int v("0x" + hex);
      return new_int_big(negative ? cpp_int(-v) : v);
    }
    case Wire::Float: {
      uint64_t bits = 0;
      ar >> bits;
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return new_float(d);
    }
    case Wire::Str: {
      std::string s;
      ar >> s;
      return new_str(std::move(s));
    }
    case Wire::Tuple:
    case Wire::List: {
      uint64_t n = 0;
      ar >> n;
      std::vector<Obj*> items;
      for (uint64_t i = 0; i < n; ++i) {
        Obj* item = read(ar);
        if (!item) {
          for (Obj* o : items) decref(o);
          return nullptr;
        }
        items.push_back(item);
      }
      return Wire(b) == Wire::Tuple ? new_tuple(std::move(items)) : new_list(std::move(items));
    }
    case Wire::Dict:
    case Wire::Set:
    case Wire::FrozenSet: {
      uint64_t n = 0;
      ar >> n;
      Ref table(Wire(b) == Wire::Dict ? new_dict() : new_set(Wire(b) == Wire::Set ? Tag::Set : Tag::FrozenSet));
      for (uint64_t i = 0; i < n; ++i) {
        Ref key(read(ar));
        if (!key) return nullptr;
        Ref value = Wire(b) == Wire::Dict ? Ref(read(ar)) : Ref();
        if (Wire(b) == Wire::Dict && !value) return nullptr;
        dict_insert(static_cast<DictObj*>(table.get()), key.get(), value.get(), wire_hash(key.get()), wire_key_eq);
      }
      // Keys were written in iteration order; re-adding them in that order can give
      // another table than the original's, but iteration follows the table, as in CPython.
      if (Wire(b) != Wire::Dict) set_in_slot_order(static_cast<DictObj*>(table.get()));
      return table.release();
    }
  }
  return raise_error(ExcKind::ValueError, "corrupt value archive");
}

int64_t wire_hash(Obj* v) {
  switch (v->tag) {
    case Tag::Str: return str_hash(static_cast<StrObj*>(v));
    case Tag::Tuple: {  // as op_hash: CPython's
      std::vector<int64_t> hashes;
      for (Obj* o : items_of(v)) hashes.push_back(wire_hash(o));
      return tuple_hash_of(hashes.data(), hashes.size());
    }
    case Tag::FrozenSet: return frozenset_hash_of(static_cast<DictObj*>(v));  // as op_hash
    case Tag::None: return 0x5f5e100;
    default: return number_hash(v);
  }
}

int wire_key_eq(Obj* a, Obj* b) {
  int r = number_compare(CompareOp::Eq, a, b);
  if (r != -2) return r;
  if (a->tag != b->tag) return 0;
  if (a->tag == Tag::Str) return str_of(a) == str_of(b);
  if (a->tag == Tag::None) return 1;
  if (a->tag == Tag::Tuple) {
    if (items_of(a).size() != items_of(b).size()) return 0;
    for (size_t i = 0; i < items_of(a).size(); ++i)
      if (!wire_key_eq(items_of(a)[i], items_of(b)[i])) return 0;
    return 1;
  }
  return a == b;
}

}  // namespace

bool serialize_value(Obj* v, std::string& out) {
  std::ostringstream os(std::ios::binary);
  {
    boost::archive::binary_oarchive ar(os);
    if (!write(ar, v)) return false;
  }  // the archive is complete only once closed
  out = os.str();
  return true;
}

Obj* deserialize_value(std::string_view bytes) {
  try {
    std::istringstream is(std::string(bytes), std::ios::binary);
    boost::archive::binary_iarchive ar(is);
    return read(ar);
  } catch (const std::exception& e) {
    return raise_error(ExcKind::ValueError, std::string("corrupt value archive: ") + e.what());
  }
}

}  // namespace ufora
