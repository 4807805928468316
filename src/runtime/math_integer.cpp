// The math module's integer functions (exact, any size): gcd, lcm, factorial, isqrt, comb,
// perm, and prod (which multiplies whatever it is given).

#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/module_support.h"
#include "runtime/ops.h"
#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

bool int_arg(Obj* o) {
  if (is_int_like(o)) return true;
  raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object cannot be interpreted as an integer");
  return false;
}

Obj* gcd_lcm(const char* name, bool lcm, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw)) return nullptr;
  cpp_int acc = lcm ? 1 : 0;
  for (size_t i = 0; i < nargs; ++i) {
    if (!int_arg(args[i])) return nullptr;
    cpp_int v = abs(big_of(args[i]));
    if (lcm)
      acc = (acc == 0 || v == 0) ? cpp_int(0) : acc / gcd(acc, v) * v;
    else
      acc = gcd(acc, v);
  }
  return new_int_big(std::move(acc));
}

Obj* math_gcd(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return gcd_lcm("gcd", false, args, nargs, kw); }
Obj* math_lcm(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return gcd_lcm("lcm", true, args, nargs, kw); }

// The product lo * (lo+1) * ... * hi, split in halves so the big multiplications are balanced.
cpp_int range_product(uint64_t lo, uint64_t hi) {
  if (lo > hi) return 1;
  if (hi - lo < 16) {
    cpp_int r = 1;
    for (uint64_t k = lo; k <= hi; ++k) r *= k;
    return r;
  }
  uint64_t mid = lo + (hi - lo) / 2;
  return range_product(lo, mid) * range_product(mid + 1, hi);
}

// A non-negative int argument small enough to count with; false with the error set.
bool count_arg(Obj* o, const char* negative_msg, uint64_t& out) {
  if (!int_arg(o)) return false;
  if (int_sign(o) < 0) {
    raise_error(ExcKind::ValueError, negative_msg);
    return false;
  }
  int64_t v = 0;
  if (!small_int_of(o, &v)) {
    raise_error(ExcKind::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  out = uint64_t(v);
  return true;
}

Obj* math_factorial(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("math.factorial", kw) || !check_one_arg("math.factorial", nargs)) return nullptr;
  uint64_t n = 0;
  if (!count_arg(args[0], "factorial() not defined for negative values", n)) return nullptr;
  return new_int_big(range_product(1, n));
}

Obj* math_isqrt_fn(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("math.isqrt", kw) || !check_one_arg("math.isqrt", nargs)) return nullptr;
  return math_isqrt(args[0]);
}

// comb(n, k) and perm(n, k) for n of any size: k is bounded by memory anyway.
bool comb_perm_args(const char* name, Obj* const* args, size_t nargs, Obj* kw, size_t min, cpp_int& n, uint64_t& k,
                    bool& k_given) {
  if (!no_keywords(name, kw) || !check_arity(name, nargs, min, 2)) return false;
  if (!int_arg(args[0])) return false;
  if (nargs == 2 && !int_arg(args[1])) return false;
  if (int_sign(args[0]) < 0) {
    raise_error(ExcKind::ValueError, "n must be a non-negative integer");
    return false;
  }
  n = big_of(args[0]);
  k_given = nargs == 2 && args[1]->tag != Tag::None;
  if (!k_given) return true;
  return count_arg(args[1], "k must be a non-negative integer", k);
}

Obj* math_comb(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  cpp_int n;
  uint64_t k = 0;
  bool k_given = false;
  if (!comb_perm_args("comb", args, nargs, kw, 2, n, k, k_given)) return nullptr;
  if (cpp_int(k) > n) return new_int(0);
  if (cpp_int(2 * k) > n) k = uint64_t(n - k);  // C(n, k) == C(n, n-k), and fewer steps
  cpp_int r = 1;
  for (uint64_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;  // exact at every step
  return new_int_big(std::move(r));
}

Obj* math_perm(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  cpp_int n;
  uint64_t k = 0;
  bool k_given = false;
  if (!comb_perm_args("perm", args, nargs, kw, 1, n, k, k_given)) return nullptr;
  if (!k_given) {
    int64_t small = 0;
    if (!cpp_int_fits_i64(n, &small)) return raise_error(ExcKind::OverflowError, "Python int too large to convert to C long");
    return new_int_big(range_product(1, uint64_t(small)));
  }
  if (cpp_int(k) > n) return new_int(0);
  cpp_int r = 1;
  for (uint64_t i = 0; i < k; ++i) r *= n - i;
  return new_int_big(std::move(r));
}

Obj* math_prod(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!check_arity("prod", nargs, 1, 1)) return nullptr;
  Obj* start_arg = nullptr;
  if (!bind_args("prod", args + 1, 0, kw, {"start"}, 0, &start_arg)) return nullptr;
  Ref acc(start_arg ? newref(start_arg) : new_int(1));
  Ref it(op_iter(args[0]));
  if (!it) return nullptr;
  while (Ref item{op_next(it.get())}) {
    acc = Ref(op_binary(BinaryOp::Mul, acc.get(), item.get()));
    if (!acc) return nullptr;
  }
  if (error_pending()) return nullptr;
  return acc.release();
}

}  // namespace

void add_math_integer_functions(ModuleObj* m) {
  module_add_function(m, "gcd", math_gcd);
  module_add_function(m, "lcm", math_lcm);
  module_add_function(m, "factorial", math_factorial);
  module_add_function(m, "isqrt", math_isqrt_fn);
  module_add_function(m, "comb", math_comb);
  module_add_function(m, "perm", math_perm);
  module_add_function(m, "prod", math_prod);
}

}  // namespace ufora
