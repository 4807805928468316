// Builtins that consume or produce iterators: len, iter, next, zip, enumerate, map, filter,
// reversed, any, all. The lazy ones are IterObjs whose `next` pulls from the parts on demand,
// so they work on infinite generators exactly as CPython's do.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/builtins_internal.h"
#include "runtime/generator.h"
#include "runtime/ops.h"
#include "values/class_obj.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

Obj* builtin_len(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("len", kw) || !check_one_arg("len", nargs)) return nullptr;
  int64_t n = op_len(args[0]);
  return n < 0 ? nullptr : new_int(n);
}

// iter(callable, sentinel): call until the result equals the sentinel.
Obj* next_sentinel(IterObj* it) {
  if (!it->func) return nullptr;
  Obj* v = op_call0(it->func);
  if (!v) return nullptr;
  int eq = op_eq(v, it->source);
  if (eq != 0) {
    decref(v);
    if (eq > 0) {  // exhausted for good, as CPython drops the callable
      decref(it->func);
      it->func = nullptr;
    }
    return nullptr;
  }
  return v;
}

bool is_callable(Obj* o);

Obj* builtin_iter(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("iter", kw) || !check_arity("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return op_iter(args[0]);
  if (!is_callable(args[0])) return raise_error(ExcKind::TypeError, "iter(v, w): v must be callable");
  IterObj* it = new_iter("callable_iterator", next_sentinel, args[1]);
  it->func = newref(args[0]);
  return it;
}

bool is_iterator(Obj* o) {
  if (o->tag == Tag::Iterator || o->tag == Tag::Generator) return true;
  return o->tag == Tag::Instance && static_cast<InstanceObj*>(o)->cls->lookup("__next__") != nullptr;
}

bool is_callable(Obj* o) {
  switch (o->tag) {
    case Tag::Function:
    case Tag::Builtin:
    case Tag::BoundMethod:
    case Tag::Class: return true;
    case Tag::Instance: return static_cast<InstanceObj*>(o)->cls->lookup("__call__") != nullptr;
    default: return false;
  }
}

Obj* builtin_next(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("next", kw) || !check_arity("next", nargs, 1, 2)) return nullptr;
  if (!is_iterator(args[0]))
    return raise_error(ExcKind::TypeError, "'" + type_name(args[0]) + "' object is not an iterator");
  Obj* v = op_next(args[0]);
  if (v || error_pending()) return v;
  if (nargs == 2) return newref(args[1]);
  // StopIteration() with no arguments, as CPython raises it; a generator's return value
  // (other than None) becomes its argument, and so its `value`.
  auto* stop = static_cast<InstanceObj*>(new_instance(builtin_exception(ExcKind::StopIteration)));
  Ref result(generator_return_value(args[0]));
  stop->set_attr("args", Ref(result.get() == none() ? new_tuple({}) : new_tuple({newref(result.get())})).get());
  return raise_object(stop);
}

// ---- zip / enumerate / map / filter ----------------------------------------------------

// zip(..., strict=True): the first iterator to stop must stop for all (`step` == 1 marks strict).
Obj* zip_length_mismatch(IterObj* it, size_t stopped) {
  if (error_pending()) return nullptr;
  auto which = [](size_t n) {
    return n == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(n);
  };
  if (stopped > 0)
    return raise_error(ExcKind::ValueError, "zip() argument " + std::to_string(stopped + 1) + " is shorter than " +
                                                which(stopped));
  for (size_t i = 1; i < it->parts.size(); ++i) {
    Obj* v = op_next(it->parts[i]);
    if (v) {
      decref(v);
      return raise_error(ExcKind::ValueError, "zip() argument " + std::to_string(i + 1) + " is longer than " + which(i));
    }
    if (error_pending()) return nullptr;
  }
  return nullptr;
}

Obj* next_zip(IterObj* it) {
  if (it->parts.empty()) return nullptr;
  OwnedVec row;
  for (Obj* part : it->parts) {
    Obj* v = op_next(part);
    if (!v) return it->step == 1 ? zip_length_mismatch(it, row.size()) : nullptr;
    row.push(v);
  }
  return new_tuple(row.take());
}

// Fills `out` with iterators over args[from..nargs); false on error.
bool iterators_of(Obj* const* args, size_t from, size_t nargs, std::vector<Obj*>& out) {
  for (size_t i = from; i < nargs; ++i) {
    Obj* it = op_iter(args[i]);
    if (!it) return false;
    out.push_back(it);
  }
  return true;
}

