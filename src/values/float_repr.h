// Text forms of a double with CPython 3.11's exact output: repr()/str() and the
// printf-style conversions that format(), str.format() and '%' share.
//
// Digits come from std::to_chars, which is correctly rounded (ties to even) like the
// dtoa that CPython uses, so the strings match CPython byte for byte.
#pragma once

#include <string>

namespace ufora::text {

// Flags for format_double; they mirror CPython's Py_DTSF_* options.
inline constexpr unsigned kFloatSign = 1;       // always write a sign ('+' for non-negative)
inline constexpr unsigned kFloatAddDot0 = 2;    // integral results keep ".0" ('r'); for 'g' the
                                                // exponent switch moves one digit earlier
inline constexpr unsigned kFloatAlt = 4;        // '#': keep the point and 'g' trailing zeros
inline constexpr unsigned kFloatNoNegZero = 8;  // 'z': a result that rounds to zero has no '-'

// `code` is one of 'e' 'E' 'f' 'F' 'g' 'G' (precision as in printf; 'g' treats 0 as 1)
// or 'r' (shortest round-trip digits; precision ignored). Any other code yields "".
// inf and nan are "inf"/"nan" ("INF"/"NAN" for upper-case codes); nan never has '-'.
std::string format_double(double v, char code, int precision, unsigned flags = 0);

// repr(float): shortest round-trip digits; exponent form when the decimal exponent is
// < -4 or >= 16 ("1e+16", "1.5e-05"), otherwise fixed with at least one fractional
// digit ("123.0", "0.0001", "-0.0").
std::string float_repr(double v);

// str(float), identical to repr() since Python 3.
std::string float_str(double v);

}  // namespace ufora::text
