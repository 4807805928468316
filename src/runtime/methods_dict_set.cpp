// Non-mutating methods of dict, set and frozenset.
//
// keys(), values() and items() return view objects (builtins_extra.cpp): instances of the
// built-in classes dict_keys / dict_values / dict_items holding the (immutable) dict.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/methods_internal.h"
#include "runtime/ops.h"
#include "runtime/set_algorithms.h"
#include "runtime/builtins_extra.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/set_layout.h"

namespace ufora {

namespace {

bool is_dict(const Obj* o) { return o->tag == Tag::Dict; }
bool is_set(const Obj* o) { return is_setlike(o); }
DictObj* table_of(Obj* o) { return static_cast<DictObj*>(o); }

// ---- dict ------------------------------------------------------------------------------

Obj* dict_get(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "dict", "get", is_dict) || !no_keywords("get", kw) ||
      !check_arity("get", nargs, 1, 2))
    return nullptr;
  int64_t h = op_hash(args[0]);
  if (h == -1 && error_pending()) return nullptr;
  int64_t i = dict_find(table_of(self), args[0], h, op_eq);
  if (i == -2) return nullptr;
  if (i >= 0) return newref(table_of(self)->entries[size_t(i)].value);
  return newref(nargs == 2 ? args[1] : none());
}

Obj* dict_keys(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "dict", "keys", is_dict) || !method_no_args("dict.keys", nargs, kw))
    return nullptr;
  return new_dict_view(self, 0);
}

Obj* dict_values(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "dict", "values", is_dict) || !method_no_args("dict.values", nargs, kw))
    return nullptr;
  return new_dict_view(self, 1);
}

Obj* dict_items(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "dict", "items", is_dict) || !method_no_args("dict.items", nargs, kw))
    return nullptr;
  return new_dict_view(self, 2);
}

Obj* copy_table(Obj* self) {
  if (is_setlike(self)) return set_copy_as(self->tag, self);
  auto* out = new DictObj(self->tag);
  Ref guard(out);
  for (const DictEntry& e : table_of(self)->entries)
    if (!dict_insert(out, e.key, e.value, e.hash, op_eq)) return nullptr;
  return guard.release();
}

Obj* dict_copy(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "dict", "copy", is_dict) || !method_no_args("dict.copy", nargs, kw))
    return nullptr;
  return copy_table(self);
}

// dict.fromkeys(iterable, value=None) is a class method: `self` (the dict it was reached
// through, or nullptr via the type) plays no part.
Obj* dict_fromkeys(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("fromkeys", kw) || !check_arity("fromkeys", nargs, 1, 2)) return nullptr;
  Obj* value = nargs == 2 ? args[1] : none();
  Ref out(new_dict());
  Ref it(op_iter(args[0]));
  if (!it) return nullptr;
  while (Ref key{op_next(it.get())})
    if (!dict_put(table_of(out.get()), key.get(), value)) return nullptr;
  if (error_pending()) return nullptr;
  return out.release();
}

constexpr MethodEntry kDictMethods[] = {
    {"get", dict_get},   {"keys", dict_keys}, {"values", dict_values},
    {"items", dict_items}, {"copy", dict_copy}, {"fromkeys", dict_fromkeys},
};

// ---- set / frozenset -------------------------------------------------------------------

const char* set_type(const Obj* self) { return self->tag == Tag::Set ? "set" : "frozenset"; }

// `other` as a hash table for membership tests: sets and dicts as they are, any other
// iterable collected into a temporary set.
Obj* as_table(Obj* other) {
  if (is_setlike(other) || other->tag == Tag::Dict) return newref(other);
  return set_from(Tag::Set, other);
}

// Copies the entries of `self` for which (membership in `other`) == `keep_if_in`.
Obj* filter_entries(Obj* self, const DictObj* other, bool keep_if_in) {
  Ref out(new_set(self->tag));
  for (const DictEntry& e : table_of(self)->entries) {
    int64_t i = dict_find(other, e.key, e.hash, op_eq);
    if (i == -2) return nullptr;
    if ((i >= 0) == keep_if_in && !dict_insert(table_of(out.get()), e.key, nullptr, e.hash, op_eq)) return nullptr;
  }
  return out.release();
}

#define SET_RECEIVER(method)                                                          \
  if (!method_receiver(self, args, nargs, "set", method, is_set)) return nullptr; \
  if (!no_keywords(method, kw)) return nullptr

