// Exact comparisons across int sizes and floats, and CPython's numeric hash.
#include <cmath>

#include "values/bigint.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

constexpr int kUnordered = 2;  // a comparison involving nan

int three_way(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return kUnordered;
  return (x > y) - (x < y);
}

// Compares an int-like value with a double without rounding either: converting a big int to
// double (or a big double to int64) would make 2**63 + 1 == 2.0**63.
int compare_int_float(const Obj* i, double f) {
  if (std::isnan(f)) return kUnordered;
  if (std::isinf(f)) return f > 0 ? -1 : 1;
  constexpr int64_t kExact = int64_t(1) << 53;
  int64_t s;
  if (small_int_of(i, &s) && s >= -kExact && s <= kExact) return three_way(double(s), f);
  double whole = std::trunc(f);
  cpp_int iv = big_of(i), fv = cpp_int_from_double(whole);
  if (iv != fv) return iv < fv ? -1 : 1;
  double frac = f - whole;  // exact; decides between i and the int next to it
  return (frac < 0) - (frac > 0);
}

int compare_ints(const Obj* a, const Obj* b) {
  int64_t x, y;
  bool xs = small_int_of(a, &x), ys = small_int_of(b, &y);
  if (xs && ys) return (x > y) - (x < y);
  // A BigInt lies outside the int64 range, so its sign alone decides against a small int.
  if (xs) return -bigint_value(b).sign();
  if (ys) return bigint_value(a).sign();
  int c = bigint_value(a).compare(bigint_value(b));
  return (c > 0) - (c < 0);
}

int compare_numbers(const Obj* a, const Obj* b) {
  bool af = a->tag == Tag::Float, bf = b->tag == Tag::Float;
  if (af && bf) return three_way(static_cast<const FloatObj*>(a)->v, static_cast<const FloatObj*>(b)->v);
  if (bf) return compare_int_float(a, static_cast<const FloatObj*>(b)->v);
  if (af) {
    int r = compare_int_float(b, static_cast<const FloatObj*>(a)->v);
    return r == kUnordered ? r : -r;
  }
  return compare_ints(a, b);
}

// ---- hashing: a number's hash is its value modulo the Mersenne prime 2**61 - 1 ----------

constexpr uint64_t kHashBits = 61;
constexpr uint64_t kModulus = (uint64_t(1) << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;

int64_t finish_hash(uint64_t magnitude_mod, bool negative) {
  int64_t h = negative ? -int64_t(magnitude_mod) : int64_t(magnitude_mod);
  return h == -1 ? -2 : h;  // -1 is the error value of CPython's tp_hash
}

int64_t hash_int(const Obj* o) {
  int64_t s;
  if (small_int_of(o, &s)) {
    uint64_t mag = s < 0 ? uint64_t(0) - uint64_t(s) : uint64_t(s);
    return finish_hash(mag % kModulus, s < 0);
  }
  const cpp_int& v = bigint_value(o);
  return finish_hash(cpp_int(abs(v) % kModulus).convert_to<uint64_t>(), v.sign() < 0);
}

int64_t hash_float(double x) {
  if (std::isnan(x)) return 0;
  if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
  // |x| = m * 2**e with m a 53-bit integer; 2**e mod P == 2**(e mod 61) because 2**61 == 1.
  int exp;
  double frac = std::frexp(std::fabs(x), &exp);
  auto m = static_cast<uint64_t>(std::ldexp(frac, 53));
  int64_t e = (int64_t(exp) - 53) % int64_t(kHashBits);
  if (e < 0) e += kHashBits;
  // Multiplying by 2**e modulo 2**61 - 1 rotates the 61-bit value left by e.
  uint64_t rotated = ((m << e) & kModulus) | (m >> (kHashBits - e));
  return finish_hash(rotated, x < 0);
}

}  // namespace

int number_compare(CompareOp op, Obj* a, Obj* b) {
  if (!is_number(a) || !is_number(b)) return -2;
  int c = compare_numbers(a, b);
  if (c == kUnordered) return op == CompareOp::Ne ? 1 : 0;
  switch (op) {
    case CompareOp::Eq:
      return c == 0;
    case CompareOp::Ne:
      return c != 0;
    case CompareOp::Lt:
      return c < 0;
    case CompareOp::Le:
      return c <= 0;
    case CompareOp::Gt:
      return c > 0;
    case CompareOp::Ge:
      return c >= 0;
  }
  return 0;
}

int64_t number_hash(Obj* a) {
  if (a->tag == Tag::Float) return hash_float(static_cast<FloatObj*>(a)->v);
  if (is_int_like(a)) return hash_int(a);
  return -1;
}

}  // namespace ufora
