// The format-spec mini-language of format() and str.format(), with CPython 3.11's
// output and ValueError messages. Text in, text out: callers turn a non-empty `error`
// into a ValueError (the one exception is noted at format_int).
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ufora::text {

struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;         // '<' '>' '=' '^'; 0 = the type's default ('<' str, '>' numbers)
  char sign = 0;          // '+' '-' ' '; 0 = not given
  bool alternate = false; // '#'
  bool zero_pad = false;  // '0' before the width (fill was not given): fill is '0' and
                          // numbers default to '=' alignment
  int64_t width = -1;     // -1 = not given
  char grouping = 0;      // ',' or '_'
  int64_t precision = -1; // -1 = not given
  char32_t type = 0;      // 0 = not given; any code point (only errors for non-ASCII)
  bool no_neg_zero = false;  // 'z' (new in 3.11): a float rounding to zero has no '-'
};

// Parses `spec` (UTF-8). On failure returns false with CPython's message in `error`.
// `type_name` only appears in the "Invalid format specifier '...' for object of type
// '...'" message, so pass the formatted object's Python type name.
bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& error,
                       std::string_view type_name = "object");

// The formatters return the text, or "" with `error` set (they clear it on entry).

// format(float): types '' e E f F g G n %. '' is repr() without precision and 'g' that
// keeps a ".0" with it (format(1.0, '.3') == '1.0'); 'n' is 'g' in the C locale.
std::string format_float(double v, const FormatSpec& spec, std::string& error);

// True for the types (e E f F g G %) that format(int) hands to float formatting: the
// caller converts the int to double (OverflowError if too big) and calls format_float.
bool int_spec_is_float(const FormatSpec& spec);

// format(int) for types '' d n b o x X c. `magnitude_digits` is |value| already written
// in the type's base (decimal for '', 'd', 'n' and 'c'; either letter case for x/X).
// For 'c' two errors are OverflowError rather than ValueError in CPython: "%c arg not in
// range(0x110000)" and "Python int too large to convert to C long". `type_name` is for the
// unknown-type message.
std::string format_int(bool negative, std::string_view magnitude_digits, const FormatSpec& spec,
                       std::string& error, std::string_view type_name = "int");

// format(str): type '' or 's'; precision truncates and width pads, both in code points.
std::string format_str(std::string_view utf8, const FormatSpec& spec, std::string& error);

}  // namespace ufora::text