Obj* builtin_zip(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!only_keywords("zip", kw, {"strict"})) return nullptr;
  int strict = 0;
  if (Obj* s = keyword_arg(args, nargs, kw, "strict"); s && (strict = op_truthy(s)) < 0) return nullptr;
  Ref it(new_iter("zip", next_zip));
  static_cast<IterObj*>(it.get())->step = strict;
  if (!iterators_of(args, 0, nargs, static_cast<IterObj*>(it.get())->parts)) return nullptr;
  return it.release();
}

Obj* next_enumerate(IterObj* it) {
  Obj* v = op_next(it->source);
  if (!v) return nullptr;
  return new_tuple({new_int(it->index++), v});
}

Obj* builtin_enumerate(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args("enumerate", args, nargs, kw, {"iterable", "start"}, 0, a)) return nullptr;
  if (!a[0]) return raise_error(ExcKind::TypeError, "enumerate() missing required argument 'iterable'");
  int64_t start = 0;
  if (a[1] && !as_int64(a[1], start)) return nullptr;
  Ref src(op_iter(a[0]));
  if (!src) return nullptr;
  IterObj* it = new_iter("enumerate", next_enumerate, src.get());
  it->index = start;
  return it;
}

Obj* next_map(IterObj* it) {
  OwnedVec call_args;
  for (Obj* part : it->parts) {
    Obj* v = op_next(part);
    if (!v) return nullptr;
    call_args.push(v);
  }
  return op_call(it->func, call_args.v.data(), call_args.size(), nullptr);
}

Obj* builtin_map(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("map", kw)) return nullptr;
  if (nargs < 2) return raise_error(ExcKind::TypeError, "map() must have at least two arguments.");
  Ref it(new_iter("map", next_map));
  auto* m = static_cast<IterObj*>(it.get());
  m->func = newref(args[0]);
  if (!iterators_of(args, 1, nargs, m->parts)) return nullptr;
  return it.release();
}

Obj* next_filter(IterObj* it) {
  for (;;) {
    Obj* v = op_next(it->source);
    if (!v) return nullptr;
    int keep;
    if (it->func) {
      Obj* r = op_call1(it->func, v);
      keep = r ? op_truthy(r) : -1;
      xdecref(r);
    } else {
      keep = op_truthy(v);
    }
    if (keep > 0) return v;
    decref(v);
    if (keep < 0) return nullptr;
  }
}

Obj* builtin_filter(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("filter", kw) || !check_arity("filter", nargs, 2, 2)) return nullptr;
  Ref src(op_iter(args[1]));
  if (!src) return nullptr;
  IterObj* it = new_iter("filter", next_filter, src.get());
  if (args[0]->tag != Tag::None) it->func = newref(args[0]);
  return it;
}

// ---- reversed -------------------------------------------------------------------------

// Walks `source` (a list or tuple) from `index` down to 0.
Obj* next_reversed_seq(IterObj* it) {
  if (it->index < 0) return nullptr;
  return newref(items_of(it->source)[size_t(it->index--)]);
}

// Counts `stop` values down from `index` by `step` (a reversed range).
Obj* next_reversed_range(IterObj* it) {
  if (it->stop <= 0) return nullptr;
  --it->stop;
  int64_t v = it->index;
  it->index -= it->step;
  return new_int(v);
}

// The sequence protocol: source[index] for index = len-1 down to 0.
Obj* next_reversed_getitem(IterObj* it) {
  if (it->index < 0) return nullptr;
  Ref i(new_int(it->index--));
  return op_getitem(it->source, i.get());
}

