// The math module's float functions and constants. They call the C library exactly as
// CPython's mathmodule.c does (glibc here and there), and classify its results the same way,
// so values and the ValueError/OverflowError choices agree with CPython.
#include <cmath>
#include <numbers>
#include <utility>

#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/module_support.h"
#include "runtime/ops.h"
#include "values/bigint.h"
#include "values/class_obj.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

Obj* domain_error() { return raise_error(ExcKind::ValueError, "math domain error"); }
Obj* range_error() { return raise_error(ExcKind::OverflowError, "math range error"); }

// PyFloat_AsDouble: floats, ints (OverflowError when too large) and objects with __float__.
bool real_arg(Obj* x, double& out) {
  if (x->tag == Tag::Float) {
    out = static_cast<FloatObj*>(x)->v;
    return true;
  }
  if (is_int_like(x)) return number_as_double(x, &out);
  if (x->tag == Tag::Instance && static_cast<InstanceObj*>(x)->cls->lookup("__float__")) {
    Ref method(op_getattr(x, "__float__"));
    Ref r(method ? op_call0(method.get()) : nullptr);
    if (!r) return false;
    if (r->tag == Tag::Float) {
      out = static_cast<FloatObj*>(r.get())->v;
      return true;
    }
    raise_error(ExcKind::TypeError, type_name(x) + ".__float__ returned non-float (type " + type_name(r.get()) + ")");
    return false;
  }
  raise_error(ExcKind::TypeError, "must be real number, not " + type_name(x));
  return false;
}

// math_1 of CPython: a nan from a non-nan is a domain error; an infinity from a finite value
// is a range error for functions that can overflow and a domain error (a pole) otherwise.
Obj* checked_result(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return new_float(r);
}

// gamma and lgamma have poles at 0, -1, -2, ...: a domain error there, overflow elsewhere.
double checked_gamma(double x) {
  if (std::isfinite(x) && x <= 0 && std::floor(x) == x) return std::nan("");
  return std::tgamma(x);
}
double checked_lgamma(double x) {
  if (std::isfinite(x) && x <= 0 && std::floor(x) == x) return std::nan("");
  return std::lgamma(x);
}

struct Math1 {
  const char* name;  // as in error messages: "math.sqrt"
  const char* short_name;
  double (*fn)(double);
  bool can_overflow;
};

constexpr Math1 kMath1[] = {
    {"math.sqrt", "sqrt", [](double x) { return std::sqrt(x); }, false},
    {"math.exp", "exp", [](double x) { return std::exp(x); }, true},
    {"math.expm1", "expm1", [](double x) { return std::expm1(x); }, true},
    {"math.log1p", "log1p", [](double x) { return std::log1p(x); }, false},
    {"math.sin", "sin", [](double x) { return std::sin(x); }, false},
    {"math.cos", "cos", [](double x) { return std::cos(x); }, false},
    {"math.tan", "tan", [](double x) { return std::tan(x); }, false},
    {"math.asin", "asin", [](double x) { return std::asin(x); }, false},
    {"math.acos", "acos", [](double x) { return std::acos(x); }, false},
    {"math.atan", "atan", [](double x) { return std::atan(x); }, false},
    {"math.sinh", "sinh", [](double x) { return std::sinh(x); }, true},
    {"math.cosh", "cosh", [](double x) { return std::cosh(x); }, true},
    {"math.tanh", "tanh", [](double x) { return std::tanh(x); }, false},
    {"math.asinh", "asinh", [](double x) { return std::asinh(x); }, false},
    {"math.acosh", "acosh", [](double x) { return std::acosh(x); }, false},
    {"math.atanh", "atanh", [](double x) { return std::atanh(x); }, false},
    {"math.fabs", "fabs", [](double x) { return std::fabs(x); }, false},
    {"math.erf", "erf", [](double x) { return std::erf(x); }, false},
    {"math.erfc", "erfc", [](double x) { return std::erfc(x); }, false},
    {"math.gamma", "gamma", checked_gamma, true},
    {"math.lgamma", "lgamma", checked_lgamma, true},
};

template <size_t I>
Obj* math1(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  const Math1& f = kMath1[I];
  if (!no_keywords(f.name, kw) || !check_one_arg(f.name, nargs)) return nullptr;
  double x = 0;
  if (!real_arg(args[0], x)) return nullptr;
  return checked_result(x, f.fn(x), f.can_overflow);
}

template <size_t... I>
void add_math1(ModuleObj* m, std::index_sequence<I...>) {
  (module_add_function(m, kMath1[I].short_name, math1<I>), ...);
}

