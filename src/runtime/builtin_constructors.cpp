// Calling a built-in type: int(x), float(s), str(x), list(it), dict(pairs, **kw), range(...).
// These are the `construct` functions installed on the type objects by register_builtin_types.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/builtin_types.h"
#include "runtime/set_algorithms.h"
#include "runtime/builtins_internal.h"
#include "runtime/ops.h"
#include "values/class_obj.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

size_t keyword_count(Obj* kwnames) { return kwnames ? items_of(kwnames).size() : 0; }

// Calls a conversion dunder (__int__, __float__, __index__) if type(x) defines it.
// Sets *found; returns the result (nullptr when not found or on error).
Obj* convert_with_dunder(Obj* x, const char* dunder, bool* found) {
  *found = x->tag == Tag::Instance && static_cast<InstanceObj*>(x)->cls->lookup(dunder);
  if (!*found) return nullptr;
  Ref method(op_getattr(x, dunder));
  return method ? op_call0(method.get()) : nullptr;
}

Obj* int_of(Obj* x) {
  switch (x->tag) {
    case Tag::Int:
    case Tag::BigInt: return newref(x);
    case Tag::Bool: return new_int(static_cast<BoolObj*>(x)->v ? 1 : 0);
    case Tag::Float: return float_to_int(static_cast<FloatObj*>(x)->v);
    case Tag::Str: return int_from_string(str_of(x), 10);
    default: break;
  }
  for (const char* dunder : {"__int__", "__index__", "__trunc__"}) {
    bool found = false;
    Obj* r = convert_with_dunder(x, dunder, &found);
    if (!found) continue;
    if (r && !is_int_like(r)) {
      std::string t = type_name(r);
      decref(r);
      return raise_error(ExcKind::TypeError, std::string(dunder) + " returned non-int (type " + t + ")");
    }
    return r;
  }
  return raise_error(ExcKind::TypeError,
                     "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(x) + "'");
}

}  // namespace

