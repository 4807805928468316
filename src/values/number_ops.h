// Python 3.11 number semantics for bool, int (any size) and float, matching CPython exactly
// (results, rounding, exception types and messages). Conventions are those of object.h:
// results are new references, arguments are borrowed, nullptr means an exception is pending.
//
// Known differences from CPython (deliberate, documented):
//   - a float raised to a non-integer power with a negative base gives a complex in CPython;
//     complex is not supported, so that raises ValueError "complex results are not supported yet";
//   - results that CPython would fail to allocate (1 << 2**40, 2 ** 10**12) raise OverflowError
//     "too many digits in integer" instead of MemoryError;
//   - hash(nan) is 0 (CPython 3.10+ hashes nan by identity);
//   - round(int, huge negative) returns 0 instead of hanging while computing 10**huge.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "values/object.h"
#include "values/operators.h"

namespace ufora {

// ---- operators -------------------------------------------------------------------------

// a <op> b for numbers. A new reference to NotImplemented when either operand is not a
// number or the operator does not apply to these types (@, float & int, float << int).
// Bool acts as int, except that & | ^ of two bools is a bool.
Obj* number_binary(BinaryOp op, Obj* a, Obj* b);

// -a, +a, ~a. NotImplemented for non-numbers, ~float and UnaryOp::Not (truthiness is not
// arithmetic). +True and -True are ints.
Obj* number_unary(UnaryOp op, Obj* a);

// 1 or 0; -2 when a and b are not both numbers. Exact between ints of any size and floats;
// every ordered comparison with nan is false (and != is true).
int number_compare(CompareOp op, Obj* a, Obj* b);

// CPython's numeric hash (modulo 2**61 - 1): equal numbers hash equal across types,
// hash(-1) == -2, hash(+-inf) == +-314159, hash(nan) == 0. -1 for a non-number.
int64_t number_hash(Obj* a);

// divmod(a, b): a tuple (a // b, a % b). NotImplemented when not both numbers.
Obj* number_divmod(Obj* a, Obj* b);
// pow(a, b, m) for ints; a negative b uses the modular inverse (Python 3.8+).
// TypeError when any argument is a float; NotImplemented when any is not a number.
Obj* number_pow_mod(Obj* a, Obj* b, Obj* m);
// abs(x): an int for bools and ints, a float for floats; NotImplemented for non-numbers.
Obj* number_abs(Obj* a);

// round(x) and round(x, ndigits); `ndigits` may be nullptr or None (absent). round(float)
// returns an int, round(float, n) a float (correctly rounded, ties to even on the exact binary
// value: round(2.675, 2) == 2.67), round(int, n) an int. NotImplemented when x is not a number.
Obj* number_round(Obj* x, Obj* ndigits_or_null);

// ---- building blocks (also used by the runtime and the math module) --------------------

// number_binary for two int-like operands, and for two floats (NotImplemented for the
// operators that do not apply).
Obj* int_binary(BinaryOp op, const Obj* a, const Obj* b);
Obj* float_binary(BinaryOp op, double a, double b);

// int / int, correctly rounded for any sizes (OverflowError "integer division result too
// large for a float", ZeroDivisionError "division by zero"). Both operands int-like.
Obj* int_true_divide(const Obj* a, const Obj* b);

// a ** b for floats with CPython's special cases (inf, nan, zero, negative bases).
Obj* float_pow(double a, double b);

// Floor division and modulo of floats as CPython's float divmod (b != 0 required).
void float_floor_divmod(double a, double b, double* floordiv, double* mod);

// ---- conversions -----------------------------------------------------------------------

// An int-like object as the nearest double (ties to even). On overflow, *overflow is set to
// true and 0.0 returned; no exception is raised. `overflow` may be nullptr.
double int_to_double(const Obj* i, bool* overflow);

// Any number as a double; false with OverflowError "int too large to convert to float"
// pending when an int is too large.
bool number_as_double(const Obj* x, double* out);

// int(x) for a float: truncates toward zero. ValueError for nan, OverflowError for inf.
Obj* float_to_int(double x);

// int(text, base) with Python's rules: surrounding whitespace, one sign, underscores between
// digits, base 0 / 2 / 8 / 16 prefixes, Unicode decimal digits and spaces, and the 3.11
// limit on decimal digits (see int_max_str_digits). ValueError on bad input or base.
Obj* int_from_string(std::string_view text, int base);

// float(text): decimal literals with underscores, inf / infinity / nan in any case, signs,
// surrounding whitespace. ValueError "could not convert string to float: '...'".
Obj* float_from_string(std::string_view text);

// The digits of |i| in base 2..36 (lowercase, no prefix: bin/oct/hex use 2, 8, 16), '-' first
// when negative.
// Base 10 honours the 3.11 digit limit: beyond it, ValueError is raised and "" returned.
std::string int_to_string(const Obj* i, int base);

// sys.get_int_max_str_digits / sys.set_int_max_str_digits (0 = unlimited, default 4300).
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t limit);

// ---- math helpers ----------------------------------------------------------------------

// math.floor / math.ceil: ints are returned as ints; floats exactly, any magnitude.
// NotImplemented for non-numbers (the math module raises the TypeError).
Obj* math_floor(Obj* x);
Obj* math_ceil(Obj* x);
// math.isqrt(n): floor of the square root of a non-negative int.
Obj* math_isqrt(Obj* n);
// float.is_integer().
bool float_is_integer(double x);

}  // namespace ufora