// degrees and radians are plain products in CPython: no domain or range checks.
Obj* angle_convert(const char* name, double factor, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw) || !check_one_arg(name, nargs)) return nullptr;
  double x = 0;
  return real_arg(args[0], x) ? new_float(x * factor) : nullptr;
}
Obj* math_degrees(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return angle_convert("math.degrees", 180.0 / std::numbers::pi, args, nargs, kw);
}
Obj* math_radians(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return angle_convert("math.radians", std::numbers::pi / 180.0, args, nargs, kw);
}

// ---- logarithms: ints of any size are accepted (CPython's loghelper) -------------------

// CPython's _PyLong_Frexp: n == x * 2**e with x in [0.5, 1), x correctly rounded.
double big_frexp(const cpp_int& n, int64_t& e) {
  int64_t bits = int64_t(boost::multiprecision::msb(n)) + 1;
  constexpr int64_t kKeep = 55;  // two guard bits beyond the 53 of a double
  int64_t shift = bits - kKeep;
  cpp_int m = n >> shift;
  if ((m << shift) != n) m |= 1;  // sticky bit: correct rounding in int_to_double
  Ref boxed(new_int_big(m));
  double x = std::ldexp(int_to_double(boxed.get(), nullptr), -int(kKeep));
  e = bits;
  if (x == 1.0) {
    x = 0.5;
    ++e;
  }
  return x;
}

bool log_of(Obj* x, double (*f)(double), double& out) {
  if (is_int_like(x)) {
    if (int_sign(x) <= 0) {
      domain_error();
      return false;
    }
    bool overflow = false;
    double d = int_to_double(x, &overflow);
    if (!overflow) {
      out = f(d);
      return true;
    }
    int64_t e = 0;
    double m = big_frexp(big_of(x), e);
    out = f(m) + f(2.0) * double(e);
    return true;
  }
  double d = 0;
  if (!real_arg(x, d)) return false;
  Ref r(checked_result(d, f(d), false));
  if (!r) return false;
  out = static_cast<FloatObj*>(r.get())->v;
  return true;
}

double ln(double x) { return std::log(x); }

Obj* math_log(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("log", kw)) return nullptr;
  if (nargs < 1 || nargs > 2) return raise_error(ExcKind::TypeError, "math.log requires 1 to 2 arguments");
  double num = 0, den = 0;
  if (!log_of(args[0], ln, num)) return nullptr;
  if (nargs == 1) return new_float(num);
  if (!log_of(args[1], ln, den)) return nullptr;
  if (den == 0) return raise_error(ExcKind::ZeroDivisionError, "float division by zero");
  return new_float(num / den);
}

template <double (*F)(double)>
Obj* log_variant(const char* name, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw) || !check_one_arg(name, nargs)) return nullptr;
  double r = 0;
  return log_of(args[0], F, r) ? new_float(r) : nullptr;
}

double log2_fn(double x) { return std::log2(x); }
double log10_fn(double x) { return std::log10(x); }
Obj* math_log2(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return log_variant<log2_fn>("math.log2", args, nargs, kw); }
Obj* math_log10(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return log_variant<log10_fn>("math.log10", args, nargs, kw); }

// ---- two-argument functions --------------------------------------------------------------

bool two_reals(const char* name, Obj* const* args, size_t nargs, Obj* kw, double& x, double& y) {
  return no_keywords(name, kw) && check_arity(name, nargs, 2, 2) && real_arg(args[0], x) && real_arg(args[1], y);
}

// CPython's math_2: nan from non-nans is a domain error, inf from finites a range error.
Obj* checked_result2(double x, double y, double r) {
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error();
  return new_float(r);
}

Obj* math_atan2(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  double y = 0, x = 0;
  if (!two_reals("atan2", args, nargs, kw, y, x)) return nullptr;
  return checked_result2(y, x, std::atan2(y, x));
}

Obj* math_copysign(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  double x = 0, y = 0;
  if (!two_reals("copysign", args, nargs, kw, x, y)) return nullptr;
  return new_float(std::copysign(x, y));
}

