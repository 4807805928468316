// The itertools module: count, repeat, cycle, accumulate, chain, islice, takewhile, dropwhile,
// starmap, zip_longest, product, combinations, permutations. All are lazy IterObjs; the
// combinatoric ones keep their index vectors in a small subclass.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/module_support.h"
#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// ---- count / repeat / cycle -----------------------------------------------------------------

// `source` holds the next value, `func` the step.
Obj* next_count(IterObj* it) {
  Obj* current = it->source;
  Obj* next = op_binary(BinaryOp::Add, current, it->func);
  if (!next) return nullptr;
  it->source = next;
  return current;  // the reference the iterator held passes to the caller
}

Obj* itertools_count(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args("count", args, nargs, kw, {"start", "step"}, 0, a)) return nullptr;
  Ref start(a[0] ? newref(a[0]) : new_int(0));
  Ref step(a[1] ? newref(a[1]) : new_int(1));
  if (!is_number(start.get()) || !is_number(step.get())) return raise_error(ExcKind::TypeError, "a number is required");
  IterObj* it = new_iter("count", next_count, start.get());
  it->func = step.release();
  return it;
}

// `index` counts the remaining repetitions; -1 means forever.
Obj* next_repeat(IterObj* it) {
  if (it->index == 0) return nullptr;
  if (it->index > 0) --it->index;
  return newref(it->source);
}

Obj* itertools_repeat(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args("repeat", args, nargs, kw, {"object", "times"}, 1, a)) return nullptr;
  int64_t times = -1;
  if (a[1]) {
    if (!as_int64(a[1], times)) return nullptr;
    if (times < 0) times = 0;
  }
  IterObj* it = new_iter("repeat", next_repeat, a[0]);
  it->index = times;
  return it;
}

// First pass: items come from `source` and are saved in `parts`; then `parts` loops.
Obj* next_cycle(IterObj* it) {
  if (it->source) {
    Obj* v = op_next(it->source);
    if (v) {
      it->parts.push_back(newref(v));
      return v;
    }
    if (error_pending()) return nullptr;
    decref(it->source);
    it->source = nullptr;
  }
  if (it->parts.empty()) return nullptr;
  Obj* v = it->parts[size_t(it->index)];
  it->index = (it->index + 1) % int64_t(it->parts.size());
  return newref(v);
}

Obj* itertools_cycle(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("cycle", kw) || !check_arity("cycle", nargs, 1, 1)) return nullptr;
  Ref src(op_iter(args[0]));
  if (!src) return nullptr;
  return new_iter("cycle", next_cycle, src.get());
}

// ---- accumulate / chain / islice ------------------------------------------------------------

// parts[0]: the input iterator; source: the running total (nullptr before the first item);
// func: the binary function or nullptr for +.
Obj* next_accumulate(IterObj* it) {
  Obj* v = op_next(it->parts[0]);
  if (!v) return nullptr;
  if (!it->source) {
    it->source = v;
    return newref(v);
  }
  Obj* total = it->func ? op_call2(it->func, it->source, v) : op_binary(BinaryOp::Add, it->source, v);
  decref(v);
  if (!total) return nullptr;
  decref(it->source);
  it->source = total;
  return newref(total);
}

// Yields the initial value first, then continues as a plain accumulate.
Obj* next_accumulate_initial(IterObj* it) {
  it->next = next_accumulate;
  return newref(it->source);
}

Obj* itertools_accumulate(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[3];
  if (!bind_args("accumulate", args, nargs, kw, {"iterable", "func", "initial"}, 1, a)) return nullptr;
  Ref src(op_iter(a[0]));
  if (!src) return nullptr;
  bool has_initial = a[2] && a[2]->tag != Tag::None;
  IterObj* it = new_iter("accumulate", has_initial ? next_accumulate_initial : next_accumulate, has_initial ? a[2] : nullptr);
  it->parts.push_back(src.release());
  if (a[1] && a[1]->tag != Tag::None) it->func = newref(a[1]);
  return it;
}

// source: iterator over the iterables; func: the iterator of the current one.
Obj* next_chain(IterObj* it) {
  for (;;) {
    if (it->func) {
      Obj* v = op_next(it->func);
      if (v || error_pending()) return v;
      decref(it->func);
      it->func = nullptr;
    }
    Ref next_iterable(op_next(it->source));
    if (!next_iterable) return nullptr;
    it->func = op_iter(next_iterable.get());
    if (!it->func) return nullptr;
  }
}