Obj* construct_int(Obj* const* args, size_t nargs, Obj* kw) {
  if (!only_keywords("int", kw, {"base"})) return nullptr;
  size_t total = nargs + keyword_count(kw);
  if (total > 2)
    return raise_error(ExcKind::TypeError, "int() takes at most 2 arguments (" + std::to_string(total) + " given)");
  Obj* base = keyword_arg(args, nargs, kw, "base");
  if (nargs == 2) base = args[1];
  if (nargs == 0) {
    if (base) return raise_error(ExcKind::TypeError, "int() missing string argument");
    return new_int(0);
  }
  if (!base) return int_of(args[0]);
  int64_t b = 0;
  if (!as_int64(base, b, "C int")) return nullptr;
  if (args[0]->tag != Tag::Str) return raise_error(ExcKind::TypeError, "int() can't convert non-string with explicit base");
  if (b != 0 && (b < 2 || b > 36)) return raise_error(ExcKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
  return int_from_string(str_of(args[0]), int(b));
}

Obj* construct_float(Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("float", kw) || !check_arity("float", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return new_float(0.0);
  Obj* x = args[0];
  if (x->tag == Tag::Float) return newref(x);
  if (x->tag == Tag::Str) return float_from_string(str_of(x));
  if (is_int_like(x)) {
    double d = 0;
    return number_as_double(x, &d) ? new_float(d) : nullptr;
  }
  for (const char* dunder : {"__float__", "__index__"}) {
    bool found = false;
    Obj* r = convert_with_dunder(x, dunder, &found);
    if (!found) continue;
    if (!r) return nullptr;
    Ref result(r);
    if (r->tag == Tag::Float) return result.release();
    double d = 0;
    if (is_int_like(r) && std::string(dunder) == "__index__") return number_as_double(r, &d) ? new_float(d) : nullptr;
    return raise_error(ExcKind::TypeError, std::string(dunder) + " returned non-float (type " + type_name(r) + ")");
  }
  return raise_error(ExcKind::TypeError,
                     "float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

Obj* construct_bool(Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("bool", kw) || !check_arity("bool", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return new_bool(false);
  int t = op_truthy(args[0]);
  return t < 0 ? nullptr : new_bool(t);
}

Obj* construct_str(Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[3];
  if (!bind_args("str", args, nargs, kw, {"object", "encoding", "errors"}, 0, a)) return nullptr;
  // Decoding needs bytes, which this subset does not have; fail as CPython does for non-bytes.
  for (int i = 1; i <= 2; ++i) {
    if (a[i] && a[i]->tag != Tag::Str)
      return raise_error(ExcKind::TypeError, std::string("str() argument '") + (i == 1 ? "encoding" : "errors") +
                                                 "' must be str, not " + type_name(a[i]));
  }
  if (a[1] || a[2])
    return raise_error(ExcKind::TypeError,
                       "decoding to str: need a bytes-like object, " + type_name(a[0] ? a[0] : none()) + " found");
  if (!a[0]) return new_str("");
  return op_str(a[0]);
}

Obj* construct_tuple(Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("tuple", kw) || !check_arity("tuple", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return new_tuple({});
  if (args[0]->tag == Tag::Tuple) return newref(args[0]);  // immutable: sharing is safe
  OwnedVec items;
  if (!collect(args[0], items.v)) return nullptr;
  return new_tuple(items.take());
}

Obj* construct_list(Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("list", kw) || !check_arity("list", nargs, 0, 1)) return nullptr;
  OwnedVec items;
  if (nargs == 1 && !collect(args[0], items.v)) return nullptr;
  return new_list(items.take());
}

namespace {

// Adds the key/value pairs produced by iterating `source` (dict.update's sequence branch).
bool add_pairs(DictObj* d, Obj* source) {
  Ref it(op_iter(source));
  if (!it) return false;
  int64_t index = 0;
  while (Ref item{op_next(it.get())}) {
    OwnedVec pair;
    if (!collect(item.get(), pair.v)) {
      if (error_matches(ExcKind::TypeError)) {
        clear_error();
        raise_error(ExcKind::TypeError, "cannot convert dictionary update sequence element #" +
                                            std::to_string(index) + " to a sequence");
      }
      return false;
    }
    if (pair.size() != 2) {
      raise_error(ExcKind::ValueError, "dictionary update sequence element #" + std::to_string(index) +
                                           " has length " + std::to_string(pair.size()) + "; 2 is required");
      return false;
    }
    if (!dict_put(d, pair[0], pair[1])) return false;
    ++index;
  }
  return !error_pending();
}

}  // namespace

Obj* construct_dict(Obj* const* args, size_t nargs, Obj* kw) {
  if (!check_arity("dict", nargs, 0, 1)) return nullptr;
  Ref out(new_dict());
  auto* d = static_cast<DictObj*>(out.get());
  if (nargs == 1) {
    if (args[0]->tag == Tag::Dict) {
      for (const DictEntry& e : static_cast<DictObj*>(args[0])->entries)
        if (!dict_insert(d, e.key, e.value, e.hash, op_eq)) return nullptr;
    } else if (!add_pairs(d, args[0])) {
      return nullptr;
    }
  }
  for (size_t k = 0; k < keyword_count(kw); ++k)
    if (!dict_put(d, items_of(kw)[k], args[nargs + k])) return nullptr;
  return out.release();
}

namespace {

Obj* build_set(Tag tag, const char* fname, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(fname, kw) || !check_arity(fname, nargs, 0, 1)) return nullptr;
  if (nargs == 1 && tag == Tag::FrozenSet && args[0]->tag == Tag::FrozenSet) return newref(args[0]);
  if (nargs == 0) return new_set(tag);
  return set_from(tag, args[0]);  // in CPython's order (runtime/set_algorithms.h)
}

}  // namespace

Obj* construct_set(Obj* const* args, size_t nargs, Obj* kw) { return build_set(Tag::Set, "set", args, nargs, kw); }
Obj* construct_frozenset(Obj* const* args, size_t nargs, Obj* kw) {
  return build_set(Tag::FrozenSet, "frozenset", args, nargs, kw);
}

Obj* construct_range(Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("range", kw) || !check_arity("range", nargs, 1, 3)) return nullptr;
  int64_t v[3] = {0, 0, 1};
  for (size_t i = 0; i < nargs; ++i)
    if (!as_int64(args[i], v[i])) return nullptr;
  if (nargs == 1) return new_range(0, v[0], 1);
  if (v[2] == 0) return raise_error(ExcKind::ValueError, "range() arg 3 must not be zero");
  return new_range(v[0], v[1], v[2]);
}

Obj* construct_object(Obj* const* args, size_t nargs, Obj* kw) {
  if (nargs + keyword_count(kw) > 0) return raise_error(ExcKind::TypeError, "object() takes no arguments");
  return new_instance(object_class());
}

Obj* construct_type(Obj* const* args, size_t nargs, Obj* kw) {
  if (nargs + keyword_count(kw) != 1) {
    if (nargs == 3) return raise_error(ExcKind::TypeError, "type() with 3 arguments is not supported");
    return raise_error(ExcKind::TypeError, "type() takes 1 or 3 arguments");
  }
  return newref(type_of(args[0]));
}

}  // namespace ufora
