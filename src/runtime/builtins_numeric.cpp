// Numeric builtins: abs, round, divmod, pow, sum, min, max. The arithmetic itself lives in
// values/number_ops.h; this file adds argument handling, dunder fallbacks for user classes and
// CPython's messages.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/builtins_internal.h"
#include "runtime/generator.h"
#include "runtime/ops.h"
#include "values/class_obj.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

bool is_not_implemented(Obj* o) { return o && o->tag == Tag::NotImplemented; }

// Calls self.<dunder>(args...) when type(self) defines it; nullptr with no error otherwise.
Obj* call_dunder_if_defined(Obj* self, const char* dunder, Obj* const* args, size_t nargs) {
  if (self->tag != Tag::Instance || !static_cast<InstanceObj*>(self)->cls->lookup(dunder)) return nullptr;
  Ref method(op_getattr(self, dunder));
  if (!method) return nullptr;
  return op_call(method.get(), args, nargs, nullptr);
}

Obj* builtin_abs(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("abs", kw) || !check_one_arg("abs", nargs)) return nullptr;
  Obj* r = number_abs(args[0]);
  if (!is_not_implemented(r)) return r;
  decref(r);
  if (Obj* v = call_dunder_if_defined(args[0], "__abs__", nullptr, 0); v || error_pending()) return v;
  return raise_error(ExcKind::TypeError, "bad operand type for abs(): '" + type_name(args[0]) + "'");
}

Obj* builtin_round(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args("round", args, nargs, kw, {"number", "ndigits"}, 1, a)) return nullptr;
  if (a[1] && a[1]->tag != Tag::None && !is_int_like(a[1]))
    return raise_error(ExcKind::TypeError, "'" + type_name(a[1]) + "' object cannot be interpreted as an integer");
  Obj* r = number_round(a[0], a[1]);
  if (!is_not_implemented(r)) return r;
  decref(r);
  bool has_digits = a[1] && a[1]->tag != Tag::None;
  if (Obj* v = call_dunder_if_defined(a[0], "__round__", a + 1, has_digits ? 1 : 0); v || error_pending()) return v;
  return raise_error(ExcKind::TypeError, "type " + type_name(a[0]) + " doesn't define __round__ method");
}

Obj* builtin_divmod(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("divmod", kw) || !check_arity("divmod", nargs, 2, 2)) return nullptr;
  Obj* r = number_divmod(args[0], args[1]);
  if (!is_not_implemented(r)) return r;
  decref(r);
  if (Obj* v = call_dunder_if_defined(args[0], "__divmod__", args + 1, 1); v || error_pending()) {
    if (!is_not_implemented(v)) return v;
    decref(v);
  }
  return raise_error(ExcKind::TypeError, "unsupported operand type(s) for divmod(): '" + type_name(args[0]) +
                                             "' and '" + type_name(args[1]) + "'");
}

Obj* builtin_pow(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[3];
  if (!bind_args("pow", args, nargs, kw, {"base", "exp", "mod"}, 2, a)) return nullptr;
  if (!a[2] || a[2]->tag == Tag::None) return op_binary(BinaryOp::Pow, a[0], a[1]);
  Obj* r = number_pow_mod(a[0], a[1], a[2]);
  if (!is_not_implemented(r)) return r;
  decref(r);
  return raise_error(ExcKind::TypeError, "unsupported operand type(s) for ** or pow(): '" + type_name(a[0]) +
                                             "', '" + type_name(a[1]) + "', '" + type_name(a[2]) + "'");
}

