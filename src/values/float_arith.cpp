// Float arithmetic with CPython's float_div / float_rem / float_divmod / float_pow semantics.
#include <cmath>

#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// The remainder part of divmod, taking the sign of b; a zero remainder is +-0.0 like b.
double float_mod(double a, double b) {
  double mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}

}  // namespace

void float_floor_divmod(double a, double b, double* floordiv, double* mod) {
  double m = std::fmod(a, b);
  // a - m is (nearly) an exact multiple of b, so this division is (nearly) exact.
  double div = (a - m) / b;
  if (m != 0) {
    if ((b < 0) != (m < 0)) {
      m += b;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, b);
  }
  double fd;
  if (div != 0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;  // undo a rounding error of the division above
  } else {
    fd = std::copysign(0.0, a / b);
  }
  *floordiv = fd;
  *mod = m;
}

Obj* float_pow(double a, double b) {
  // The special cases follow C99 Annex F pow(), plus Python's errors for 0 ** negative.
  if (b == 0) return new_float(1.0);
  if (std::isnan(a)) return new_float(a);
  if (std::isnan(b)) return new_float(a == 1.0 ? 1.0 : b);
  if (std::isinf(b)) {
    double abs_a = std::fabs(a);
    if (abs_a == 1.0) return new_float(1.0);
    return new_float((b > 0) == (abs_a > 1.0) ? HUGE_VAL : 0.0);
  }
  if (std::isinf(a)) {
    bool odd = is_odd_integer(b);
    if (b > 0) return new_float(odd ? a : std::fabs(a));
    return new_float(odd ? std::copysign(0.0, a) : 0.0);
  }
  if (a == 0) {
    if (b < 0) return raise_error(ExcKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return new_float(is_odd_integer(b) ? a : 0.0);
  }
  bool negate = false;
  if (a < 0) {
    // CPython returns a complex here; complex numbers are not supported.
    if (b != std::floor(b)) return raise_error(ExcKind::ValueError, "complex results are not supported yet");
    a = -a;
    negate = is_odd_integer(b);
  }
  if (a == 1.0) return new_float(negate ? -1.0 : 1.0);
  double r = std::pow(a, b);
  // With finite operands an infinite result is an overflow (errno ERANGE in CPython).
  if (std::isinf(r)) return raise_error(ExcKind::OverflowError, "(34, 'Numerical result out of range')");
  return new_float(negate ? -r : r);
}

Obj* float_binary(BinaryOp op, double a, double b) {
  double q, m;
  switch (op) {
    case BinaryOp::Add:
      return new_float(a + b);
    case BinaryOp::Sub:
      return new_float(a - b);
    case BinaryOp::Mul:
      return new_float(a * b);
    case BinaryOp::TrueDiv:
      if (b == 0) return raise_error(ExcKind::ZeroDivisionError, "float division by zero");
      return new_float(a / b);
    case BinaryOp::FloorDiv:
      if (b == 0) return raise_error(ExcKind::ZeroDivisionError, "float floor division by zero");
      float_floor_divmod(a, b, &q, &m);
      return new_float(q);
    case BinaryOp::Mod:
      if (b == 0) return raise_error(ExcKind::ZeroDivisionError, "float modulo");
      return new_float(float_mod(a, b));
    case BinaryOp::Pow:
      return float_pow(a, b);
    default:  // @, shifts and bitwise operators do not apply to floats
      return newref(not_implemented());
  }
}

}  // namespace ufora
