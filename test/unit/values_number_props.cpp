// Randomised property tests: results are checked against exact rational arithmetic (cpp_int)
// rather than against a second floating-point computation.
#include <cmath>
#include <cstring>
#include <random>

#include "values_number_support.h"

using namespace ufora;
using number_test::describe;

namespace {

std::mt19937_64 rng(20240611);

// A random non-negative integer of 0..max_bits bits, often with long runs of 0s or 1s (the
// patterns that sit on rounding boundaries).
cpp_int random_magnitude(unsigned max_bits) {
  unsigned bits = unsigned(rng() % (max_bits + 1));
  cpp_int v = 0;
  for (unsigned done = 0; done < bits; done += 64) {
    uint64_t limb = rng();
    switch (rng() % 4) {
      case 0: limb = 0; break;
      case 1: limb = ~uint64_t(0); break;
      default: break;
    }
    v = (v << 64) | limb;
  }
  return bits ? cpp_int(v >> unsigned(((bits + 63) / 64) * 64 - bits)) : cpp_int(0);
}

cpp_int random_int(unsigned max_bits) {
  cpp_int v = random_magnitude(max_bits);
  return rng() % 2 ? cpp_int(-v) : v;
}

// r * 2**1074 as an integer (every finite double is a multiple of 2**-1074); inf -> 2**2098.
cpp_int scaled(double r) {
  if (std::isinf(r)) return cpp_int(1) << 2098;
  uint64_t bits;
  std::memcpy(&bits, &r, sizeof bits);
  uint64_t exp = (bits >> 52) & 0x7ff, frac = bits & ((uint64_t(1) << 52) - 1);
  if (exp == 0) return cpp_int(frac);
  return cpp_int(frac | (uint64_t(1) << 52)) << unsigned(exp - 1);
}

bool mantissa_even(double r) {
  if (std::isinf(r)) return true;  // 2**1024, the "next double" after DBL_MAX
  uint64_t bits;
  std::memcpy(&bits, &r, sizeof bits);
  return (bits & 1) == 0;
}

// True when r (>= 0, inf for an overflow) is the double nearest to num/den, ties to even.
bool is_nearest(const cpp_int& num, const cpp_int& den, double r) {
  cpp_int target = num << 1074;
  auto distance = [&](double c) {
    cpp_int d = target - scaled(c) * den;
    return d.sign() < 0 ? cpp_int(-d) : d;
  };
  cpp_int d = distance(r);
  for (double neighbour : {std::nextafter(r, HUGE_VAL), std::nextafter(r, 0.0)}) {
    if (neighbour == r || (std::isinf(r) && neighbour == HUGE_VAL)) continue;
    cpp_int dn = distance(neighbour);
    if (dn < d) return false;
    if (dn == d && !mantissa_even(r)) return false;
  }
  return true;
}

double as_double(Obj* o) { return static_cast<FloatObj*>(o)->v; }

}  // namespace

TEST_CASE("int / int is correctly rounded for random operands of any size", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    cpp_int num = random_int(i % 3 == 0 ? 1200 : 200), den = random_int(i % 5 == 0 ? 1200 : 120);
    if (den == 0) den = 3;
    Ref a(new_int_big(num)), b(new_int_big(den));
    Ref r(int_true_divide(a.get(), b.get()));
    double value = HUGE_VAL;  // an overflow stands for rounding to 2**1024
    if (r) {
      value = as_double(r.get());
      CHECK(std::signbit(value) == ((num.sign() < 0) != (den.sign() < 0)));
    } else {
      CHECK(describe(nullptr) == "E:OverflowError:integer division result too large for a float");
    }
    INFO(num << " / " << den);
    CHECK(is_nearest(abs(num), abs(den), std::fabs(value)));
  }
}

TEST_CASE("int -> float conversion is correctly rounded", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    cpp_int v = random_int(1100);
    if (i % 4 == 0) v = ((cpp_int(rng() >> 11) * 2 + 1) << unsigned(rng() % 900)) + (int(rng() % 3) - 1);  // near ties
    Ref o(new_int_big(v));
    bool overflow = false;
    double d = int_to_double(o.get(), &overflow);
    INFO(v);
    CHECK(is_nearest(abs(v), 1, overflow ? HUGE_VAL : std::fabs(d)));
    if (!overflow) CHECK((d < 0) == (v < 0));
  }
}

TEST_CASE("floor division, modulo and divmod agree with exact arithmetic", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    cpp_int a = random_int(i % 2 ? 64 : 300), b = random_int(i % 3 ? 64 : 200);
    if (b == 0) continue;
    Ref x(new_int_big(a)), y(new_int_big(b));
    Ref q(number_binary(BinaryOp::FloorDiv, x.get(), y.get())), m(number_binary(BinaryOp::Mod, x.get(), y.get()));
    REQUIRE(q);
    REQUIRE(m);
    cpp_int qv = big_of(q.get()), mv = big_of(m.get());
    INFO(a << " divmod " << b);
    CHECK(qv * b + mv == a);
    CHECK((mv == 0 || (mv < 0) == (b < 0)));
    CHECK(abs(mv) < abs(b));
    Ref dm(number_divmod(x.get(), y.get()));
    CHECK(big_of(items_of(dm.get())[0]) == qv);
    CHECK(big_of(items_of(dm.get())[1]) == mv);
  }
}