Obj* itertools_chain(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("chain", kw)) return nullptr;
  std::vector<Obj*> items;
  for (size_t i = 0; i < nargs; ++i) items.push_back(newref(args[i]));
  Ref iterables(new_tuple(std::move(items)));
  Ref src(op_iter(iterables.get()));
  return src ? new_iter("chain", next_chain, src.get()) : nullptr;
}

// index: position of the next item to read; stop: -1 for no limit; step: the stride.
// `source` is the input iterator; items before `index` that are skipped are consumed.
struct IsliceIter : IterObj {
  int64_t next_wanted;
  explicit IsliceIter(int64_t start) : IterObj(nullptr), next_wanted(start) {}
};

Obj* next_islice(IterObj* base) {
  auto* it = static_cast<IsliceIter*>(base);
  if (!it->source) return nullptr;
  while (it->stop < 0 || it->next_wanted < it->stop) {
    Obj* v = op_next(it->source);
    if (!v) break;
    if (it->index++ == it->next_wanted) {
      it->next_wanted += it->step;
      return v;
    }
    decref(v);
  }
  if (error_pending()) return nullptr;
  decref(it->source);  // exhausted: drop the input, as CPython does
  it->source = nullptr;
  return nullptr;
}

// None or an int in [0, sys.maxsize]; -1 stands for None.
bool islice_arg(Obj* o, const char* msg, int64_t& out) {
  if (o->tag == Tag::None) {
    out = -1;
    return true;
  }
  if (is_int_like(o) && as_int64(o, out) && out >= 0) return true;
  clear_error();
  raise_error(ExcKind::ValueError, msg);
  return false;
}

Obj* itertools_islice(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("islice", kw) || !check_arity("islice", nargs, 2, 4)) return nullptr;
  const char* stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  const char* index_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!islice_arg(args[1], stop_msg, stop)) return nullptr;
  } else {
    if (!islice_arg(args[1], index_msg, start) || !islice_arg(args[2], stop_msg, stop)) return nullptr;
    if (start < 0) start = 0;
    if (nargs == 4) {
      if (!islice_arg(args[3], "Step for islice() must be a positive integer or None.", step)) return nullptr;
      if (step == 0) return raise_error(ExcKind::ValueError, "Step for islice() must be a positive integer or None.");
      if (step < 0) step = 1;
    }
  }
  Ref src(op_iter(args[0]));
  if (!src) return nullptr;
  auto* it = new IsliceIter(start);
  it->next = next_islice;
  it->source = src.release();
  it->stop = stop;
  it->step = step;
  return it;
}

// ---- takewhile / dropwhile / starmap / zip_longest -----------------------------------------

// index: 1 once takewhile has stopped or dropwhile has stopped dropping.
Obj* next_takewhile(IterObj* it) {
  if (it->index) return nullptr;
  Ref v(op_next(it->source));
  if (!v) return nullptr;
  Ref keep(op_call1(it->func, v.get()));
  int t = keep ? op_truthy(keep.get()) : -1;
  if (t < 0) return nullptr;
  if (t) return v.release();
  it->index = 1;
  return nullptr;
}

Obj* next_dropwhile(IterObj* it) {
  for (;;) {
    Ref v(op_next(it->source));
    if (!v || it->index) return v.release();
    Ref drop(op_call1(it->func, v.get()));
    int t = drop ? op_truthy(drop.get()) : -1;
    if (t < 0) return nullptr;
    if (!t) {
      it->index = 1;
      return v.release();
    }
  }
}

Obj* predicate_iter(const char* name, Obj* (*next)(IterObj*), Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw) || !check_arity(name, nargs, 2, 2)) return nullptr;
  Ref src(op_iter(args[1]));
  if (!src) return nullptr;
  IterObj* it = new_iter(name, next, src.get());
  it->func = newref(args[0]);
  return it;
}

Obj* itertools_takewhile(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return predicate_iter("takewhile", next_takewhile, args, nargs, kw);
}
Obj* itertools_dropwhile(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return predicate_iter("dropwhile", next_dropwhile, args, nargs, kw);
}