Obj* reversed_of(Obj* o) {
  switch (o->tag) {
    case Tag::List:
    case Tag::Tuple: {
      IterObj* it = new_iter(o->tag == Tag::List ? "list_reverseiterator" : "reversed", next_reversed_seq, o);
      it->index = int64_t(items_of(o).size()) - 1;
      return it;
    }
    case Tag::Str: {  // materialised: walking UTF-8 backwards needs the code point boundaries
      const std::string& s = str_of(o);
      std::vector<size_t> offs = code_point_offsets(s);
      std::vector<Obj*> chars;
      chars.reserve(offs.size() - 1);
      for (size_t i = 0; i + 1 < offs.size(); ++i) chars.push_back(new_str(s.substr(offs[i], offs[i + 1] - offs[i])));
      Ref list(new_list(std::move(chars)));
      IterObj* it = new_iter("reversed", next_reversed_seq, list.get());
      it->index = int64_t(items_of(list.get()).size()) - 1;
      return it;
    }
    case Tag::Range: {
      auto* r = static_cast<RangeObj*>(o);
      IterObj* it = new_iter("range_iterator", next_reversed_range);
      it->stop = r->size();
      it->index = r->start + (it->stop - 1) * r->step;
      it->step = r->step;
      return it;
    }
    case Tag::Dict: {
      std::vector<Obj*> keys;
      for (const DictEntry& e : static_cast<DictObj*>(o)->entries) keys.push_back(newref(e.key));
      Ref list(new_list(std::move(keys)));
      IterObj* it = new_iter("dict_reversekeyiterator", next_reversed_seq, list.get());
      it->index = int64_t(items_of(list.get()).size()) - 1;
      return it;
    }
    case Tag::Instance: {
      ClassObj* cls = static_cast<InstanceObj*>(o)->cls;
      if (cls->lookup("__reversed__")) {
        Ref method(op_getattr(o, "__reversed__"));
        return method ? op_call0(method.get()) : nullptr;
      }
      if (cls->lookup("__len__") && cls->lookup("__getitem__")) {
        int64_t n = op_len(o);
        if (n < 0) return nullptr;
        IterObj* it = new_iter("reversed", next_reversed_getitem, o);
        it->index = n - 1;
        return it;
      }
      break;
    }
    default: break;
  }
  return raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object is not reversible");
}

Obj* builtin_reversed(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("reversed", kw) || !check_arity("reversed", nargs, 1, 1)) return nullptr;
  return reversed_of(args[0]);
}

// ---- any / all -------------------------------------------------------------------------

// Returns the first item whose truth equals `want` as True/False per any/all; nullptr on error.
Obj* short_circuit(const char* fname, Obj* const* args, size_t nargs, Obj* kw, bool want) {
  if (!no_keywords(fname, kw) || !check_one_arg(fname, nargs)) return nullptr;
  Ref it(op_iter(args[0]));
  if (!it) return nullptr;
  while (Obj* v = op_next(it.get())) {
    int t = op_truthy(v);
    decref(v);
    if (t < 0) return nullptr;
    if (bool(t) == want) return new_bool(want);
  }
  if (error_pending()) return nullptr;
  return new_bool(!want);
}

Obj* builtin_any(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return short_circuit("any", args, nargs, kw, true); }
Obj* builtin_all(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return short_circuit("all", args, nargs, kw, false); }

Obj* builtin_callable(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("callable", kw) || !check_one_arg("callable", nargs)) return nullptr;
  return new_bool(is_callable(args[0]));
}

// `.while_count(a, b)`, what lower/desugar_while_count.cpp makes of `while i < b: ...; i += 1`:
// a, a + 1, ... while the value is < b, with the loop's own < and +. Two ints make a range.
Obj* next_while_count(IterObj* it) {
  if (it->index++ > 0) {  // the loop's `i += 1`, after the body
    Ref one(new_int(1));
    Obj* next = op_binary(BinaryOp::Add, it->source, one.get());
    if (!next) return nullptr;
    decref(it->source);
    it->source = next;
  }
  int more = op_compare_bool(CompareOp::Lt, it->source, it->func);
  if (more <= 0) return nullptr;  // exhausted, or the comparison raised
  return newref(it->source);
}

Obj* builtin_while_count(Obj*, Obj* const* args, size_t nargs, Obj*) {
  if (nargs == 2 && args[0]->tag == Tag::Int && args[1]->tag == Tag::Int)
    return new_range(static_cast<IntObj*>(args[0])->v, static_cast<IntObj*>(args[1])->v, 1);
  IterObj* it = new_iter("while_count", next_while_count, args[0]);
  it->func = newref(args[1]);
  return it;
}

}  // namespace

void register_iteration_builtins(DictObj* d) {
  add_builtin(d, ".while_count", builtin_while_count);
  add_builtin(d, "len", builtin_len);
  add_builtin(d, "iter", builtin_iter);
  add_builtin(d, "next", builtin_next);
  add_builtin(d, "zip", builtin_zip);
  add_builtin(d, "enumerate", builtin_enumerate);
  add_builtin(d, "map", builtin_map);
  add_builtin(d, "filter", builtin_filter);
  add_builtin(d, "reversed", builtin_reversed);
  add_builtin(d, "any", builtin_any);
  add_builtin(d, "all", builtin_all);
  add_builtin(d, "callable", builtin_callable);
}

}  // namespace ufora
