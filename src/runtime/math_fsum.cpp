// math.fsum: the exactly rounded sum of floats, by Shewchuk's algorithm as CPython applies it
// (msum): the running sum is kept as a list of non-overlapping partials whose exact total is
// the exact sum so far; at the end the partials are added from the largest down, with a
// correction so that a tie between two doubles rounds to even across several partials.
#include <cmath>
#include <vector>

#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/module_support.h"
#include "runtime/ops.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

bool as_real(Obj* x, double& out) {
  if (x->tag == Tag::Float) {
    out = static_cast<FloatObj*>(x)->v;
    return true;
  }
  if (is_int_like(x)) return number_as_double(x, &out);
  raise_error(ExcKind::TypeError, "must be real number, not " + type_name(x));
  return false;
}

// Adds x into the partials exactly (two-sum at each step, dropping zero remainders).
// Returns the part that did not fit: the new largest partial.
double add_exact(std::vector<double>& partials, double x) {
  size_t kept = 0;
  for (double y : partials) {
    if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
    double hi = x + y;
    double lo = y - (hi - x);
    if (lo != 0.0) partials[kept++] = lo;
    x = hi;
  }
  partials.resize(kept);
  return x;
}

// The correctly rounded value of the exact sum of `partials` (increasing magnitude).
double round_partials(const std::vector<double>& partials) {
  size_t n = partials.size();
  if (n == 0) return 0.0;
  double hi = partials[--n];
  double lo = 0.0;
  // Sum from the top while the additions stay exact.
  while (n > 0) {
    double x = hi;
    double y = partials[--n];
    hi = x + y;
    double yr = hi - x;
    lo = y - yr;
    if (lo != 0.0) break;
  }
  // hi + lo rounded half-even may be wrong when lo is exactly half an ulp of hi and the
  // partials below push the true sum away from the tie: then round in their direction.
  if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
    double y = lo * 2.0;
    double x = hi + y;
    double yr = x - hi;
    if (y == yr) hi = x;
  }
  return hi;
}

}  // namespace

Obj* math_fsum(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("math.fsum", kw) || !check_one_arg("math.fsum", nargs)) return nullptr;
  Ref it(op_iter(args[0]));
  if (!it) return nullptr;
  std::vector<double> partials;
  double special_sum = 0.0;  // sum of the infinities and nans seen
  double inf_sum = 0.0;      // sum of the infinities alone: nan when both signs occurred
  while (Ref item{op_next(it.get())}) {
    double x = 0;
    if (!as_real(item.get(), x)) return nullptr;
    double xsave = x;
    x = add_exact(partials, x);
    if (x == 0.0) continue;
    if (std::isfinite(x)) {
      partials.push_back(x);
      continue;
    }
    // A non-finite x comes from an inf or nan summand, or from overflow of finite ones.
    if (std::isfinite(xsave)) return raise_error(ExcKind::OverflowError, "intermediate overflow in fsum");
    if (std::isinf(xsave)) inf_sum += xsave;
    special_sum += xsave;
    partials.clear();
  }
  if (error_pending()) return nullptr;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise_error(ExcKind::ValueError, "-inf + inf in fsum");
    return new_float(special_sum);
  }
  return new_float(round_partials(partials));
}

}  // namespace ufora
