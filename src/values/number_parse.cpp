// int(str, base) and float(str): Python's literal rules, including its Unicode handling.
#include <cstdlib>
#include <locale.h>

#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"
#include "values/str_algorithms.h"

namespace ufora {
namespace {

// CPython first maps spaces and decimal digits of any script to ASCII: spaces become ' ',
// digits their ASCII digit, any other non-ASCII character '?' (never valid, so the literal is
// rejected in the same place CPython rejects it).
std::string to_ascii(std::string_view literal) {
  std::string out;
  out.reserve(literal.size());
  for (size_t i = 0; i < literal.size();) {
    char32_t c = text::utf8_decode(literal, i);
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (text::char_is_space(c)) {
      out.push_back(' ');
    } else if (int d = text::decimal_value(c); d >= 0) {
      out.push_back(char('0' + d));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

// Only these count when stripping, after to_ascii (so '\x1c' is not a space here).
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::nullptr_t invalid_int_literal(std::string_view literal, int base) {
  // CPython formats this with %.200R: the repr is cut to 200 code points, quote included.
  std::string repr = text::py_repr(literal);
  repr.resize(text::utf8_offset(repr, 200));
  return raise_error(ExcKind::ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + repr);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool has_prefix(const std::string& s, size_t i, char letter) {
  return i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == letter;
}

// Builds the value of `digits` (each < base) in the given base.
cpp_int digits_value(const std::vector<uint8_t>& digits, int base) {
  if ((base & (base - 1)) == 0) {  // a power of two: each digit is a bit group
    unsigned bits = unsigned(__builtin_ctz(unsigned(base)));
    cpp_int v;
    import_bits(v, digits.begin(), digits.end(), bits);
    return v;
  }
  // Accumulate as many digits as fit in a uint64 chunk, then fold the chunk in.
  cpp_int v;
  uint64_t chunk = 0, scale = 1;
  for (uint8_t d : digits) {
    chunk = chunk * unsigned(base) + d;
    scale *= unsigned(base);
    if (scale > (uint64_t(1) << 56)) {
      v = v * scale + chunk;
      chunk = 0;
      scale = 1;
    }
  }
  if (scale > 1) v = v * scale + chunk;
  return v;
}

}  // namespace

Obj* int_from_string(std::string_view literal, int base) {
  if (base != 0 && (base < 2 || base > 36)) {
    return raise_error(ExcKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
  }
  const int given_base = base;
  std::string s = to_ascii(literal);
  size_t i = 0, n = s.size();
  while (i < n && is_space(s[i])) ++i;
  bool negative = i < n && s[i] == '-';
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  bool prefixed = false, check_leading_zeros = false;
  if (base == 0) {
    base = has_prefix(s, i, 'x') ? 16 : has_prefix(s, i, 'o') ? 8 : has_prefix(s, i, 'b') ? 2 : 10;
    prefixed = base != 10;
    check_leading_zeros = base == 10;  // base 0 rejects "010": it would be ambiguous octal
  } else {
    prefixed = (base == 16 && has_prefix(s, i, 'x')) || (base == 8 && has_prefix(s, i, 'o')) ||
               (base == 2 && has_prefix(s, i, 'b'));
  }
  if (prefixed) {
    i += 2;
    if (i < n && s[i] == '_') ++i;  // "0x_ff" is allowed
  }
  // Digits, with single underscores between two digits.
  std::vector<uint8_t> digits;
  for (; i < n; ++i) {
    if (s[i] == '_') {
      bool digit_before = !digits.empty() && s[i - 1] != '_';
      bool digit_after = i + 1 < n && digit_value(s[i + 1]) < base;
      if (!digit_before || !digit_after) return invalid_int_literal(literal, given_base);
      continue;
    }
    int d = digit_value(s[i]);
    if (d >= base) break;
    digits.push_back(uint8_t(d));
  }
  if (digits.empty()) return invalid_int_literal(literal, given_base);
  // CPython checks the limit before looking at what follows the digits.
  int64_t limit = int_max_str_digits();
  if ((base & (base - 1)) != 0 && limit > 0 && int64_t(digits.size()) > limit) {
    return raise_error(ExcKind::ValueError,
                       "Exceeds the limit (" + std::to_string(limit) +
                           " digits) for integer string conversion: value has " + std::to_string(digits.size()) +
                           " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  while (i < n && is_space(s[i])) ++i;
  if (i != n) return invalid_int_literal(literal, given_base);
  if (check_leading_zeros && digits[0] == 0) {
    for (uint8_t d : digits) {
      if (d != 0) return invalid_int_literal(literal, given_base);
    }
  }
  cpp_int v = digits_value(digits, base);
  return new_int_big(negative ? cpp_int(-v) : v);
}

namespace {

std::nullptr_t invalid_float(std::string_view literal) {
  return raise_error(ExcKind::ValueError, "could not convert string to float: " + text::py_repr(literal));
}

// Copies a run of digits with single underscores between digits to `out`, skipping the
// underscores; returns false on a misplaced underscore. Stops at the first other character.
bool scan_digits(const std::string& s, size_t& i, std::string& out, size_t* count) {
  *count = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      ++*count;
    } else if (c == '_') {
      bool ok = *count > 0 && s[i - 1] != '_' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9';
      if (!ok) return false;
    } else {
      break;
    }
  }
  return true;
}

bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    if ((s[k] | 0x20) != lower[k]) return false;
  }
  return true;
}

// strtod in the "C" locale: the decimal point is always '.', whatever the host has set.
double c_strtod(const char* s) {
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
  return strtod_l(s, nullptr, c_locale);
}

}  // namespace

Obj* float_from_string(std::string_view literal) {
  std::string s = to_ascii(literal);
  size_t i = 0, n = s.size();
  while (i < n && is_space(s[i])) ++i;
  while (n > i && is_space(s[n - 1])) --n;
  s.resize(n);
  bool negative = i < n && s[i] == '-';
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  std::string_view word(s.data() + i, n - i);
  if (equals_lower(word, "inf") || equals_lower(word, "infinity")) return new_float(negative ? -HUGE_VAL : HUGE_VAL);
  if (equals_lower(word, "nan")) return new_float(std::copysign(NAN, negative ? -1.0 : 1.0));
  // [digits] [. [digits]] [e [sign] digits], with at least one mantissa digit.
  std::string clean = negative ? "-" : "";
  size_t int_digits = 0, frac_digits = 0, exp_digits = 0;
  if (!scan_digits(s, i, clean, &int_digits)) return invalid_float(literal);
  if (i < n && s[i] == '.') {
    clean.push_back('.');
    ++i;
    if (!scan_digits(s, i, clean, &frac_digits)) return invalid_float(literal);
  }
  if (int_digits + frac_digits == 0) return invalid_float(literal);
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    clean.push_back('e');
    ++i;
    if (i < n && (s[i] == '-' || s[i] == '+')) clean.push_back(s[i++]);
    if (!scan_digits(s, i, clean, &exp_digits) || exp_digits == 0) return invalid_float(literal);
  }
  if (i != n) return invalid_float(literal);
  return new_float(c_strtod(clean.c_str()));  // correctly rounded; overflow gives +-inf
}

}  // namespace ufora
