// Operators on instances of user classes: dispatch to their dunder methods.
#include "runtime/builtin_types.h"
#include "runtime/callable.h"
#include "runtime/ops_internal.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// A dunder defined by the user's class (not by `object`), borrowed.
Obj* user_dunder(Obj* self, const char* name) {
  if (self->tag != Tag::Instance) return nullptr;
  return static_cast<InstanceObj*>(self)->cls->lookup(name);
}

}  // namespace

Obj* call_method_if_defined(Obj* self, const char* name, Obj* const* args, size_t nargs) {
  Obj* fn = user_dunder(self, name);
  if (!fn) return newref(not_implemented());
  std::vector<Obj*> full;
  full.reserve(nargs + 1);
  full.push_back(self);
  for (size_t i = 0; i < nargs; ++i) full.push_back(args[i]);
  return op_call(fn, full.data(), full.size(), nullptr);
}

Obj* call_binary_dunder(BinaryOp op, Obj* a, Obj* b) {
  Obj* r = call_method_if_defined(a, binary_op_dunder(op), &b, 1);
  if (r != not_implemented()) return r;
  decref(r);
  return call_method_if_defined(b, binary_op_rdunder(op), &a, 1);
}

Obj* call_compare_dunder(CompareOp op, Obj* a, Obj* b) {
  Obj* r = call_method_if_defined(a, compare_op_dunder(op), &b, 1);
  if (r != not_implemented()) return r;
  decref(r);
  r = call_method_if_defined(b, compare_op_dunder(swapped(op)), &a, 1);
  if (r != not_implemented()) return r;
  decref(r);
  if (op == CompareOp::Ne) {
    // Python derives != from a user-defined __eq__.
    r = call_method_if_defined(a, "__eq__", &b, 1);
    if (r != not_implemented()) {
      if (!r) return nullptr;
      int t = op_truthy(r);
      decref(r);
      return t < 0 ? nullptr : new_bool(!t);
    }
    decref(r);
  }
  if (op == CompareOp::Eq || op == CompareOp::Ne) return new_bool((a == b) == (op == CompareOp::Eq));
  return raise_error(ExcKind::TypeError, std::string("'") + compare_op_symbol(op) + "' not supported between instances of '" +
                                             type_name(a) + "' and '" + type_name(b) + "'");
}

int instance_truthy(Obj* a) {
  for (const char* name : {"__bool__", "__len__"}) {
    if (!user_dunder(a, name)) continue;
    Ref r(call_method_if_defined(a, name, nullptr, 0));
    if (!r) return -1;
    return op_truthy(r.get());
  }
  return 1;
}

int64_t instance_hash(Obj* a) {
  if (user_dunder(a, "__hash__")) {
    Ref r(call_method_if_defined(a, "__hash__", nullptr, 0));
    if (!r) return -1;
    return op_hash(r.get());
  }
  if (user_dunder(a, "__eq__")) {  // __eq__ without __hash__ makes instances unhashable
    raise_error(ExcKind::TypeError, "unhashable type: '" + type_name(a) + "'");
    return -1;
  }
  return int64_t(reinterpret_cast<uintptr_t>(a) >> 4);
}

int64_t instance_len(Obj* a) {
  if (!user_dunder(a, "__len__")) {
    raise_error(ExcKind::TypeError, "object of type '" + type_name(a) + "' has no len()");
    return -1;
  }
  Ref r(call_method_if_defined(a, "__len__", nullptr, 0));
  if (!r) return -1;
  int64_t n = 0;
  if (!index_value(r.get(), n, "__len__")) return -1;
  if (n < 0) {
    raise_error(ExcKind::ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

int instance_contains(Obj* c, Obj* item) {
  if (user_dunder(c, "__contains__")) {
    Ref r(call_method_if_defined(c, "__contains__", &item, 1));
    return r ? op_truthy(r.get()) : -1;
  }
  Ref it(op_iter(c));
  if (!it) return -1;
  for (;;) {
    Ref x(op_next(it.get()));
    if (!x) return error_pending() ? -1 : 0;
    int r = op_eq(x.get(), item);
    if (r != 0) return r;
  }
}

}  // namespace ufora
