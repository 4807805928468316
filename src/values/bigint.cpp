#include "values/bigint.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ufora {

bool cpp_int_fits_i64(const cpp_int& v, int64_t* out) {
  static const cpp_int kMin = std::numeric_limits<int64_t>::min();
  static const cpp_int kMax = std::numeric_limits<int64_t>::max();
  if (v < kMin || v > kMax) return false;
  *out = v.convert_to<int64_t>();
  return true;
}

Obj* new_int_big(cpp_int v) {
  int64_t small;
  if (cpp_int_fits_i64(v, &small)) return new_int(small);
  return new BigIntObj(std::move(v));
}

cpp_int big_of(const Obj* o) {
  int64_t s;
  if (small_int_of(o, &s)) return cpp_int(s);
  return bigint_value(o);
}

uint64_t bit_length(const cpp_int& v) {
  if (v.sign() == 0) return 0;
  if (v.sign() > 0) return msb(v) + 1;
  cpp_int mag = -v;
  return msb(mag) + 1;
}

// The bitwise operations work on magnitudes only (cpp_int is sign-magnitude), rewriting a
// negative operand x as ~X with X = -x - 1 >= 0 and applying De Morgan's laws.
namespace {
cpp_int complement(const cpp_int& x) { return -x - 1; }  // ~x, an involution
}  // namespace

cpp_int big_and(const cpp_int& a, const cpp_int& b) {
  if (a.sign() >= 0 && b.sign() >= 0) return a & b;
  if (a.sign() < 0 && b.sign() < 0) return complement(complement(a) | complement(b));
  const cpp_int& pos = a.sign() >= 0 ? a : b;
  cpp_int neg_c = complement(a.sign() >= 0 ? b : a);
  return pos - (pos & neg_c);  // pos & ~neg_c
}

cpp_int big_or(const cpp_int& a, const cpp_int& b) {
  if (a.sign() >= 0 && b.sign() >= 0) return a | b;
  if (a.sign() < 0 && b.sign() < 0) return complement(complement(a) & complement(b));
  const cpp_int& pos = a.sign() >= 0 ? a : b;
  cpp_int neg_c = complement(a.sign() >= 0 ? b : a);
  return complement(neg_c - (neg_c & pos));  // ~(~neg & ~pos)
}

cpp_int big_xor(const cpp_int& a, const cpp_int& b) {
  if (a.sign() >= 0 && b.sign() >= 0) return a ^ b;
  if (a.sign() < 0 && b.sign() < 0) return complement(a) ^ complement(b);
  const cpp_int& pos = a.sign() >= 0 ? a : b;
  return complement(pos ^ complement(a.sign() >= 0 ? b : a));
}

cpp_int big_floor_shift(const cpp_int& a, uint64_t n) {
  if (a.sign() >= 0) return a >> n;
  return complement(complement(a) >> n);  // floor(a / 2**n) == ~(~a >> n)
}

void big_floor_divmod(const cpp_int& a, const cpp_int& b, cpp_int* q, cpp_int* m) {
  divide_qr(a, b, *q, *m);  // truncating
  if (m->sign() != 0 && (m->sign() < 0) != (b.sign() < 0)) {
    *q -= 1;
    *m += b;
  }
}

cpp_int cpp_int_from_double(double integral) {
  int exp;
  double frac = std::frexp(std::fabs(integral), &exp);  // |x| = frac * 2**exp, frac in [0.5, 1)
  auto mantissa = static_cast<int64_t>(std::ldexp(frac, 53));  // exact: 53 significant bits
  cpp_int mag = mantissa;
  if (exp >= 53) {
    mag <<= unsigned(exp - 53);
  } else {
    mag >>= unsigned(53 - exp);  // only zero bits go: the value is integral
  }
  return integral < 0 ? cpp_int(-mag) : mag;
}

bool cpp_int_to_double(const cpp_int& v, double* out) {
  int64_t small;
  if (cpp_int_fits_i64(v, &small)) {
    *out = double(small);  // the hardware conversion rounds to nearest even
    return true;
  }
  cpp_int mag = abs(v);
  uint64_t bits = msb(mag) + 1;
  if (bits > 1024) return false;
  // Keep 54 leading bits plus a sticky bit standing for everything dropped: converting those 55
  // bits to double then rounds exactly as the full value would.
  uint64_t drop = bits - 55;
  auto top = (mag >> drop).convert_to<uint64_t>();
  if (lsb(mag) < drop) top |= 1;
  double d = std::ldexp(double(top), int(drop));
  if (std::isinf(d)) return false;
  *out = v.sign() < 0 ? -d : d;
  return true;
}

bool cpp_ratio_to_double(const cpp_int& num, const cpp_int& den, double* out) {
  if (num.sign() == 0) {
    *out = 0.0;
    return true;
  }
  constexpr int64_t kMinExp = -1021;  // DBL_MIN_EXP: 2**(kMinExp-1) is the smallest normal
  constexpr int64_t kMantBits = 53;
  // num / den lies in [2**(diff-1), 2**(diff+1)).
  int64_t diff = int64_t(msb(num)) - int64_t(msb(den));
  if (diff > 1025) return false;
  if (diff < -1076) {  // below 2**-1075, half the smallest subnormal: rounds to zero
    *out = 0.0;
    return true;
  }
  // Scale so the integer quotient carries 2-3 bits beyond the precision of the result (fewer
  // significant bits for subnormal results), then round those off by hand with a sticky bit.
  int64_t shift = std::max(diff, kMinExp) - kMantBits - 2;
  cpp_int q, r;
  if (shift >= 0) {
    divide_qr(num, cpp_int(den << unsigned(shift)), q, r);
  } else {
    divide_qr(cpp_int(num << unsigned(-shift)), den, q, r);
  }
  auto qv = q.convert_to<uint64_t>();  // below 2**56 by the choice of shift
  int64_t qbits = qv ? 64 - __builtin_clzll(qv) : 0;
  int64_t extra = std::max(qbits, kMinExp - shift) - kMantBits;
  uint64_t half = uint64_t(1) << (extra - 1);
  bool inexact = r.sign() != 0;
  // Round up above half, or at exactly half when the kept part is odd (ties to even).
  if ((qv & half) && ((qv & (3 * half - 1)) || inexact)) qv += half;
  qv &= ~(2 * half - 1);
  double d = std::ldexp(double(qv), int(shift));  // exact unless it overflows
  if (std::isinf(d)) return false;
  *out = d;
  return true;
}

}  // namespace ufora
