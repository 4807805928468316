// Non-mutating methods of tuple and list: index, count, copy.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/methods_internal.h"
#include "runtime/ops.h"
#include "values/bigint.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

bool is_tuple(const Obj* o) { return o->tag == Tag::Tuple; }
bool is_list(const Obj* o) { return o->tag == Tag::List; }

// list.index and tuple.index take slice-like bounds: clamped, never out of range.
bool slice_bound(Obj* o, int64_t len, int64_t& out) {
  int64_t v = 0;
  if (!small_int_of(o, &v)) {
    if (o->tag != Tag::BigInt) {
      raise_error(ExcKind::TypeError, "slice indices must be integers or have an __index__ method");
      return false;
    }
    v = int_sign(o) < 0 ? INT64_MIN : INT64_MAX;
  }
  if (v < 0) v = v < -len ? 0 : v + len;
  out = v > len ? len : v;
  return true;
}

// Python's `x == y` inside containers, with the identity shortcut CPython takes (so nan is found).
int item_equals(Obj* a, Obj* b) { return a == b ? 1 : op_eq(a, b); }

Obj* seq_index(Obj* self, Obj* const* args, size_t nargs, const char* type_label) {
  if (!check_arity("index", nargs, 1, 3)) return nullptr;
  const auto& items = items_of(self);
  int64_t len = int64_t(items.size()), start = 0, stop = len;
  if (nargs >= 2 && !slice_bound(args[1], len, start)) return nullptr;
  if (nargs >= 3 && !slice_bound(args[2], len, stop)) return nullptr;
  for (int64_t i = start; i < stop && i < int64_t(items.size()); ++i) {
    int eq = item_equals(items[size_t(i)], args[0]);
    if (eq < 0) return nullptr;
    if (eq) return new_int(i);
  }
  if (self->tag == Tag::Tuple) return raise_error(ExcKind::ValueError, "tuple.index(x): x not in tuple");
  std::string msg;
  if (!append_repr(msg, args[0])) return nullptr;
  return raise_error(ExcKind::ValueError, msg + " is not in " + type_label);
}

Obj* seq_count(Obj* self, Obj* value) {
  int64_t n = 0;
  for (Obj* item : items_of(self)) {
    int eq = item_equals(item, value);
    if (eq < 0) return nullptr;
    n += eq;
  }
  return new_int(n);
}

Obj* tuple_index(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "tuple", "index", is_tuple) || !no_keywords("index", kw)) return nullptr;
  return seq_index(self, args, nargs, "tuple");
}

Obj* list_index(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "list", "index", is_list) || !no_keywords("index", kw)) return nullptr;
  return seq_index(self, args, nargs, "list");
}

Obj* tuple_count(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "tuple", "count", is_tuple) || !method_one_arg("tuple.count", nargs, kw))
    return nullptr;
  return seq_count(self, args[0]);
}

Obj* list_count(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "list", "count", is_list) || !method_one_arg("list.count", nargs, kw))
    return nullptr;
  return seq_count(self, args[0]);
}

Obj* list_copy(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!method_receiver(self, args, nargs, "list", "copy", is_list) || !method_no_args("list.copy", nargs, kw))
    return nullptr;
  std::vector<Obj*> items;
  items.reserve(items_of(self).size());
  for (Obj* o : items_of(self)) items.push_back(newref(o));
  return new_list(std::move(items));
}

constexpr MethodEntry kTupleMethods[] = {{"index", tuple_index}, {"count", tuple_count}};
constexpr MethodEntry kListMethods[] = {{"index", list_index}, {"count", list_count}, {"copy", list_copy}};

}  // namespace

BuiltinFn find_sequence_method(Tag tag, std::string_view name) {
  static const MethodTable tuple_table(kTupleMethods), list_table(kListMethods);
  return tag == Tag::Tuple ? tuple_table.find(name) : list_table.find(name);
}

}  // namespace ufora