// sum() of an unboxed sequence (nullptr: take the general path, nothing raised). The order
// of additions is the general path's, so the result is the same.
Obj* sum_unboxed(Obj* iterable, Obj* start) {
  if (!is_seq(iterable) || (start->tag != Tag::Int && start->tag != Tag::Float)) return nullptr;
  const PackedSeq* p = static_cast<SeqObj*>(iterable)->packed_if_made();
  if (!p) return nullptr;
  if (p->kind() == PackedKind::Float) {
    // An int start meets the first float and becomes a float, as in the general path.
    double acc = start->tag == Tag::Float ? static_cast<FloatObj*>(start)->v : double(static_cast<IntObj*>(start)->v);
    if (p->size() == 0) return nullptr;
    for (int64_t i = 0; i < p->size(); ++i) acc += p->float_at(i);
    return new_float(acc);
  }
  if (start->tag != Tag::Int) return nullptr;
  int64_t acc = static_cast<IntObj*>(start)->v;
  for (int64_t i = 0; i < p->size(); ++i)
    if (__builtin_add_overflow(acc, p->int_at(i), &acc)) return nullptr;  // big ints: general path
  return new_int(acc);
}

// sum()/min()/max() of a generator expression that has not started: when a typed kernel can
// compute everything it would yield (pure code, built in parallel), the generator is consumed
// at once and the unboxed list reduced in Python's order. `reduce` returns nullptr to decline
// (an int overflowing, an empty list, ...); the generator is then still untouched.
template <class Reduce>
Obj* reduce_generator(Obj* iterable, Reduce reduce) {
  if (iterable->tag != Tag::Generator) return nullptr;
  auto* g = static_cast<GeneratorObj*>(iterable);
  if (!g->func->code->fast_items || !generator_unstarted(g)) return nullptr;
  Obj* list = nullptr;
  if (!g->func->code->fast_items(g->func, g->args.data(), g->args.size(), &list)) return nullptr;
  Ref items(list);
  Obj* r = reduce(list);
  if (r) generator_mark_consumed(g);
  return r;
}

// sum() keeps int and float running totals unboxed; anything else goes through op_binary.
// Adding floats one by one from the left gives exactly CPython 3.11's result.
Obj* builtin_sum(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args("sum", args, nargs, kw, {"iterable", "start"}, 1, a)) return nullptr;
  Obj* start = a[1] ? a[1] : new_int(0);
  Ref start_ref(a[1] ? newref(start) : start);
  if (start->tag == Tag::Str) return raise_error(ExcKind::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (Obj* r = sum_unboxed(a[0], start)) return r;
  if (Obj* r = reduce_generator(a[0], [&](Obj* list) { return sum_unboxed(list, start); })) return r;
  Ref it(op_iter(a[0]));
  if (!it) return nullptr;
  enum { Boxed, Int, Float } mode = start->tag == Tag::Int ? Int : start->tag == Tag::Float ? Float : Boxed;
  int64_t i_acc = mode == Int ? static_cast<IntObj*>(start)->v : 0;
  double f_acc = mode == Float ? static_cast<FloatObj*>(start)->v : 0.0;
  Ref acc = mode == Boxed ? start_ref : Ref();
  while (Ref item{op_next(it.get())}) {
    Obj* v = item.get();
    int64_t sum = 0;
    if (mode == Int && v->tag == Tag::Int && !__builtin_add_overflow(i_acc, static_cast<IntObj*>(v)->v, &sum)) {
      i_acc = sum;
      continue;
    }
    if (mode == Float && v->tag == Tag::Float) {
      f_acc += static_cast<FloatObj*>(v)->v;
      continue;
    }
    if (mode != Boxed) {
      acc = Ref(mode == Int ? new_int(i_acc) : new_float(f_acc));
      mode = Boxed;
    }
    acc = Ref(op_binary(BinaryOp::Add, acc.get(), v));
    if (!acc) return nullptr;
    // Drop back to an unboxed total once the running value is a plain int or float again.
    if (acc->tag == Tag::Int) {
      i_acc = static_cast<IntObj*>(acc.get())->v;
      mode = Int;
    } else if (acc->tag == Tag::Float) {
      f_acc = static_cast<FloatObj*>(acc.get())->v;
      mode = Float;
    }
  }
  if (error_pending()) return nullptr;
  if (mode == Int) return new_int(i_acc);
  if (mode == Float) return new_float(f_acc);
  return acc.release();
}