// The methods follow CPython's algorithms (runtime/set_algorithms.h), which decide the
// order the result iterates in.
Obj* set_union(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  SET_RECEIVER("union");
  // A copy, then each other iterable added to it (the set itself skipped).
  Ref out(new_set(self->tag));
  if (!set_update(table_of(out.get()), self)) return nullptr;
  for (size_t a = 0; a < nargs; ++a)
    if (args[a] != self && !set_update(table_of(out.get()), args[a])) return nullptr;
  set_in_slot_order(table_of(out.get()));
  return out.release();
}

Obj* set_intersection(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  SET_RECEIVER("intersection");
  if (nargs == 0) return copy_table(self);
  Ref out(newref(self));
  for (size_t a = 0; out && a < nargs; ++a) out = Ref(set_intersection_with(out.get(), args[a]));
  return out.release();
}

Obj* set_difference(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  SET_RECEIVER("difference");
  if (nargs == 0) return copy_table(self);
  Ref out(set_difference_with(self, args[0]));
  if (!out) return nullptr;
  if (nargs == 1) return out.release();
  for (size_t a = 1; a < nargs; ++a)
    if (!set_difference_update(table_of(out.get()), args[a])) return nullptr;
  set_in_slot_order(table_of(out.get()));
  return out.release();
}

Obj* set_symmetric_difference(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "set", "symmetric_difference", is_set)) return nullptr;
  std::string qual = std::string(set_type(self)) + ".symmetric_difference";
  if (!method_one_arg(qual.c_str(), nargs, kw)) return nullptr;
  return set_symmetric_difference_with(self, args[0]);
}

// 1 when every entry of `a` is in `b`, 0 when not, -1 on error.
int all_in(const DictObj* a, const DictObj* b) {
  for (const DictEntry& e : a->entries) {
    int64_t i = dict_find(b, e.key, e.hash, op_eq);
    if (i == -2) return -1;
    if (i < 0) return 0;
  }
  return 1;
}

// issubset / issuperset / isdisjoint share their argument handling.
enum class Relation { Subset, Superset, Disjoint };

Obj* set_relation(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* method, Relation rel) {
  if (!method_receiver(self, args, nargs, "set", method, is_set)) return nullptr;
  std::string qual = std::string(set_type(self)) + "." + method;
  if (!method_one_arg(qual.c_str(), nargs, kw)) return nullptr;
  Ref other(as_table(args[0]));
  if (!other) return nullptr;
  const DictObj* mine = table_of(self);
  const DictObj* theirs = table_of(other.get());
  int r = 0;
  if (rel == Relation::Subset) r = all_in(mine, theirs);
  if (rel == Relation::Superset) r = all_in(theirs, mine);
  if (rel == Relation::Disjoint) {
    Ref common(filter_entries(self, theirs, true));
    if (!common) return nullptr;
    r = table_of(common.get())->entries.empty() ? 1 : 0;
  }
  return r < 0 ? nullptr : new_bool(r);
}

Obj* set_issubset(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return set_relation(self, args, nargs, kw, "issubset", Relation::Subset);
}
Obj* set_issuperset(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return set_relation(self, args, nargs, kw, "issuperset", Relation::Superset);
}
Obj* set_isdisjoint(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return set_relation(self, args, nargs, kw, "isdisjoint", Relation::Disjoint);
}

Obj* set_copy(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "set", "copy", is_set)) return nullptr;
  std::string qual = std::string(set_type(self)) + ".copy";
  if (!method_no_args(qual.c_str(), nargs, kw)) return nullptr;
  return copy_table(self);
}

constexpr MethodEntry kSetMethods[] = {
    {"union", set_union},
    {"intersection", set_intersection},
    {"difference", set_difference},
    {"symmetric_difference", set_symmetric_difference},
    {"issubset", set_issubset},
    {"issuperset", set_issuperset},
    {"isdisjoint", set_isdisjoint},
    {"copy", set_copy},
};

}  // namespace

BuiltinFn find_dict_method(std::string_view name) {
  static const MethodTable table(kDictMethods);
  return table.find(name);
}
BuiltinFn find_set_method(std::string_view name) {
  static const MethodTable table(kSetMethods);
  return table.find(name);
}

}  // namespace ufora
