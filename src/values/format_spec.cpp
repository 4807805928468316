#include "values/format_spec.h"

#include <algorithm>
#include <climits>

#include "values/float_repr.h"
#include "values/str_algorithms.h"

namespace ufora::text {
namespace {

// How CPython quotes a presentation type in messages: the character when printable
// ASCII, else \x and its hex value without padding.
std::string quote_type(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string digits;
  for (uint32_t v = type; v != 0 || digits.empty(); v >>= 4)
    digits.insert(digits.begin(), kHex[v & 0xF]);
  return "\\x" + digits;
}

std::string unknown_type(char32_t type, std::string_view type_name) {
  return "Unknown format code '" + quote_type(type) + "' for object of type '" +
         std::string(type_name) + "'";
}

std::string bad_grouping(char grouping, char32_t type) {
  return std::string("Cannot specify '") + grouping + "' with '" + quote_type(type) + "'.";
}

// Reads a run of decimal digits (any script, as CPython); returns how many were read,
// or -1 on overflow.
int64_t read_integer(std::u32string_view s, size_t& pos, int64_t& value) {
  value = 0;
  int64_t count = 0;
  for (; pos < s.size(); ++pos, ++count) {
    int d = decimal_value(s[pos]);
    if (d < 0) break;
    if (value > (INT64_MAX - d) / 10) return -1;
    value = value * 10 + d;
  }
  return count;
}

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Writes digits grouped from the right with `sep` every `group` digits (group 0: no
// grouping), left-padded with zeros until `min_width` characters are used. Like
// CPython, it never starts with a separator: reaching the width mid-group adds one zero.
std::string group_digits(std::string_view digits, int64_t min_width, int64_t group, char sep) {
  min_width = std::max<int64_t>(min_width, 0);
  auto remaining = static_cast<int64_t>(digits.size());
  std::string reversed;
  bool first = true;
  auto emit_chunk = [&](int64_t len) {
    int64_t chars = std::clamp<int64_t>(remaining, 0, len);
    if (!first) reversed += sep;
    first = false;
    for (int64_t i = 0; i < chars; ++i) reversed += digits[static_cast<size_t>(remaining - 1 - i)];
    reversed.append(static_cast<size_t>(len - chars), '0');
    remaining -= chars;
    min_width -= len;
  };
  if (group <= 0) {
    emit_chunk(std::max({remaining, min_width, int64_t{1}}));
  } else {
    while (true) {
      emit_chunk(std::min(group, std::max({remaining, min_width, int64_t{1}})));
      if (remaining <= 0 && min_width <= 0) break;
      min_width -= 1;  // the separator that the next chunk starts with
    }
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

// One formatted number: [sign][prefix][digits][.][remainder], laid out in the field as
// CPython's calc_number_widths/fill_number do, padding included.
struct Number {
  bool negative = false;
  std::string_view prefix;     // "0x"... for alternate ints
  std::string_view digits;     // the run that grouping applies to
  bool has_decimal = false;
  std::string_view remainder;  // fraction, exponent, '%', "inf"...
};

std::string layout_number(const Number& n, const FormatSpec& spec, int64_t group, char sep) {
  char sign = 0;
  if (n.negative) sign = '-';
  else if (spec.sign == '+' || spec.sign == ' ') sign = spec.sign;
  char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');

  // Widths count code points; only the remainder can be non-ASCII (a 'c' character).
  int64_t fixed = (sign ? 1 : 0) + static_cast<int64_t>(n.prefix.size()) + (n.has_decimal ? 1 : 0) +
                  utf8_length(n.remainder);
  // Only '0'-filled '=' padding is written as (grouped) leading zeros of the digits.
  int64_t min_width = (spec.fill == U'0' && align == '=') ? spec.width - fixed : 0;
  std::string grouped = n.digits.empty() ? "" : group_digits(n.digits, min_width, group, sep);

  int64_t padding = std::max<int64_t>(spec.width - fixed - static_cast<int64_t>(grouped.size()), 0);
  int64_t left = 0, inner = 0, right = 0;
  switch (align) {
    case '<': right = padding; break;
    case '^': left = padding / 2; right = padding - left; break;
    case '=': inner = padding; break;
    default: left = padding; break;
  }
  std::string fill = utf8_encode(spec.fill);
  auto put_fill = [&](std::string& out, int64_t count) {
    for (int64_t i = 0; i < count; ++i) out += fill;
  };
  std::string out;
  put_fill(out, left);
  if (sign) out += sign;
  out += n.prefix;
  put_fill(out, inner);
  out += grouped;
  if (n.has_decimal) out += '.';
  out += n.remainder;
  put_fill(out, right);
  return out;
}

bool is_float_type(char32_t t) {
  return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

}  // namespace

bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& error,
                       std::string_view type_name) {
  error.clear();
  out = FormatSpec{};
  std::u32string s = to_code_points(spec);
  size_t pos = 0;
  auto left = [&] { return s.size() - pos; };

  bool fill_given = false;
  if (left() >= 2 && is_align(s[pos + 1])) {
    out.fill = s[pos];
    out.align = static_cast<char>(s[pos + 1]);
    fill_given = true;
    pos += 2;
  } else if (left() >= 1 && is_align(s[pos])) {
    out.align = static_cast<char>(s[pos++]);
  }
  if (left() >= 1 && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
    out.sign = static_cast<char>(s[pos++]);
  if (left() >= 1 && s[pos] == 'z') {
    out.no_neg_zero = true;
    ++pos;
  }
  if (left() >= 1 && s[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  if (!fill_given && left() >= 1 && s[pos] == '0') {  // an explicit fill turns '0' into width
    out.fill = U'0';
    out.zero_pad = true;
    ++pos;
  }
  int64_t read = read_integer(s, pos, out.width);
  if (read < 0) {
    error = "Too many decimal digits in format string";
    return false;
  }
  if (read == 0) out.width = -1;

  const char* both = "Cannot specify both ',' and '_'.";
  if (left() >= 1 && s[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (left() >= 1 && s[pos] == '_') {
    if (out.grouping) {
      error = both;
      return false;
    }
    out.grouping = '_';
    ++pos;
  }
  if (left() >= 1 && s[pos] == ',' && out.grouping == '_') {
    error = both;
    return false;
  }

  if (left() >= 1 && s[pos] == '.') {
    ++pos;
    read = read_integer(s, pos, out.precision);
    if (read < 0) {
      error = "Too many decimal digits in format string";
      return false;
    }
    if (read == 0) {
      error = "Format specifier missing precision";
      return false;
    }
  }

  if (left() > 1) {
    error = "Invalid format specifier '" + std::string(spec) + "' for object of type '" +
            std::string(type_name) + "'";
    return false;
  }
  if (left() == 1) out.type = s[pos];

  if (out.grouping) {
    // Grouping suits decimal and float types; '_' also suits b/o/x/X (every 4 digits).
    bool ok = out.type == 0 || out.type == 'd' || is_float_type(out.type);
    bool base_type = out.type == 'b' || out.type == 'o' || out.type == 'x' || out.type == 'X';
    if (!ok && !(base_type && out.grouping == '_')) {
      error = bad_grouping(out.grouping, out.type);
      return false;
    }
  }
  return true;
}

std::string format_float(double v, const FormatSpec& spec, std::string& error) {
  error.clear();
  char32_t type = spec.type;
  if (type != 0 && type != 'n' && !is_float_type(type)) {
    error = unknown_type(type, "float");
    return "";
  }
  if (spec.precision > INT_MAX) {
    error = "precision too big";
    return "";
  }
  unsigned flags = 0;
  if (spec.alternate) flags |= kFloatAlt;
  if (spec.no_neg_zero) flags |= kFloatNoNegZero;
  char code = static_cast<char>(type);
  int default_precision = 6;
  bool percent = false;
  if (type == 0) {
    // No type: repr() when there is no precision, else 'g' that keeps one fraction digit.
    flags |= kFloatAddDot0;
    code = 'r';
    default_precision = 0;
  } else if (type == 'n') {
    code = 'g';  // the C locale has no grouping and '.' as the point
  } else if (type == '%') {
    code = 'f';
    v *= 100;
    percent = true;
  }
  int precision = default_precision;
  if (spec.precision >= 0) {
    precision = static_cast<int>(spec.precision);
    if (code == 'r') code = 'g';
  }
  std::string text = format_double(v, code, precision, flags);
  if (percent) text += '%';

  Number n;
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == '-') {
    n.negative = true;
    rest.remove_prefix(1);
  }
  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  n.digits = rest.substr(0, digits);
  n.has_decimal = digits < rest.size() && rest[digits] == '.';
  n.remainder = rest.substr(digits + (n.has_decimal ? 1 : 0));
  bool grouped = spec.grouping && type != 'n';
  return layout_number(n, spec, grouped ? 3 : 0, spec.grouping);
}

bool int_spec_is_float(const FormatSpec& spec) { return is_float_type(spec.type); }

std::string format_int(bool negative, std::string_view magnitude_digits, const FormatSpec& spec,
                       std::string& error, std::string_view type_name) {
  error.clear();
  char32_t type = spec.type ? spec.type : U'd';
  std::string_view prefix;
  switch (type) {
    case 'd': case 'n': case 'c': break;
    case 'b': prefix = "0b"; break;
    case 'o': prefix = "0o"; break;
    case 'x': prefix = "0x"; break;
    case 'X': prefix = "0X"; break;
    default:
      error = unknown_type(type, type_name);
      return "";
  }
  if (spec.precision != -1) {
    error = "Precision not allowed in integer format specifier";
    return "";
  }
  if (spec.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in integer format specifier";
    return "";
  }

  Number n;
  n.negative = negative;
  std::string text;
  if (type == 'c') {
    if (spec.sign) {
      error = "Sign not allowed with integer format specifier 'c'";
      return "";
    }
    if (spec.alternate) {
      error = "Alternate form (#) not allowed with integer format specifier 'c'";
      return "";
    }
    // The character counts as "remainder": it is never grouped or zero-filled.
    std::string_view mag = magnitude_digits.substr(
        std::min(magnitude_digits.find_first_not_of('0'), magnitude_digits.size()));
    // CPython first converts to a C long, which has its own overflow message.
    std::string_view long_max = negative ? "9223372036854775808" : "9223372036854775807";
    if (mag.size() > long_max.size() || (mag.size() == long_max.size() && mag > long_max)) {
      error = "Python int too large to convert to C long";
      return "";
    }
    uint64_t code = 0;
    for (char ch : mag) code = code * 10 + static_cast<uint64_t>(ch - '0');
    if ((negative && code != 0) || code > 0x10FFFF) {
      error = "%c arg not in range(0x110000)";
      return "";
    }
    text = utf8_encode(static_cast<char32_t>(code));
    n.negative = false;
    n.remainder = text;
    return layout_number(n, spec, 0, 0);
  }

  if (spec.alternate) n.prefix = prefix;
  text = magnitude_digits;
  if (type == 'X') std::transform(text.begin(), text.end(), text.begin(), [](char ch) {
    return (ch >= 'a' && ch <= 'f') ? static_cast<char>(ch - 'a' + 'A') : ch;
  });
  n.digits = text;
  int64_t group = 0;
  if (spec.grouping && type != 'n') group = (type == 'd') ? 3 : 4;
  return layout_number(n, spec, group, spec.grouping);
}

std::string format_str(std::string_view utf8, const FormatSpec& spec, std::string& error) {
  error.clear();
  // With no type, str's default type 's' is what the grouping check sees.
  if (spec.grouping && (spec.type == 0 || spec.type == 's'))
    error = bad_grouping(spec.grouping, 's');
  else if (spec.type != 0 && spec.type != 's') error = unknown_type(spec.type, "str");
  else if (spec.sign == ' ') error = "Space not allowed in string format specifier";
  else if (spec.sign) error = "Sign not allowed in string format specifier";
  else if (spec.no_neg_zero)
    error = "Negative zero coercion (z) not allowed in string format specifier";
  else if (spec.alternate) error = "Alternate form (#) not allowed in string format specifier";
  else if (spec.align == '=') error = "'=' alignment not allowed in string format specifier";
  if (!error.empty()) return "";

  std::string_view text = utf8;
  int64_t len = utf8_length(text);
  if (spec.precision >= 0 && len > spec.precision) {
    text = text.substr(0, utf8_offset(text, spec.precision));
    len = spec.precision;
  }
  int64_t padding = std::max<int64_t>(spec.width - len, 0);
  switch (spec.align) {
    case '>': return rjust(text, len + padding, spec.fill);
    case '^': {
      // CPython puts the odd column on the right here (unlike str.center).
      int64_t left = padding / 2;
      return ljust(rjust(text, len + left, spec.fill), len + padding, spec.fill);
    }
    default: return ljust(text, len + padding, spec.fill);
  }
}

}  // namespace ufora::text
