#include "values/float_repr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace ufora::text {
namespace {

// A finite non-negative value as digits d1..dn and point position `decpt`:
// value = 0.d1d2...dn * 10^decpt, with no leading or trailing zeros, and zero as
// digits "0" with decpt 1. This is the shape dtoa hands CPython's formatter.
struct Decimal {
  std::string digits;
  int64_t decpt = 1;
};

// A double's exact decimal expansion has at most 767 significant digits and 1074
// fractional digits, so asking to_chars for more would only append zeros; the layout
// step below re-creates those zeros on its own.
constexpr int64_t kMaxSignificant = 800;
constexpr int64_t kMaxFraction = 1100;

void strip_zeros(Decimal& d) {
  size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d.digits.assign(1, '0');
    d.decpt = 1;
    return;
  }
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int64_t>(lead);
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
}

// Reads to_chars' scientific form "d[.ddd]e[+-]XX".
Decimal from_scientific(std::string_view text) {
  Decimal d;
  size_t e = text.find('e');
  for (char c : text.substr(0, e))
    if (c != '.') d.digits += c;
  size_t exp_at = e + 1;
  if (text[exp_at] == '+') ++exp_at;  // from_chars rejects an explicit '+'
  int exp = 0;
  std::from_chars(text.data() + exp_at, text.data() + text.size(), exp);
  d.decpt = exp + 1;
  strip_zeros(d);
  return d;
}

// Reads to_chars' fixed form "iii[.fff]".
Decimal from_fixed(std::string_view text) {
  Decimal d;
  size_t dot = text.find('.');
  d.decpt = static_cast<int64_t>(dot == std::string_view::npos ? text.size() : dot);
  for (char c : text)
    if (c != '.') d.digits += c;
  strip_zeros(d);
  return d;
}

Decimal shortest_digits(double a) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  return from_scientific(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

// `count` >= 1 significant digits, correctly rounded.
Decimal significant_digits(double a, int64_t count) {
  int p = static_cast<int>(std::min(count, kMaxSignificant) - 1);
  std::string buf(static_cast<size_t>(p) + 32, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                         std::chars_format::scientific, p);
  return from_scientific(std::string_view(buf.data(), static_cast<size_t>(r.ptr - buf.data())));
}

// Rounded to `count` >= 0 digits after the point.
Decimal fraction_digits(double a, int64_t count) {
  int p = static_cast<int>(std::min(count, kMaxFraction));
  std::string buf(static_cast<size_t>(p) + 340, '\0');  // 309 integer digits at most
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed, p);
  return from_fixed(std::string_view(buf.data(), static_cast<size_t>(r.ptr - buf.data())));
}

void append_exponent(std::string& out, int64_t exp, bool upper) {
  out += upper ? 'E' : 'e';
  out += exp < 0 ? '-' : '+';
  uint64_t mag = static_cast<uint64_t>(exp < 0 ? -exp : exp);
  if (mag < 10) out += '0';  // CPython always prints at least two exponent digits
  out += std::to_string(mag);
}

}  // namespace

std::string format_double(double v, char code, int precision, unsigned flags) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char mode = upper ? static_cast<char>(code - 'A' + 'a') : code;
  if (mode != 'e' && mode != 'f' && mode != 'g' && mode != 'r') return "";
  bool negative = std::signbit(v);
  std::string out;
  if (!std::isfinite(v)) {
    bool nan = std::isnan(v);
    if (negative && !nan) out += '-';
    else if (flags & kFloatSign) out += '+';
    out += nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }

  int64_t prec = std::max(precision, 0);
  double a = std::fabs(v);
  Decimal d;
  switch (mode) {
    case 'e': ++prec; d = significant_digits(a, prec); break;  // prec counts all digits now
    case 'f': d = fraction_digits(a, prec); break;
    case 'g': prec = std::max<int64_t>(prec, 1); d = significant_digits(a, prec); break;
    default: d = shortest_digits(a); break;
  }
  if ((flags & kFloatNoNegZero) && d.digits == "0") negative = false;

  // Output the digit window [start, end) of the digits padded with zeros on both
  // sides, with the point before position decpt; this is CPython's layout rule.
  bool add_dot0 = flags & kFloatAddDot0;
  bool alt = flags & kFloatAlt;
  auto len = static_cast<int64_t>(d.digits.size());
  int64_t decpt = d.decpt;
  int64_t end = len;
  bool use_exp = false;
  switch (mode) {
    case 'e': use_exp = true; end = prec; break;
    case 'f': end = decpt + prec; break;
    case 'g':
      use_exp = decpt <= -4 || decpt > (add_dot0 ? prec - 1 : prec);
      if (alt) end = prec;
      break;
    default: use_exp = decpt <= -4 || decpt > 16; break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t start = decpt <= 0 ? decpt - 1 : 0;
  end = std::max(end, (!use_exp && add_dot0) ? decpt + 1 : decpt);

  if (negative) out += '-';
  else if (flags & kFloatSign) out += '+';
  out.reserve(out.size() + static_cast<size_t>(end - start) + 8);
  for (int64_t i = start; i < end; ++i) {
    if (i == decpt) out += '.';
    out += (i >= 0 && i < len) ? d.digits[static_cast<size_t>(i)] : '0';
  }
  if (decpt == end && alt) out += '.';  // a trailing point survives only in '#' mode
  if (use_exp) append_exponent(out, exp, upper);
  return out;
}

std::string float_repr(double v) { return format_double(v, 'r', 0, kFloatAddDot0); }

std::string float_str(double v) { return float_repr(v); }

}  // namespace ufora::text
