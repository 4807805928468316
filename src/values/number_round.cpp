// round(), and the rounding helpers of the math module (floor, ceil, isqrt).
#include <cmath>
#include <limits>

#include "values/bigint.h"
#include "values/class_obj.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

const char* builtin_type_name(const Obj* o) {
  switch (o->tag) {
    case Tag::None: return "NoneType";
    case Tag::NotImplemented: return "NotImplementedType";
    case Tag::Bool: return "bool";
    case Tag::Int:
    case Tag::BigInt: return "int";
    case Tag::Float: return "float";
    case Tag::Str: return "str";
    case Tag::Tuple: return "tuple";
    case Tag::List: return "list";
    case Tag::Dict: return "dict";
    case Tag::Set: return "set";
    case Tag::FrozenSet: return "frozenset";
    case Tag::Range: return "range";
    case Tag::Slice: return "slice";
    case Tag::Function: return "function";
    case Tag::Builtin: return "builtin_function_or_method";
    case Tag::BoundMethod: return "method";
    case Tag::Class: return "type";
    case Tag::Generator: return "generator";
    case Tag::Module: return "module";
    default: return "object";
  }
}

std::nullptr_t not_an_index(const Obj* o) {
  std::string name = o->tag == Tag::Instance ? static_cast<const InstanceObj*>(o)->cls->name : builtin_type_name(o);
  return raise_error(ExcKind::TypeError, "'" + name + "' object cannot be interpreted as an integer");
}

// ndigits clamped to int64 (a BigInt is beyond every threshold used below).
int64_t clamped_index(const Obj* o) {
  int64_t v;
  if (small_int_of(o, &v)) return v;
  return int_sign(o) > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
}

cpp_int pow10(int64_t n) { return pow(cpp_int(10), unsigned(n)); }

// q rounded to the nearest integer from q + r/den (0 <= r < den), ties to even.
void round_half_even(cpp_int& q, const cpp_int& r, const cpp_int& den) {
  int c = cpp_int(2 * r).compare(den);
  if (c > 0 || (c == 0 && bit_test(q, 0))) q += 1;
}

Obj* round_float_to_int(double x) {
  // Ties to even: round() goes away from zero, so redo the exact halves.
  double r = std::round(x);
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return float_to_int(r);
}

// round(x, nd) on the exact binary value of x: the nearest multiple of 10**-nd (ties to even),
// then the double nearest to it. This is what CPython's dtoa-based version computes.
Obj* round_float(double x, int64_t nd) {
  constexpr int64_t kMaxDigits = 323;   // beyond: x already has no such digits
  constexpr int64_t kMinDigits = -308;  // beyond: every finite x rounds to zero
  if (!std::isfinite(x) || x == 0.0 || nd > kMaxDigits) return new_float(x);
  if (nd < kMinDigits) return new_float(0.0 * x);
  int exp;
  double frac = std::frexp(std::fabs(x), &exp);
  cpp_int num = static_cast<int64_t>(std::ldexp(frac, 53)), den = 1;  // |x| = num * 2**(exp-53)
  if (exp >= 53) {
    num <<= unsigned(exp - 53);
  } else {
    den <<= unsigned(53 - exp);
  }
  if (nd >= 0) {
    num *= pow10(nd);
  } else {
    den *= pow10(-nd);
  }
  cpp_int q, r;
  divide_qr(num, den, q, r);
  round_half_even(q, r, den);
  double result;
  bool ok = nd >= 0 ? cpp_ratio_to_double(q, pow10(nd), &result) : cpp_int_to_double(q * pow10(-nd), &result);
  if (!ok) return raise_error(ExcKind::OverflowError, "rounded value too large to represent");
  return new_float(std::copysign(result, x));  // round(-0.4, 0) is -0.0
}

Obj* round_int(Obj* x, int64_t nd) {
  if (nd >= 0) return number_unary(UnaryOp::Pos, x);  // int(x): True -> 1
  cpp_int v = big_of(x);
  // 10**k > 2|v| already rounds to 0; skip computing a huge power of ten.
  uint64_t bits = bit_length(v);
  if (nd == std::numeric_limits<int64_t>::min() || uint64_t(-nd) > bits) return new_int(0);
  cpp_int p = pow10(-nd), q, r;
  big_floor_divmod(v, p, &q, &r);  // 0 <= r < p
  round_half_even(q, r, p);
  return new_int_big(q * p);
}

}  // namespace

Obj* number_round(Obj* x, Obj* ndigits_or_null) {
  if (!is_number(x)) return newref(not_implemented());
  Obj* nd = ndigits_or_null && ndigits_or_null->tag != Tag::None ? ndigits_or_null : nullptr;
  if (nd && !is_int_like(nd)) return not_an_index(nd);
  if (x->tag == Tag::Float) {
    double v = static_cast<FloatObj*>(x)->v;
    return nd ? round_float(v, clamped_index(nd)) : round_float_to_int(v);
  }
  return round_int(x, nd ? clamped_index(nd) : 0);
}

Obj* math_floor(Obj* x) {
  if (x->tag == Tag::Float) return float_to_int(std::floor(static_cast<FloatObj*>(x)->v));
  if (is_int_like(x)) return number_unary(UnaryOp::Pos, x);
  return newref(not_implemented());
}

Obj* math_ceil(Obj* x) {
  if (x->tag == Tag::Float) return float_to_int(std::ceil(static_cast<FloatObj*>(x)->v));
  if (is_int_like(x)) return number_unary(UnaryOp::Pos, x);
  return newref(not_implemented());
}

Obj* math_isqrt(Obj* n) {
  if (!is_int_like(n)) return not_an_index(n);
  if (int_sign(n) < 0) return raise_error(ExcKind::ValueError, "isqrt() argument must be nonnegative");
  return new_int_big(sqrt(big_of(n)));  // boost's integer square root is the floor
}

bool float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace ufora
