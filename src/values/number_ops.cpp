// Dispatch of the number operators over bool / int / BigInt / float, and the builtins that
// combine them (divmod, three-argument pow, abs).
#include <cmath>

#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

bool is_bitwise(BinaryOp op) {
  return op == BinaryOp::BitAnd || op == BinaryOp::BitOr || op == BinaryOp::BitXor;
}

Obj* not_impl() { return newref(not_implemented()); }

// x**-1 modulo m (m > 1, 0 <= x < m) by the extended Euclidean algorithm; false when
// gcd(x, m) != 1.
bool mod_inverse(const cpp_int& x, const cpp_int& m, cpp_int* out) {
  cpp_int r0 = m, r1 = x, s0 = 0, s1 = 1;  // invariant: s_i * x == r_i (mod m)
  while (r1 != 0) {
    cpp_int q = r0 / r1;
    cpp_int r2 = r0 - q * r1;
    cpp_int s2 = s0 - q * s1;
    r0 = std::move(r1);
    r1 = std::move(r2);
    s0 = std::move(s1);
    s1 = std::move(s2);
  }
  if (r0 != 1) return false;
  if (s0.sign() < 0) s0 += m;
  *out = std::move(s0);
  return true;
}

}  // namespace

Obj* number_binary(BinaryOp op, Obj* a, Obj* b) {
  if (!is_number(a) || !is_number(b)) return not_impl();
  if (a->tag == Tag::Float || b->tag == Tag::Float) {
    if (is_bitwise(op) || op == BinaryOp::LShift || op == BinaryOp::RShift || op == BinaryOp::MatMul) {
      return not_impl();
    }
    double x, y;
    if (!number_as_double(a, &x) || !number_as_double(b, &y)) return nullptr;
    return float_binary(op, x, y);
  }
  if (a->tag == Tag::Bool && b->tag == Tag::Bool && is_bitwise(op)) {
    bool x = static_cast<BoolObj*>(a)->v, y = static_cast<BoolObj*>(b)->v;
    return new_bool(op == BinaryOp::BitAnd ? (x && y) : op == BinaryOp::BitOr ? (x || y) : (x != y));
  }
  return int_binary(op, a, b);
}

Obj* number_unary(UnaryOp op, Obj* a) {
  if (!is_number(a) || op == UnaryOp::Not) return not_impl();
  if (a->tag == Tag::Float) {
    double x = static_cast<FloatObj*>(a)->v;
    if (op == UnaryOp::Neg) return new_float(-x);
    if (op == UnaryOp::Pos) return newref(a);
    return not_impl();  // ~float
  }
  int64_t x;
  if (small_int_of(a, &x)) {
    if (op == UnaryOp::Pos) return new_int(x);  // +True is the int 1
    if (op == UnaryOp::Invert) return new_int(~x);
    if (x != INT64_MIN) return new_int(-x);
  }
  cpp_int v = big_of(a);
  if (op == UnaryOp::Pos) return newref(a);
  if (op == UnaryOp::Invert) return new_int_big(-v - 1);
  return new_int_big(-v);
}

Obj* number_divmod(Obj* a, Obj* b) {
  if (!is_number(a) || !is_number(b)) return not_impl();
  if (a->tag == Tag::Float || b->tag == Tag::Float) {
    double x, y, q, m;
    if (!number_as_double(a, &x) || !number_as_double(b, &y)) return nullptr;
    if (y == 0) return raise_error(ExcKind::ZeroDivisionError, "float divmod()");
    float_floor_divmod(x, y, &q, &m);
    return new_tuple({new_float(q), new_float(m)});
  }
  if (int_sign(b) == 0) return raise_error(ExcKind::ZeroDivisionError, "integer division or modulo by zero");
  int64_t x, y;
  if (small_int_of(a, &x) && small_int_of(b, &y) && !(x == INT64_MIN && y == -1)) {
    int64_t q = x / y, m = x % y;
    if (m != 0 && (m < 0) != (y < 0)) {
      q -= 1;
      m += y;
    }
    return new_tuple({new_int(q), new_int(m)});
  }
  cpp_int q, m;
  big_floor_divmod(big_of(a), big_of(b), &q, &m);
  return new_tuple({new_int_big(std::move(q)), new_int_big(std::move(m))});
}

Obj* number_pow_mod(Obj* a, Obj* b, Obj* m) {
  if (!is_number(a) || !is_number(b) || !is_number(m)) return not_impl();
  if (!is_int_like(a) || !is_int_like(b) || !is_int_like(m)) {
    return raise_error(ExcKind::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (int_sign(m) == 0) return raise_error(ExcKind::ValueError, "pow() 3rd argument cannot be 0");
  cpp_int modulus = abs(big_of(m));
  if (modulus == 1) return new_int(0);  // before the inverse: pow(2, -1, 1) == 0
  cpp_int base, exp = big_of(b);
  {
    cpp_int ignored;
    big_floor_divmod(big_of(a), modulus, &ignored, &base);  // 0 <= base < modulus
  }
  if (exp.sign() < 0) {
    cpp_int inverse;
    if (!mod_inverse(base, modulus, &inverse)) {
      return raise_error(ExcKind::ValueError, "base is not invertible for the given modulus");
    }
    base = std::move(inverse);
    exp = -exp;
  }
  cpp_int r = powm(base, exp, modulus);
  // A negative modulus gives a result in (m, 0], like a % m.
  if (int_sign(m) < 0 && r != 0) r -= modulus;
  return new_int_big(std::move(r));
}

Obj* number_abs(Obj* a) {
  if (!is_number(a)) return not_impl();
  if (a->tag == Tag::Float) return new_float(std::fabs(static_cast<FloatObj*>(a)->v));
  int64_t x;
  if (small_int_of(a, &x) && x != INT64_MIN) return new_int(x < 0 ? -x : x);
  return new_int_big(abs(big_of(a)));
}

}  // namespace ufora
