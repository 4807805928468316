// Arbitrary-precision ints: the BigInt object and the helpers that move between the two int
// representations (IntObj for values that fit in int64_t, BigIntObj for all others).
#pragma once

// GCC 12 at -O2 reports false "may be used uninitialized" warnings inside Boost 1.74's
// cpp_int storage union when its code is inlined into ours; the warning is located in the
// header, so silencing it around the include leaves our own code checked.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/multiprecision/cpp_int.hpp>
#pragma GCC diagnostic pop

#include "values/object.h"

namespace ufora {

using boost::multiprecision::cpp_int;

// Invariant: `v` never fits in int64_t (so equal ints always have the same representation and
// the int64 fast paths never need to look at a BigInt). Build through new_int_big only.
struct BigIntObj : Obj {
  cpp_int v;
  explicit BigIntObj(cpp_int x) : Obj(Tag::BigInt), v(std::move(x)) {}
};

// Normalising constructor: an IntObj (possibly a cached small int) when `v` fits in int64_t.
Obj* new_int_big(cpp_int v);

// True when `v` fits in int64_t; then *out receives it.
bool cpp_int_fits_i64(const cpp_int& v, int64_t* out);

// The value of an int-like object (Bool, Int or BigInt) as a cpp_int.
cpp_int big_of(const Obj* o);

// Bool and Int values; false for BigInt (and anything else).
inline bool small_int_of(const Obj* o, int64_t* out) {
  if (o->tag == Tag::Int) {
    *out = static_cast<const IntObj*>(o)->v;
    return true;
  }
  if (o->tag == Tag::Bool) {
    *out = static_cast<const BoolObj*>(o)->v ? 1 : 0;
    return true;
  }
  return false;
}

inline const cpp_int& bigint_value(const Obj* o) { return static_cast<const BigIntObj*>(o)->v; }

// ---- cpp_int helpers with Python semantics ---------------------------------------------

// Number of bits of |v| (int.bit_length()); 0 for 0.
uint64_t bit_length(const cpp_int& v);

// Two's complement bitwise operations on signed values, as Python's & | ^ and ~.
cpp_int big_and(const cpp_int& a, const cpp_int& b);
cpp_int big_or(const cpp_int& a, const cpp_int& b);
cpp_int big_xor(const cpp_int& a, const cpp_int& b);
// a >> n rounding toward -inf (Python's >>), n >= 0.
cpp_int big_floor_shift(const cpp_int& a, uint64_t n);
// Floor division and modulo (the remainder has the sign of b); b != 0.
void big_floor_divmod(const cpp_int& a, const cpp_int& b, cpp_int* q, cpp_int* m);

// The exact integer value of a finite double that has no fractional part.
cpp_int cpp_int_from_double(double integral);
// The nearest double (ties to even); false when it is too large (|v| rounds to >= 2**1024).
bool cpp_int_to_double(const cpp_int& v, double* out);
// num / den correctly rounded (ties to even, subnormals included) for num >= 0, den > 0;
// false when the quotient rounds to >= 2**1024.
bool cpp_ratio_to_double(const cpp_int& num, const cpp_int& den, double* out);

// Sign of an int-like object: -1, 0 or 1.
inline int int_sign(const Obj* o) {
  int64_t s;
  if (small_int_of(o, &s)) return (s > 0) - (s < 0);
  return bigint_value(o).sign();
}

}  // namespace ufora