Obj* next_starmap(IterObj* it) {
  Ref v(op_next(it->source));
  if (!v) return nullptr;
  OwnedVec call_args;
  if (!collect(v.get(), call_args.v)) return nullptr;
  return op_call(it->func, call_args.v.data(), call_args.size(), nullptr);
}

Obj* itertools_starmap(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return predicate_iter("starmap", next_starmap, args, nargs, kw);
}

// parts: the iterators, nullptr once exhausted (replaced by None); index: how many are live;
// source: the fill value.
Obj* next_zip_longest(IterObj* it) {
  if (it->index == 0) return nullptr;
  OwnedVec row;
  for (Obj*& part : it->parts) {
    Obj* v = part->tag == Tag::None ? nullptr : op_next(part);
    if (!v) {
      if (error_pending()) return nullptr;
      if (part->tag != Tag::None) {
        decref(part);
        part = new_none();
        if (--it->index == 0) return nullptr;
      }
      v = newref(it->source);
    }
    row.push(v);
  }
  return new_tuple(row.take());
}

Obj* itertools_zip_longest(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (kw && (items_of(kw).size() != 1 || str_of(items_of(kw)[0]) != "fillvalue"))
    return raise_error(ExcKind::TypeError, "zip_longest() got an unexpected keyword argument");
  Obj* fill = keyword_arg(args, nargs, kw, "fillvalue");
  IterObj* it = new_iter("zip_longest", next_zip_longest, fill ? fill : none());
  Ref guard(it);
  for (size_t i = 0; i < nargs; ++i) {
    Obj* part = op_iter(args[i]);
    if (!part) return nullptr;
    it->parts.push_back(part);
  }
  it->index = int64_t(nargs);
  return guard.release();
}

// ---- combinatorics -------------------------------------------------------------------------

// The pool is a tuple in `source`; `idx` holds the current indices; `stop` is 1 when done.
struct IndexIter : IterObj {
  std::vector<size_t> idx;
  std::vector<size_t> cycles;  // permutations only
  bool first = true;
  IndexIter() : IterObj(nullptr) {}
};

Obj* tuple_at(const std::vector<Obj*>& pool, const std::vector<size_t>& idx) {
  std::vector<Obj*> out;
  out.reserve(idx.size());
  for (size_t i : idx) out.push_back(newref(pool[i]));
  return new_tuple(std::move(out));
}

// product: `parts` are the pools (tuples), idx[i] indexes parts[i]; odometer order.
Obj* next_product(IterObj* base) {
  auto* it = static_cast<IndexIter*>(base);
  if (it->stop) return nullptr;
  const size_t n = it->parts.size();
  if (!it->first) {
    size_t i = n;
    while (i > 0) {
      --i;
      if (++it->idx[i] < items_of(it->parts[i]).size()) break;
      it->idx[i] = 0;
      if (i == 0) {
        it->stop = 1;
        return nullptr;
      }
    }
    if (n == 0) {
      it->stop = 1;
      return nullptr;
    }
  }
  it->first = false;
  std::vector<Obj*> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& pool = items_of(it->parts[i]);
    if (pool.empty()) {
      it->stop = 1;
      for (Obj* o : out) decref(o);
      return nullptr;
    }
    out.push_back(newref(pool[it->idx[i]]));
  }
  return new_tuple(std::move(out));
}

Obj* itertools_product(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!only_keywords("product", kw, {"repeat"})) return nullptr;
  Obj* repeat_arg = keyword_arg(args, nargs, kw, "repeat");
  int64_t repeat = 1;
  if (repeat_arg && !as_int64(repeat_arg, repeat)) return nullptr;
  if (repeat < 0) return raise_error(ExcKind::ValueError, "repeat argument cannot be negative");
  OwnedVec pools;
  for (size_t i = 0; i < nargs; ++i) {
    OwnedVec items;
    if (!collect(args[i], items.v)) return nullptr;
    pools.push(new_tuple(items.take()));
  }
  auto* it = new IndexIter();
  it->next = next_product;
  for (int64_t r = 0; r < repeat; ++r)
    for (Obj* p : pools.v) it->parts.push_back(newref(p));
  it->idx.assign(it->parts.size(), 0);
  return it;
}

