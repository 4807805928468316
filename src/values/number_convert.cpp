// Conversions between ints, floats and digit strings.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

int64_t g_max_str_digits = 4300;  // CPython 3.11's default, against quadratic-time DoS

}  // namespace

int64_t int_max_str_digits() { return g_max_str_digits; }
void set_int_max_str_digits(int64_t limit) { g_max_str_digits = limit; }

double int_to_double(const Obj* i, bool* overflow) {
  int64_t s;
  if (small_int_of(i, &s)) return double(s);  // correctly rounded by the hardware
  double d;
  if (!cpp_int_to_double(bigint_value(i), &d)) {
    if (overflow) *overflow = true;
    return 0.0;
  }
  return d;
}

bool number_as_double(const Obj* x, double* out) {
  if (x->tag == Tag::Float) {
    *out = static_cast<const FloatObj*>(x)->v;
    return true;
  }
  bool overflow = false;
  *out = int_to_double(x, &overflow);
  if (overflow) raise_error(ExcKind::OverflowError, "int too large to convert to float");
  return !overflow;
}

Obj* float_to_int(double x) {
  if (std::isnan(x)) return raise_error(ExcKind::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x)) return raise_error(ExcKind::OverflowError, "cannot convert float infinity to integer");
  double t = std::trunc(x);
  constexpr double kTwo63 = 9223372036854775808.0;
  if (t >= -kTwo63 && t < kTwo63) return new_int(int64_t(t));
  return new_int_big(cpp_int_from_double(t));
}

std::string int_to_string(const Obj* i, int base) {
  int64_t s;
  bool small = small_int_of(i, &s);
  if (base == 10 && small) return std::to_string(s);
  cpp_int mag = abs(big_of(i));
  bool negative = int_sign(i) < 0;
  std::string digits;
  if (base == 10) {
    digits = mag.str();
    if (g_max_str_digits > 0 && int64_t(digits.size()) > g_max_str_digits) {
      raise_error(ExcKind::ValueError, "Exceeds the limit (" + std::to_string(g_max_str_digits) +
                                           " digits) for integer string conversion; use "
                                           "sys.set_int_max_str_digits() to increase the limit");
      return "";
    }
  } else if (base != 2 && base != 8 && base != 16) {
    // Other bases (3..36) are not Python syntax but cheap to offer: repeated division.
    do {
      unsigned d = static_cast<unsigned>(mag % base);
      digits.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[d]);
      mag /= base;
    } while (mag != 0);
    std::reverse(digits.begin(), digits.end());
  } else {
    // Power-of-two bases: each digit is a fixed group of bits, most significant first.
    unsigned bits_per_digit = base == 2 ? 1 : base == 8 ? 3 : 4;
    std::vector<unsigned char> groups;
    export_bits(mag, std::back_inserter(groups), bits_per_digit);
    for (unsigned char g : groups) digits.push_back("0123456789abcdef"[g]);
  }
  return negative ? "-" + digits : digits;
}

}  // namespace ufora
