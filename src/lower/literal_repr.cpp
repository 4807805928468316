// Python repr() of literal values (Constant nodes), for dumps and hints.
#include "lower/literal_repr.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace ufora::lower {
namespace {

// repr(float) for finite and non-finite values. add_dot_0 is false for the
// imaginary part of a complex, which Python prints as `2j`, not `2.0j`.
std::string float_repr(double v, bool add_dot_0) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  // Shortest round-trip digits, then re-laid out with Python's rules.
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  std::string sign, digits;
  size_t i = 0;
  if (sci[0] == '-') sign = "-", i = 1;
  size_t e = sci.find('e');
  for (; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  int exp10 = std::stoi(std::string(sci.substr(e + 1)));
  int decpt = exp10 + 1;  // value = 0.DIGITS * 10^decpt
  int n = static_cast<int>(digits.size());
  std::string out = sign;
  if (decpt > 16 || decpt < -3) {
    out += digits[0];
    if (n > 1) out += "." + digits.substr(1);
    out += exp10 < 0 ? "e-" : "e+";
    int a = exp10 < 0 ? -exp10 : exp10;
    if (a < 10) out += '0';
    out += std::to_string(a);
  } else if (decpt <= 0) {
    out += "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
  } else if (decpt < n) {
    out += digits.substr(0, static_cast<size_t>(decpt)) + "." +
           digits.substr(static_cast<size_t>(decpt));
  } else {
    out += digits + std::string(static_cast<size_t>(decpt - n), '0');
    if (add_dot_0) out += ".0";
  }
  return out;
}

void append_hex(std::string& out, const char* prefix, uint32_t v, int width) {
  static const char* hex = "0123456789abcdef";
  out += prefix;
  for (int s = (width - 1) * 4; s >= 0; s -= 4) out += hex[(v >> s) & 0xF];
}

// Decodes one UTF-8 sequence at s[i] (surrogatepass allowed), advancing i.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + static_cast<size_t>(len) > s.size()) len = 1;
  uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += static_cast<size_t>(len);
  return cp;
}

// Python's str.isprintable, approximated outside ASCII: Latin-1 controls,
// NBSP, soft hyphen, surrogates and a few format characters are escaped;
// everything else is printed as is.
bool printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp < 0x7F) return true;
  if (cp <= 0xA0 || cp == 0xAD) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || cp == 0xFEFF)
    return false;
  return true;
}

char pick_quote(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  return has_single && !has_double ? '"' : '\'';
}

std::string str_repr(std::string_view s) {
  char q = pick_quote(s);
  std::string out(1, q);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = next_code_point(s, i);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') out += '\\', out += static_cast<char>(cp);
    else if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (printable(cp)) out.append(s.substr(start, i - start));
    else if (cp < 0x100) append_hex(out, "\\x", cp, 2);
    else if (cp < 0x10000) append_hex(out, "\\u", cp, 4);
    else append_hex(out, "\\U", cp, 8);
  }
  return out + q;
}

std::string bytes_repr(std::string_view s) {
  char q = pick_quote(s);
  std::string out = "b";
  out += q;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(q) || c == '\\') out += '\\', out += ch;
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) append_hex(out, "\\x", c, 2);
    else out += ch;
  }
  return out + q;
}

}  // namespace

std::string repr_str(std::string_view utf8) { return str_repr(utf8); }

std::string constant_repr(const Constant& c) {
  switch (c.value_kind) {
    case ConstKind::None: return "None";
    case ConstKind::True: return "True";
    case ConstKind::False: return "False";
    case ConstKind::Ellipsis: return "Ellipsis";
    case ConstKind::Int: return c.text;
    case ConstKind::Float: return float_repr(c.float_value, true);
    case ConstKind::Complex: return float_repr(c.float_value, false) + "j";
    case ConstKind::Str: return str_repr(c.text);
    case ConstKind::Bytes: return bytes_repr(c.text);
  }
  return "?";
}


}  // namespace ufora::lower