// min()/max() of one unboxed sequence, without a key (nullptr: take the general path). The
// same scan as the general path: an item replaces the best only when strictly better, so
// the first of equal items wins and a NaN is kept or skipped exactly as there.
Obj* min_max_unboxed(CompareOp op, Obj* iterable) {
  if (!is_seq(iterable)) return nullptr;
  const PackedSeq* p = static_cast<SeqObj*>(iterable)->packed_if_made();
  if (!p || p->size() == 0) return nullptr;
  bool is_min = op == CompareOp::Lt;
  if (p->kind() == PackedKind::Float) {
    double best = p->float_at(0);
    for (int64_t i = 1; i < p->size(); ++i) {
      double v = p->float_at(i);
      if (is_min ? v < best : v > best) best = v;
    }
    return new_float(best);
  }
  int64_t best = p->int_at(0);
  for (int64_t i = 1; i < p->size(); ++i) {
    int64_t v = p->int_at(i);
    if (is_min ? v < best : v > best) best = v;
  }
  return new_int(best);
}

// min() and max(): `op` is Lt for min and Gt for max; the first extreme item wins.
Obj* min_max(const char* fname, CompareOp op, Obj* const* args, size_t nargs, Obj* kw) {
  if (!only_keywords(fname, kw, {"key", "default"})) return nullptr;
  if (nargs == 0) {
    check_arity(fname, nargs, 1, SIZE_MAX);
    return nullptr;
  }
  Obj* key = keyword_arg(args, nargs, kw, "key");
  Obj* dflt = keyword_arg(args, nargs, kw, "default");
  if (key && key->tag == Tag::None) key = nullptr;
  if (dflt && nargs > 1)
    return raise_error(ExcKind::TypeError,
                       std::string("Cannot specify a default for ") + fname + "() with multiple positional arguments");
  if (nargs == 1 && !key) {
    if (Obj* r = min_max_unboxed(op, args[0])) return r;
    if (Obj* r = reduce_generator(args[0], [&](Obj* list) { return min_max_unboxed(op, list); })) return r;
  }
  Ref source(nargs == 1 ? newref(args[0]) : new_tuple([&] {
    std::vector<Obj*> v;
    for (size_t i = 0; i < nargs; ++i) v.push_back(newref(args[i]));
    return v;
  }()));
  Ref it(op_iter(source.get()));
  if (!it) return nullptr;
  Ref best, best_key;
  while (Ref item{op_next(it.get())}) {
    Ref k = key ? Ref(op_call1(key, item.get())) : item;
    if (!k) return nullptr;
    if (!best) {
      best = item;
      best_key = k;
      continue;
    }
    int better = op_compare_bool(op, k.get(), best_key.get());
    if (better < 0) return nullptr;
    if (better) {
      best = item;
      best_key = k;
    }
  }
  if (error_pending()) return nullptr;
  if (best) return best.release();
  if (dflt) return newref(dflt);
  return raise_error(ExcKind::ValueError, std::string(fname) + "() arg is an empty sequence");
}

Obj* builtin_min(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return min_max("min", CompareOp::Lt, args, nargs, kw); }
Obj* builtin_max(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return min_max("max", CompareOp::Gt, args, nargs, kw); }

}  // namespace

void register_numeric_builtins(DictObj* d) {
  add_builtin(d, "abs", builtin_abs);
  add_builtin(d, "round", builtin_round);
  add_builtin(d, "divmod", builtin_divmod);
  add_builtin(d, "pow", builtin_pow);
  add_builtin(d, "sum", builtin_sum);
  add_builtin(d, "min", builtin_min);
  add_builtin(d, "max", builtin_max);
}

}  // namespace ufora
