// Python str methods on UTF-8 std::strings, with CPython 3.11 semantics and code-point
// indices. Pure text functions: no Obj, no exceptions. Where CPython raises (an empty
// separator, a fill character that is not one character...), the caller checks first;
// each such precondition is noted below.
//
// Inputs are assumed to be valid UTF-8 (lone surrogates encoded in three bytes are
// accepted). Invalid bytes never cause out-of-bounds reads but give unspecified text.
//
// Unicode coverage (Unicode 14.0, as CPython 3.11):
//   - exact everywhere: isspace, isdecimal, isdigit, isnumeric, decimal_value, line breaks;
//   - isalpha: exact in the BMP; in the supplementary planes, non-letter runs shorter than
//     16 code points inside letter runs count as letters;
//   - printability (py_repr): exact for assigned code points; small unassigned holes
//     (< 64 code points) count as printable;
//   - case: mappings, isupper/islower/istitle and "cased" are exact for U+0000-U+017F
//     (ASCII, Latin-1, Latin Extended-A) and U+0370-U+052F (Greek, Cyrillic), including
//     the multi-character mappings there (ß -> SS, ŉ, ΐ, ΰ, İ) and the final-sigma rule;
//     every other code point is treated as uncased and maps to itself;
//   - isidentifier: exact below U+0530; beyond it XID_Start is alpha plus the letter
//     numbers, and XID_Continue adds decimal digits, connector punctuation and the
//     combining-mark blocks only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace ufora::text {

// "No end given" for the start/end arguments of find, count, startswith...
inline constexpr int64_t kNoEnd = std::numeric_limits<int64_t>::max();

// ---- UTF-8 --------------------------------------------------------------------------

int64_t utf8_length(std::string_view s);           // len(s): number of code points
bool is_ascii(std::string_view s);
size_t utf8_offset(std::string_view s, int64_t i);  // byte offset of code point i (clamped)
char32_t utf8_decode(std::string_view s, size_t& offset);  // reads one, advances offset
void utf8_append(std::string& out, char32_t cp);
std::string utf8_encode(char32_t cp);
std::u32string to_code_points(std::string_view s);
std::string from_code_points(std::u32string_view cps);
// s[start:stop:step] with indices already normalized (as slice.indices() returns them).
std::string substring(std::string_view s, int64_t start, int64_t stop, int64_t step = 1);

// ---- single code points ---------------------------------------------------------------

bool char_is_space(char32_t c);
bool char_is_alpha(char32_t c);
bool char_is_decimal(char32_t c);
bool char_is_digit(char32_t c);
bool char_is_numeric(char32_t c);
bool char_is_printable(char32_t c);
bool char_is_linebreak(char32_t c);
int decimal_value(char32_t c);  // 0..9 for decimal digits of any script, else -1

// ---- splitting and joining pieces -----------------------------------------------------

std::vector<std::string> split(std::string_view s, int64_t maxsplit = -1);  // on whitespace
std::vector<std::string> rsplit(std::string_view s, int64_t maxsplit = -1);
// Precondition: sep is not empty (CPython: ValueError "empty separator").
std::vector<std::string> split(std::string_view s, std::string_view sep, int64_t maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, std::string_view sep, int64_t maxsplit = -1);
std::vector<std::string> splitlines(std::string_view s, bool keepends = false);
// Precondition: sep is not empty. Returns {head, sep, tail}; not found gives {s, "", ""}
// for partition and {"", "", s} for rpartition.
std::array<std::string, 3> partition(std::string_view s, std::string_view sep);
std::array<std::string, 3> rpartition(std::string_view s, std::string_view sep);

// ---- stripping, padding ---------------------------------------------------------------

std::string strip(std::string_view s);  // whitespace
std::string lstrip(std::string_view s);
std::string rstrip(std::string_view s);
std::string strip(std::string_view s, std::string_view chars);  // any code point of chars
std::string lstrip(std::string_view s, std::string_view chars);
std::string rstrip(std::string_view s, std::string_view chars);
std::string center(std::string_view s, int64_t width, char32_t fill = U' ');
std::string ljust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string rjust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string zfill(std::string_view s, int64_t width);
std::string expandtabs(std::string_view s, int64_t tabsize = 8);

// ---- searching ------------------------------------------------------------------------
// start/end are Python's optional arguments: negative counts from the end, then clamped.

std::string replace(std::string_view s, std::string_view old, std::string_view repl,
                    int64_t count = -1);
int64_t find(std::string_view s, std::string_view sub, int64_t start = 0, int64_t end = kNoEnd);
int64_t rfind(std::string_view s, std::string_view sub, int64_t start = 0, int64_t end = kNoEnd);
int64_t count(std::string_view s, std::string_view sub, int64_t start = 0, int64_t end = kNoEnd);
bool startswith(std::string_view s, std::string_view prefix, int64_t start = 0,
                int64_t end = kNoEnd);
bool endswith(std::string_view s, std::string_view suffix, int64_t start = 0,
              int64_t end = kNoEnd);

// ---- case -----------------------------------------------------------------------------

std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string title(std::string_view s);
std::string capitalize(std::string_view s);
std::string swapcase(std::string_view s);
std::string casefold(std::string_view s);

// ---- predicates (all false for the empty string) --------------------------------------

bool isalpha(std::string_view s);
bool isdigit(std::string_view s);
bool isdecimal(std::string_view s);
bool isnumeric(std::string_view s);
bool isalnum(std::string_view s);
bool isspace(std::string_view s);
bool isupper(std::string_view s);
bool islower(std::string_view s);
bool istitle(std::string_view s);
bool isidentifier(std::string_view s);  // keywords are identifiers too, as in CPython
bool isprintable(std::string_view s);   // true for the empty string, as in CPython

// ---- repr -----------------------------------------------------------------------------

std::string py_repr(std::string_view s);  // repr(str), quotes included

}  // namespace ufora::text