Obj* math_fmod(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  double x = 0, y = 0;
  if (!two_reals("fmod", args, nargs, kw, x, y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return new_float(x);
  return checked_result2(x, y, std::fmod(x, y));
}

Obj* math_remainder(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  double x = 0, y = 0;
  if (!two_reals("remainder", args, nargs, kw, x, y)) return nullptr;
  return checked_result2(x, y, std::remainder(x, y));
}

// math.pow follows C99 Annex F for infinities and nans; for finite operands a nan result is a
// domain error (negative base, fractional exponent) and an infinite one is a domain error
// for 0 ** negative and a range error otherwise.
Obj* math_pow(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  double x = 0, y = 0;
  if (!two_reals("pow", args, nargs, kw, x, y)) return nullptr;
  double r = std::pow(x, y);
  if (std::isfinite(x) && std::isfinite(y)) {
    if (std::isnan(r)) return domain_error();
    if (std::isinf(r)) return x == 0.0 ? domain_error() : range_error();
  }
  return new_float(r);
}

Obj* math_ldexp(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("ldexp", kw) || !check_arity("ldexp", nargs, 2, 2)) return nullptr;
  double x = 0;
  if (!real_arg(args[0], x)) return nullptr;
  if (!is_int_like(args[1])) return raise_error(ExcKind::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e = 0;
  if (!small_int_of(args[1], &e)) e = int_sign(args[1]) < 0 ? INT32_MIN : INT32_MAX;
  e = std::clamp<int64_t>(e, INT32_MIN, INT32_MAX);
  double r = std::ldexp(x, int(e));
  if (std::isinf(r) && std::isfinite(x)) return range_error();
  return new_float(r);
}

Obj* math_frexp(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("math.frexp", kw) || !check_one_arg("math.frexp", nargs)) return nullptr;
  double x = 0;
  if (!real_arg(args[0], x)) return nullptr;
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  return new_tuple({new_float(m), new_int(e)});
}

Obj* math_modf(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("math.modf", kw) || !check_one_arg("math.modf", nargs)) return nullptr;
  double x = 0;
  if (!real_arg(args[0], x)) return nullptr;
  if (std::isinf(x)) return new_tuple({new_float(std::copysign(0.0, x)), new_float(x)});
  double ip = 0;
  double fp = std::modf(x, &ip);
  return new_tuple({new_float(fp), new_float(ip)});
}

// hypot(*coordinates): any infinity wins over nan, as in CPython.
Obj* math_hypot(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("hypot", kw)) return nullptr;
  std::vector<double> v(nargs);
  double biggest = 0;
  bool any_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    if (!real_arg(args[i], v[i])) return nullptr;
    v[i] = std::fabs(v[i]);
    any_nan = any_nan || std::isnan(v[i]);
    if (v[i] > biggest) biggest = v[i];
  }
  if (std::isinf(biggest)) return new_float(biggest);
  if (any_nan) return new_float(std::nan(""));
  if (nargs == 2) return new_float(std::hypot(v[0], v[1]));
  if (biggest == 0 || nargs == 1) return new_float(biggest);
  // Scaled sum of squares with Neumaier compensation.
  double sum = 0, comp = 0;
  for (double c : v) {
    double t = (c / biggest) * (c / biggest);
    double s = sum + t;
    comp += std::fabs(sum) >= std::fabs(t) ? (sum - s) + t : (t - s) + sum;
    sum = s;
  }
  return new_float(std::sqrt(sum + comp) * biggest);
}

Obj* math_dist(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("dist", kw) || !check_arity("dist", nargs, 2, 2)) return nullptr;
  if (args[0]->tag != Tag::Tuple && args[0]->tag != Tag::List)
    return raise_error(ExcKind::TypeError, "dist(): argument 1 must be tuple, not " + type_name(args[0]));
  if (args[1]->tag != Tag::Tuple && args[1]->tag != Tag::List)
    return raise_error(ExcKind::TypeError, "dist(): argument 2 must be tuple, not " + type_name(args[1]));
  const auto& p = items_of(args[0]);
  const auto& q = items_of(args[1]);
  if (p.size() != q.size())
    return raise_error(ExcKind::ValueError, "both points must have the same number of dimensions");
  OwnedVec diffs;
  for (size_t i = 0; i < p.size(); ++i) {
    double a = 0, b = 0;
    if (!real_arg(p[i], a) || !real_arg(q[i], b)) return nullptr;
    diffs.push(new_float(a - b));
  }
  return math_hypot(nullptr, diffs.v.data(), diffs.size(), nullptr);
}

