// Arithmetic on ints of any size: an int64 fast path that falls back to cpp_int on overflow.
#include <limits>
#include <optional>

#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

// Results beyond this many bits would need gigabytes; CPython fails with MemoryError there.
constexpr uint64_t kMaxResultBits = uint64_t(1) << 32;

std::nullptr_t too_many_digits() {
  return raise_error(ExcKind::OverflowError, "too many digits in integer");
}

std::optional<int64_t> small_pow(int64_t base, int64_t exp) {
  int64_t result = 1;
  for (;;) {
    if ((exp & 1) && __builtin_mul_overflow(result, base, &result)) return std::nullopt;
    exp >>= 1;
    if (exp == 0) return result;
    // Once base*base overflows, any remaining factor overflows the result too (|base| >= 2).
    if (__builtin_mul_overflow(base, base, &base)) return std::nullopt;
  }
}

// The int64 fast path; nullopt when the result does not fit (the caller redoes it with
// cpp_int). Zero divisors and negative exponents / shift counts are handled by the caller.
std::optional<int64_t> small_binary(BinaryOp op, int64_t a, int64_t b) {
  int64_t r;
  switch (op) {
    case BinaryOp::Add:
      if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
      return r;
    case BinaryOp::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
      return r;
    case BinaryOp::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
      return r;
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod: {
      if (a == std::numeric_limits<int64_t>::min() && b == -1) return std::nullopt;
      int64_t q = a / b, m = a % b;
      if (m != 0 && (m < 0) != (b < 0)) {  // C truncates; Python floors
        q -= 1;
        m += b;
      }
      return op == BinaryOp::FloorDiv ? q : m;
    }
    case BinaryOp::Pow:
      return small_pow(a, b);
    case BinaryOp::LShift: {
      if (b >= 63) return a == 0 ? std::optional<int64_t>(0) : std::nullopt;
      r = int64_t(uint64_t(a) << b);
      if ((r >> b) != a) return std::nullopt;  // bits (or the sign) fell off
      return r;
    }
    case BinaryOp::RShift:
      return a >> (b > 63 ? 63 : b);  // arithmetic shift == floor division by 2**b
    case BinaryOp::BitAnd:
      return a & b;
    case BinaryOp::BitOr:
      return a | b;
    case BinaryOp::BitXor:
      return a ^ b;
    default:
      return std::nullopt;
  }
}

Obj* big_pow(const cpp_int& base, const Obj* exp_obj) {
  // Bases whose powers stay small are the only ones a huge exponent cannot blow up.
  if (base == 0 || base == 1) return new_int(int_sign(exp_obj) == 0 ? 1 : base.convert_to<int64_t>());
  cpp_int exp = big_of(exp_obj);
  if (base == -1) return new_int(bit_test(exp, 0) ? -1 : 1);
  cpp_int min_bits = cpp_int(bit_length(base) - 1) * exp;  // |base|**exp >= 2**min_bits
  if (min_bits >= kMaxResultBits) return too_many_digits();
  return new_int_big(pow(base, exp.convert_to<unsigned>()));
}

Obj* big_shift(BinaryOp op, const cpp_int& a, const Obj* count_obj) {
  if (a.sign() == 0) return new_int(0);
  int64_t count;
  bool small = small_int_of(count_obj, &count);
  if (op == BinaryOp::RShift) {
    if (!small || uint64_t(count) > bit_length(a)) return new_int(a.sign() < 0 ? -1 : 0);
    return new_int_big(big_floor_shift(a, uint64_t(count)));
  }
  if (!small || uint64_t(count) + bit_length(a) > kMaxResultBits) return too_many_digits();
  return new_int_big(a << unsigned(count));  // sign-magnitude: shifts |a|, keeps the sign
}

Obj* big_binary(BinaryOp op, const Obj* a_obj, const Obj* b_obj) {
  cpp_int a = big_of(a_obj);
  if (op == BinaryOp::Pow) return big_pow(a, b_obj);
  if (op == BinaryOp::LShift || op == BinaryOp::RShift) return big_shift(op, a, b_obj);
  cpp_int b = big_of(b_obj);
  cpp_int q, m;
  switch (op) {
    case BinaryOp::Add:
      return new_int_big(a + b);
    case BinaryOp::Sub:
      return new_int_big(a - b);
    case BinaryOp::Mul:
      return new_int_big(a * b);
    case BinaryOp::FloorDiv:
      big_floor_divmod(a, b, &q, &m);
      return new_int_big(std::move(q));
    case BinaryOp::Mod:
      big_floor_divmod(a, b, &q, &m);
      return new_int_big(std::move(m));
    case BinaryOp::BitAnd:
      return new_int_big(big_and(a, b));
    case BinaryOp::BitOr:
      return new_int_big(big_or(a, b));
    case BinaryOp::BitXor:
      return new_int_big(big_xor(a, b));
    default:
      return newref(not_implemented());
  }
}

}  // namespace

Obj* int_binary(BinaryOp op, const Obj* a, const Obj* b) {
  switch (op) {
    case BinaryOp::MatMul:
      return newref(not_implemented());
    case BinaryOp::TrueDiv:
      return int_true_divide(a, b);
    case BinaryOp::FloorDiv:
      if (int_sign(b) == 0) return raise_error(ExcKind::ZeroDivisionError, "integer division or modulo by zero");
      break;
    case BinaryOp::Mod:
      if (int_sign(b) == 0) return raise_error(ExcKind::ZeroDivisionError, "integer modulo by zero");
      break;
    case BinaryOp::Pow:
      if (int_sign(b) < 0) {  // int ** negative int is computed in floats, as CPython does
        double x, y;
        if (!number_as_double(a, &x) || !number_as_double(b, &y)) return nullptr;
        return float_pow(x, y);
      }
      break;
    case BinaryOp::LShift:
    case BinaryOp::RShift:
      if (int_sign(b) < 0) return raise_error(ExcKind::ValueError, "negative shift count");
      break;
    default:
      break;
  }
  int64_t x, y;
  if (small_int_of(a, &x) && small_int_of(b, &y)) {
    if (std::optional<int64_t> r = small_binary(op, x, y)) return new_int(*r);
  }
  return big_binary(op, a, b);
}

Obj* int_true_divide(const Obj* a, const Obj* b) {
  if (int_sign(b) == 0) return raise_error(ExcKind::ZeroDivisionError, "division by zero");
  // Up to 2**53 both operands are exact doubles, and IEEE division rounds correctly.
  constexpr int64_t kExact = int64_t(1) << 53;
  int64_t x, y;
  if (small_int_of(a, &x) && small_int_of(b, &y) && x >= -kExact && x <= kExact && y >= -kExact &&
      y <= kExact) {
    return new_float(double(x) / double(y));
  }
  double d;
  if (!cpp_ratio_to_double(abs(big_of(a)), abs(big_of(b)), &d)) {
    return raise_error(ExcKind::OverflowError, "integer division result too large for a float");
  }
  bool negative = (int_sign(a) < 0) != (int_sign(b) < 0);  // 0 / -5 is -0.0
  return new_float(negative ? -d : d);
}

}  // namespace ufora