// combinations: indices strictly increasing, advanced as in CPython's combinationsobject.
Obj* next_combinations(IterObj* base) {
  auto* it = static_cast<IndexIter*>(base);
  const auto& pool = items_of(it->source);
  const size_t n = pool.size(), r = it->idx.size();
  if (it->stop) return nullptr;
  if (it->first) {
    it->first = false;
    if (r > n) {
      it->stop = 1;
      return nullptr;
    }
    return tuple_at(pool, it->idx);
  }
  // Find the rightmost index that can still move right.
  size_t i = r;
  while (i > 0 && it->idx[i - 1] == i - 1 + n - r) --i;
  if (i == 0) {
    it->stop = 1;
    return nullptr;
  }
  --i;
  ++it->idx[i];
  for (size_t j = i + 1; j < r; ++j) it->idx[j] = it->idx[j - 1] + 1;
  return tuple_at(pool, it->idx);
}

// permutations: CPython's cycles algorithm (lexicographic order of positions).
Obj* next_permutations(IterObj* base) {
  auto* it = static_cast<IndexIter*>(base);
  const auto& pool = items_of(it->source);
  const size_t n = pool.size(), r = size_t(it->step);
  if (it->stop) return nullptr;
  auto current = [&] { return tuple_at(pool, std::vector<size_t>(it->idx.begin(), it->idx.begin() + long(r))); };
  if (it->first) {
    it->first = false;
    if (r > n) {
      it->stop = 1;
      return nullptr;
    }
    return current();
  }
  for (size_t i = r; i > 0;) {
    --i;
    if (--it->cycles[i] == 0) {
      // Rotate idx[i:] left by one.
      size_t first = it->idx[i];
      for (size_t j = i; j + 1 < n; ++j) it->idx[j] = it->idx[j + 1];
      it->idx[n - 1] = first;
      it->cycles[i] = n - i;
    } else {
      std::swap(it->idx[i], it->idx[n - it->cycles[i]]);
      return current();
    }
  }
  it->stop = 1;
  return nullptr;
}

Obj* combinatoric(const char* name, bool perms, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[2];
  if (!bind_args(name, args, nargs, kw, {"iterable", "r"}, perms ? 1 : 2, a)) return nullptr;
  OwnedVec items;
  if (!collect(a[0], items.v)) return nullptr;
  Ref pool(new_tuple(items.take()));
  const size_t n = items_of(pool.get()).size();
  int64_t r = int64_t(n);
  if (a[1] && a[1]->tag != Tag::None && !as_int64(a[1], r)) return nullptr;
  if (r < 0) return raise_error(ExcKind::ValueError, "r must be non-negative");
  auto* it = new IndexIter();
  it->source = pool.release();
  if (perms) {
    it->next = next_permutations;
    it->step = r;
    for (size_t i = 0; i < n; ++i) it->idx.push_back(i);
    for (int64_t i = 0; i < r && size_t(r) <= n; ++i) it->cycles.push_back(n - size_t(i));
  } else {
    it->next = next_combinations;
    for (int64_t i = 0; i < r; ++i) it->idx.push_back(size_t(i));
  }
  return it;
}

Obj* itertools_combinations(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return combinatoric("combinations", false, args, nargs, kw);
}
Obj* itertools_permutations(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return combinatoric("permutations", true, args, nargs, kw);
}

}  // namespace

ModuleObj* build_itertools_module() {
  ModuleObj* m = new_module("itertools");
  module_add_function(m, "count", itertools_count);
  module_add_function(m, "repeat", itertools_repeat);
  module_add_function(m, "cycle", itertools_cycle);
  module_add_function(m, "accumulate", itertools_accumulate);
  module_add_function(m, "chain", itertools_chain);
  module_add_function(m, "islice", itertools_islice);
  module_add_function(m, "takewhile", itertools_takewhile);
  module_add_function(m, "dropwhile", itertools_dropwhile);
  module_add_function(m, "starmap", itertools_starmap);
  module_add_function(m, "zip_longest", itertools_zip_longest);
  module_add_function(m, "product", itertools_product);
  module_add_function(m, "combinations", itertools_combinations);
  module_add_function(m, "permutations", itertools_permutations);
  return m;
}

}  // namespace ufora