Obj* math_isclose(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  Obj* a[4];
  if (!bind_args("isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, a)) return nullptr;
  double x = 0, y = 0, rel = 1e-9, abs_tol = 0.0;
  if (!real_arg(a[0], x) || !real_arg(a[1], y)) return nullptr;
  if (a[2] && !real_arg(a[2], rel)) return nullptr;
  if (a[3] && !real_arg(a[3], abs_tol)) return nullptr;
  if (rel < 0.0 || abs_tol < 0.0) return raise_error(ExcKind::ValueError, "tolerances must be non-negative");
  if (x == y) return new_bool(true);
  if (std::isinf(x) || std::isinf(y)) return new_bool(false);
  double diff = std::fabs(y - x);
  return new_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || diff <= abs_tol);
}

// ---- classification and rounding ----------------------------------------------------------

template <bool (*F)(double)>
Obj* classify(const char* name, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw) || !check_one_arg(name, nargs)) return nullptr;
  double x = 0;
  if (!real_arg(args[0], x)) return nullptr;
  return new_bool(F(x));
}

bool nan_test(double x) { return std::isnan(x); }
bool inf_test(double x) { return std::isinf(x); }
bool finite_test(double x) { return std::isfinite(x); }
Obj* math_isnan(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return classify<nan_test>("math.isnan", args, nargs, kw); }
Obj* math_isinf(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return classify<inf_test>("math.isinf", args, nargs, kw); }
Obj* math_isfinite(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return classify<finite_test>("math.isfinite", args, nargs, kw);
}

// floor/ceil/trunc: exact for ints and floats, then the __floor__/__ceil__/__trunc__ dunder;
// floor and ceil also accept anything float() accepts (`via_float`), trunc does not.
Obj* rounding(const char* name, const char* dunder, bool via_float, Obj* (*exact)(Obj*), Obj* const* args,
              size_t nargs, Obj* kw) {
  if (!no_keywords(name, kw) || !check_one_arg(name, nargs)) return nullptr;
  Obj* x = args[0];
  if (is_number(x)) return exact(x);
  if (x->tag == Tag::Instance && static_cast<InstanceObj*>(x)->cls->lookup(dunder)) {
    Ref method(op_getattr(x, dunder));
    return method ? op_call0(method.get()) : nullptr;
  }
  if (!via_float) return raise_error(ExcKind::TypeError, "type " + type_name(x) + " doesn't define " + dunder + " method");
  double d = 0;
  if (!real_arg(x, d)) return nullptr;
  Ref f(new_float(d));
  return exact(f.get());
}

Obj* trunc_number(Obj* x) {
  if (x->tag == Tag::Float) return float_to_int(static_cast<FloatObj*>(x)->v);
  return number_unary(UnaryOp::Pos, x);
}

Obj* math_floor_fn(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return rounding("math.floor", "__floor__", true, math_floor, args, nargs, kw);
}
Obj* math_ceil_fn(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return rounding("math.ceil", "__ceil__", true, math_ceil, args, nargs, kw);
}
Obj* math_trunc(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  return rounding("math.trunc", "__trunc__", false, trunc_number, args, nargs, kw);
}

}  // namespace

void add_math_float_functions(ModuleObj* m) {
  add_math1(m, std::make_index_sequence<std::size(kMath1)>{});
  module_add_function(m, "degrees", math_degrees);
  module_add_function(m, "radians", math_radians);
  module_add_function(m, "log", math_log);
  module_add_function(m, "log2", math_log2);
  module_add_function(m, "log10", math_log10);
  module_add_function(m, "atan2", math_atan2);
  module_add_function(m, "copysign", math_copysign);
  module_add_function(m, "fmod", math_fmod);
  module_add_function(m, "remainder", math_remainder);
  module_add_function(m, "pow", math_pow);
  module_add_function(m, "ldexp", math_ldexp);
  module_add_function(m, "frexp", math_frexp);
  module_add_function(m, "modf", math_modf);
  module_add_function(m, "hypot", math_hypot);
  module_add_function(m, "dist", math_dist);
  module_add_function(m, "isclose", math_isclose);
  module_add_function(m, "isnan", math_isnan);
  module_add_function(m, "isinf", math_isinf);
  module_add_function(m, "isfinite", math_isfinite);
  module_add_function(m, "floor", math_floor_fn);
  module_add_function(m, "ceil", math_ceil_fn);
  module_add_function(m, "trunc", math_trunc);
}

ModuleObj* build_math_module() {
  ModuleObj* m = new_module("math");
  add_math_float_functions(m);
  add_math_integer_functions(m);
  module_add_function(m, "fsum", math_fsum);
  for (auto [name, value] : {std::pair{"pi", std::numbers::pi}, std::pair{"e", std::numbers::e},
                             std::pair{"tau", 2 * std::numbers::pi}, std::pair{"inf", HUGE_VAL},
                             std::pair{"nan", std::nan("")}}) {
    Obj* v = new_float(value);
    v->refcount = kImmortal;
    module_add(m, name, v);
  }
  return m;
}

}  // namespace ufora