TEST_CASE("bitwise operators and shifts follow two's complement at every size", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    // int64 operands forced through the cpp_int helpers must match the hardware.
    auto x = int64_t(rng()), y = int64_t(rng());
    CHECK(big_and(cpp_int(x), cpp_int(y)) == cpp_int(x & y));
    CHECK(big_or(cpp_int(x), cpp_int(y)) == cpp_int(x | y));
    CHECK(big_xor(cpp_int(x), cpp_int(y)) == cpp_int(x ^ y));
    unsigned n = unsigned(rng() % 70);
    CHECK(big_floor_shift(cpp_int(x), n) == cpp_int(n >= 64 ? (x < 0 ? -1 : 0) : x >> n));
    // Big operands: identities that hold in two's complement.
    cpp_int a = random_int(300), b = random_int(300);
    Ref oa(new_int_big(a)), ob(new_int_big(b));
    cpp_int band = big_of(Ref(number_binary(BinaryOp::BitAnd, oa.get(), ob.get())).get());
    cpp_int bor = big_of(Ref(number_binary(BinaryOp::BitOr, oa.get(), ob.get())).get());
    cpp_int bxor = big_of(Ref(number_binary(BinaryOp::BitXor, oa.get(), ob.get())).get());
    INFO(a << " and " << b);
    CHECK(bxor == bor - band);
    CHECK(band + bor == a + b);
    CHECK(big_and(a, -a - 1) == 0);  // a & ~a
    Ref count(new_int(int64_t(n)));
    cpp_int shifted = big_of(Ref(number_binary(BinaryOp::LShift, oa.get(), count.get())).get());
    CHECK(shifted == a * (cpp_int(1) << n));
    cpp_int back = big_of(Ref(number_binary(BinaryOp::RShift, oa.get(), count.get())).get());
    cpp_int q, m;
    big_floor_divmod(a, cpp_int(1) << n, &q, &m);
    CHECK(back == q);
  }
}

TEST_CASE("int/float comparisons and hashes are exact", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    cpp_int v = random_int(i % 2 ? 70 : 1100);
    double d = std::ldexp(double(int64_t(rng() >> 11)) * (rng() % 2 ? 1 : -1), int(rng() % 1100) - 60);
    if (!std::isfinite(d)) continue;  // infinities are covered by the generated table
    if (i % 3 == 0 && std::fabs(d) < 1e300) v = cpp_int_from_double(std::trunc(d)) + (int(rng() % 3) - 1);
    Ref iv(new_int_big(v)), fv(new_float(d));
    // Exact reference: compare v * 2**1074 with d * 2**1074.
    cpp_int lhs = v << 1074, rhs = d < 0 ? cpp_int(-scaled(-d)) : scaled(d);
    INFO(v << " vs " << d);
    CHECK(number_compare(CompareOp::Lt, iv.get(), fv.get()) == (lhs < rhs));
    CHECK(number_compare(CompareOp::Eq, iv.get(), fv.get()) == (lhs == rhs));
    CHECK(number_compare(CompareOp::Ge, fv.get(), iv.get()) == (rhs >= lhs));
    if (std::trunc(d) == d) {  // an integral float hashes like the equal int
      Ref exact(new_int_big(cpp_int_from_double(d)));
      CHECK(number_hash(fv.get()) == number_hash(exact.get()));
    }
    cpp_int mod = (cpp_int(1) << 61) - 1, hv = abs(v) % mod;
    int64_t expected = v < 0 ? -hv.convert_to<int64_t>() : hv.convert_to<int64_t>();
    CHECK(number_hash(iv.get()) == (expected == -1 ? -2 : expected));
  }
}

TEST_CASE("ints round-trip through text in every base", "[values][number]") {
  for (int i = 0; i < 1500; ++i) {
    cpp_int v = random_int(600);
    Ref o(new_int_big(v));
    for (int base : {2, 8, 10, 16, 36}) {
      std::string text = int_to_string(o.get(), base);
      Ref back(int_from_string(text, base));
      REQUIRE(back);
      CHECK(big_of(back.get()) == v);
    }
    CHECK(int_to_string(o.get(), 10) == v.str());
  }
}

TEST_CASE("float text conversion round-trips shortest and long forms", "[values][number]") {
  for (int i = 0; i < 3000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, i % 2 ? "%.17g" : "%.30e", d);
    Ref back(float_from_string(buf));
    REQUIRE(back);
    INFO(buf);
    CHECK(std::memcmp(&d, &static_cast<FloatObj*>(back.get())->v, sizeof d) == 0);
  }
}

TEST_CASE("round(x, n) lands on the nearest double to the exactly rounded decimal", "[values][number]") {
  for (int i = 0; i < 2000; ++i) {
    double x = std::ldexp(double(int64_t(rng() >> 11)), int(rng() % 120) - 100);
    int64_t nd = int64_t(rng() % 30) - 10;
    Ref r(number_round(Ref(new_float(x)).get(), Ref(new_int(nd)).get()));
    REQUIRE(r);
    // Exact reference: q = round_half_even(x * 10**nd), result = nearest double to q / 10**nd.
    cpp_int num = scaled(x), den = cpp_int(1) << 1074;
    cpp_int p = boost::multiprecision::pow(cpp_int(10), unsigned(nd < 0 ? -nd : nd));
    if (nd >= 0) {
      num *= p;
    } else {
      den *= p;
    }
    cpp_int q, m;
    big_floor_divmod(num, den, &q, &m);
    if (2 * m > den || (2 * m == den && bit_test(q, 0))) q += 1;
    INFO(x << " to " << nd << " digits");
    if (nd >= 0) {
      CHECK(is_nearest(q, p, as_double(r.get())));
    } else {
      CHECK(is_nearest(q * p, 1, as_double(r.get())));
    }
  }
}
