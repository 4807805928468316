// int(str, base) and float(str): Python's literal rules, including its Unicode handling.
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <locale.h>

#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {
namespace {

// ---- Unicode: CPython first maps spaces and decimal digits of any script to ASCII --------

bool is_unicode_space(uint32_t c) {  // str.isspace() beyond ASCII
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

// The zero of every run of ten decimal digits (category Nd) in Unicode 14.0, CPython 3.11's.
constexpr uint32_t kDigitZeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

int unicode_decimal(uint32_t c) {
  for (uint32_t zero : kDigitZeros) {
    if (c >= zero && c < zero + 10) return int(c - zero);
  }
  return -1;
}

// Decodes the code point at text[i] and advances i; malformed bytes decode to U+FFFD.
uint32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
  if (len == 0 || i + len > text.size()) {
    ++i;
    return 0xfffd;
  }
  uint32_t c = len == 1 ? b : b & (0x7f >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) {
      ++i;
      return 0xfffd;
    }
    c = (c << 6) | (byte(i + k) & 0x3f);
  }
  i += len;
  return c;
}

// Spaces become ' ', decimal digits their ASCII digit, any other non-ASCII character '?'
// (never valid, so the literal is rejected in the same place CPython rejects it).
std::string to_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t c = next_code_point(text, i);
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (is_unicode_space(c)) {
      out.push_back(' ');
    } else if (int d = unicode_decimal(c); d >= 0) {
      out.push_back(char('0' + d));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

// Only these count when stripping, after to_ascii (so '\x1c' is not a space here).
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Non-ASCII characters that repr() escapes: an approximation of !str.isprintable() covering
// C1 controls, spaces other than ' ', format characters and private use (not unassigned ones).
bool is_unprintable(uint32_t c) {
  return (c >= 0x80 && c <= 0xa0) || c == 0xad || c == 0x1680 || (c >= 0x2000 && c <= 0x200f) ||
         (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) || c == 0x3000 ||
         (c >= 0xd800 && c <= 0xf8ff) || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) ||
         (c >= 0xe0000 && c <= 0xe0fff) || c >= 0xf0000;
}

// repr() of a str, for error messages.
std::string quote_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  char quote = has_single && text.find('"') == std::string_view::npos ? '"' : '\'';
  std::string out(1, quote);
  char buf[16];
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    uint32_t c = next_code_point(text, i);
    if (c == uint32_t(quote) || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && is_unprintable(c))) {
      const char* fmt = c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
      std::snprintf(buf, sizeof buf, fmt, unsigned(c));
      out += buf;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  out += quote;
  return out;
}

std::string truncate_code_points(const std::string& s, size_t max_points) {
  size_t i = 0;
  for (size_t n = 0; n < max_points && i < s.size(); ++n) next_code_point(s, i);
  return s.substr(0, i);
}

std::nullptr_t invalid_int_literal(std::string_view text, int base) {
  // CPython formats this with %.200R: the repr is cut to 200 characters, quote included.
  return raise_error(ExcKind::ValueError, "invalid literal for int() with base " + std::to_string(base) +
                                              ": " + truncate_code_points(quote_repr(text), 200));
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

Obj* int_from_string(std::string_view text, int base) {
  if (base != 0 && (base < 2 || base > 36)) {
    return raise_error(ExcKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
  }
  const int given_base = base;
  std::string s = to_ascii(text);
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
      if (!digit_before || !digit_after) return invalid_int_literal(text, given_base);
      continue;
    }
    int d = digit_value(s[i]);
    if (d >= base) break;
    digits.push_back(uint8_t(d));
  }
  if (digits.empty()) return invalid_int_literal(text, given_base);
  // CPython checks the limit before looking at what follows the digits.
  int64_t limit = int_max_str_digits();
  if ((base & (base - 1)) != 0 && limit > 0 && int64_t(digits.size()) > limit) {
    return raise_error(ExcKind::ValueError,
                       "Exceeds the limit (" + std::to_string(limit) +
                           " digits) for integer string conversion: value has " + std::to_string(digits.size()) +
                           " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  while (i < n && is_space(s[i])) ++i;
  if (i != n) return invalid_int_literal(text, given_base);
  if (check_leading_zeros && digits[0] == 0) {
    for (uint8_t d : digits) {
      if (d != 0) return invalid_int_literal(text, given_base);
    }
  }
  cpp_int v = digits_value(digits, base);
  return new_int_big(negative ? cpp_int(-v) : v);
}

namespace {

std::nullptr_t invalid_float(std::string_view text) {
  return raise_error(ExcKind::ValueError, "could not convert string to float: " + quote_repr(text));
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

Obj* float_from_string(std::string_view text) {
  std::string s = to_ascii(text);
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
  if (!scan_digits(s, i, clean, &int_digits)) return invalid_float(text);
  if (i < n && s[i] == '.') {
    clean.push_back('.');
    ++i;
    if (!scan_digits(s, i, clean, &frac_digits)) return invalid_float(text);
  }
  if (int_digits + frac_digits == 0) return invalid_float(text);
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    clean.push_back('e');
    ++i;
    if (i < n && (s[i] == '-' || s[i] == '+')) clean.push_back(s[i++]);
    if (!scan_digits(s, i, clean, &exp_digits) || exp_digits == 0) return invalid_float(text);
  }
  if (i != n) return invalid_float(text);
  return new_float(c_strtod(clean.c_str()));  // correctly rounded; overflow gives +-inf
}

}  // namespace ufora
