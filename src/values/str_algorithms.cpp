#include "values/str_algorithms.h"

#include <algorithm>
#include <iterator>

namespace ufora::text {
namespace {

// Table look-ups; the generated Unicode data and these definitions sit at the end.
bool in_alpha(char32_t c);
bool in_decimal(char32_t c, int* value);
bool in_digit_only(char32_t c);
bool in_numeric_only(char32_t c);
bool in_non_printable(char32_t c);
bool in_case_ignorable(char32_t c);
bool in_xid_start_extra(char32_t c);
bool in_xid_start_exclude(char32_t c);
bool in_xid_continue_extra(char32_t c);
char32_t simple_lower(char32_t c);
char32_t simple_upper(char32_t c);

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Start of the code point that ends just before byte `pos` (pos > 0).
size_t previous_start(std::string_view s, size_t pos) {
  do --pos;
  while (pos > 0 && is_continuation(s[pos]));
  return pos;
}

// ---- start/end arguments --------------------------------------------------------------

// CPython's ADJUST_INDICES: negative values count from the end, then clamp to [0, len]
// (a start beyond len is kept so that callers can report "not found").
void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) end = len;
  else if (end < 0) end = std::max<int64_t>(end + len, 0);
  if (start < 0) start = std::max<int64_t>(start + len, 0);
}

// The byte range of code points [start, end) of s, for 0 <= start <= end <= len.
struct ByteRange {
  size_t begin, end;
};
ByteRange byte_range(std::string_view s, int64_t start, int64_t end) {
  size_t b = utf8_offset(s, start);
  return {b, b + utf8_offset(s.substr(b), end - start)};
}

// ---- case mapping ---------------------------------------------------------------------

enum class Case { Lower, Upper, Title, Fold };

// The multi-character and fold-only mappings of the covered blocks (SpecialCasing.txt
// and CaseFolding.txt); returns false when the simple mapping applies.
bool special_mapping(char32_t c, Case how, std::u32string& out) {
  auto put = [&](std::u32string_view text) {
    out += text;
    return true;
  };
  switch (c) {
    case 0xDF:  // ß
      if (how == Case::Upper) return put(U"SS");
      if (how == Case::Title) return put(U"Ss");
      if (how == Case::Fold) return put(U"ss");
      return false;
    case 0x130:  // İ lowers to i + combining dot above
      if (how == Case::Lower || how == Case::Fold) return put(U"i\u0307");
      return false;
    case 0x149:  // ŉ
      if (how == Case::Upper || how == Case::Title) return put(U"\u02BCN");
      if (how == Case::Fold) return put(U"\u02BCn");
      return false;
    case 0x390:  // ΐ
      if (how == Case::Upper || how == Case::Title) return put(U"\u0399\u0308\u0301");
      if (how == Case::Fold) return put(U"\u03B9\u0308\u0301");
      return false;
    case 0x3B0:  // ΰ
      if (how == Case::Upper || how == Case::Title) return put(U"\u03A5\u0308\u0301");
      if (how == Case::Fold) return put(U"\u03C5\u0308\u0301");
      return false;
    default: break;
  }
  if (how != Case::Fold) return false;
  switch (c) {  // letters whose fold differs from their lowercase
    case 0xB5: return put(U"\u03BC");   // micro sign -> mu
    case 0x17F: return put(U"s");       // long s
    case 0x3C2: return put(U"\u03C3");  // final sigma
    case 0x3D0: return put(U"\u03B2");
    case 0x3D1: return put(U"\u03B8");
    case 0x3D5: return put(U"\u03C6");
    case 0x3D6: return put(U"\u03C0");
    case 0x3F0: return put(U"\u03BA");
    case 0x3F1: return put(U"\u03C1");
    case 0x3F5: return put(U"\u03B5");
    default: return false;
  }
}

void append_mapped(char32_t c, Case how, std::u32string& out) {
  if (special_mapping(c, how, out)) return;
  out += (how == Case::Lower || how == Case::Fold) ? simple_lower(c) : simple_upper(c);
}

bool char_is_upper(char32_t c) {
  // İ lowers to two code points; ϒ ϓ ϔ are capitals without a lowercase.
  return simple_lower(c) != c || c == 0x130 || (c >= 0x3D2 && c <= 0x3D4);
}

bool char_is_lower(char32_t c) {
  switch (c) {
    case 0xAA: case 0xBA: case 0x138: case 0x37A: case 0x3FC:  // lowercase without a capital
    case 0xDF: case 0x149: case 0x390: case 0x3B0:               // capital is several code points
      return true;
    default: return simple_upper(c) != c;
  }
}

// No titlecase letters (Lt) lie in the covered blocks, so cased = upper or lower.
bool char_is_cased(char32_t c) { return char_is_upper(c) || char_is_lower(c); }

// Σ becomes final ς after a cased letter when no cased letter follows, skipping
// case-ignorable characters both ways (Unicode's Final_Sigma condition).
bool is_final_sigma(std::u32string_view s, size_t i) {
  size_t j = i;
  while (j > 0 && in_case_ignorable(s[j - 1])) --j;
  if (j == 0 || !char_is_cased(s[j - 1])) return false;
  size_t k = i + 1;
  while (k < s.size() && in_case_ignorable(s[k])) ++k;
  return k == s.size() || !char_is_cased(s[k]);
}

void append_lower_at(std::u32string_view s, size_t i, std::u32string& out) {
  if (s[i] == 0x3A3) out += is_final_sigma(s, i) ? U'\u03C2' : U'\u03C3';
  else append_mapped(s[i], Case::Lower, out);
}

// Applies `step(cps, i, out)` to every code point; ASCII input takes a byte-wise path.
template <typename AsciiStep, typename Step>
std::string map_chars(std::string_view s, AsciiStep ascii_step, Step step) {
  if (is_ascii(s)) {
    std::string out(s);
    bool previous_cased = false;
    for (char& ch : out) ascii_step(ch, previous_cased);
    return out;
  }
  std::u32string cps = to_code_points(s), out;
  out.reserve(cps.size());
  for (size_t i = 0; i < cps.size(); ++i) step(cps, i, out);
  return from_code_points(out);
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
char to_ascii_upper(char c) { return ascii_lower(c) ? static_cast<char>(c - 32) : c; }
char to_ascii_lower(char c) { return ascii_upper(c) ? static_cast<char>(c + 32) : c; }

// ---- splitting helpers ----------------------------------------------------------------

// Reads the code point at `pos` and returns the offset just past it.
size_t next_char(std::string_view s, size_t pos, char32_t& c) {
  c = utf8_decode(s, pos);
  return pos;
}

bool contains(std::u32string_view set, char32_t c) {
  return std::find(set.begin(), set.end(), c) != set.end();
}

size_t lstrip_end(std::string_view s, const std::u32string* set) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c;
    size_t next = next_char(s, pos, c);
    if (set ? !contains(*set, c) : !char_is_space(c)) break;
    pos = next;
  }
  return pos;
}

size_t rstrip_begin(std::string_view s, size_t floor, const std::u32string* set) {
  size_t pos = s.size();
  while (pos > floor) {
    size_t prev = previous_start(s, pos);
    size_t at = prev;
    char32_t c = utf8_decode(s, at);
    if (set ? !contains(*set, c) : !char_is_space(c)) break;
    pos = prev;
  }
  return pos;
}

std::string pad(std::string_view s, int64_t left, int64_t right, char32_t fill) {
  std::string f = utf8_encode(fill);
  std::string out;
  out.reserve(s.size() + static_cast<size_t>(left + right) * f.size());
  for (int64_t i = 0; i < left; ++i) out += f;
  out += s;
  for (int64_t i = 0; i < right; ++i) out += f;
  return out;
}

}  // namespace

// ---- UTF-8 ----------------------------------------------------------------------------

int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (char ch : s) n += !is_continuation(ch);
  return n;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

size_t utf8_offset(std::string_view s, int64_t i) {
  if (i <= 0) return 0;
  int64_t seen = 0;
  for (size_t b = 0; b < s.size(); ++b) {
    if (is_continuation(s[b])) continue;
    if (seen == i) return b;
    ++seen;
  }
  return s.size();
}

char32_t utf8_decode(std::string_view s, size_t& offset) {
  auto lead = static_cast<unsigned char>(s[offset++]);
  if (lead < 0x80) return lead;
  int extra;
  char32_t cp;
  if (lead >= 0xF0) extra = 3, cp = lead & 0x07u;
  else if (lead >= 0xE0) extra = 2, cp = lead & 0x0Fu;
  else if (lead >= 0xC0) extra = 1, cp = lead & 0x1Fu;
  else return 0xFFFD;  // stray continuation byte
  for (; extra > 0 && offset < s.size() && is_continuation(s[offset]); --extra)
    cp = (cp << 6) | (static_cast<unsigned char>(s[offset++]) & 0x3Fu);
  return extra ? 0xFFFD : cp;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF) cp = 0xFFFD;
  auto byte = [](char32_t v) { return static_cast<char>(static_cast<unsigned char>(v)); };
  if (cp < 0x80) {
    out += byte(cp);
  } else if (cp < 0x800) {
    out += byte(0xC0 | (cp >> 6));
    out += byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {  // surrogates pass through, as CPython strs may hold them
    out += byte(0xE0 | (cp >> 12));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  } else {
    out += byte(0xF0 | (cp >> 18));
    out += byte(0x80 | ((cp >> 12) & 0x3F));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  }
}

std::string utf8_encode(char32_t cp) {
  std::string out;
  utf8_append(out, cp);
  return out;
}

std::u32string to_code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out += utf8_decode(s, pos);
  return out;
}

std::string from_code_points(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) utf8_append(out, c);
  return out;
}

std::string substring(std::string_view s, int64_t start, int64_t stop, int64_t step) {
  int64_t n = 0;
  if (step > 0 && start < stop) n = (stop - start - 1) / step + 1;
  if (step < 0 && stop < start) n = (start - stop - 1) / -step + 1;
  if (n <= 0) return "";
  if (step == 1) {
    ByteRange r = byte_range(s, start, stop);
    return std::string(s.substr(r.begin, r.end - r.begin));
  }
  std::string out;
  if (is_ascii(s)) {
    for (int64_t i = 0, at = start; i < n; ++i, at += step) out += s[static_cast<size_t>(at)];
    return out;
  }
  std::vector<size_t> starts;  // byte offset of every code point, plus the end
  for (size_t b = 0; b < s.size(); ++b)
    if (!is_continuation(s[b])) starts.push_back(b);
  starts.push_back(s.size());
  for (int64_t i = 0, at = start; i < n; ++i, at += step) {
    auto k = static_cast<size_t>(at);
    out += s.substr(starts[k], starts[k + 1] - starts[k]);
  }
  return out;
}

// ---- single code points ---------------------------------------------------------------

bool char_is_space(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool char_is_alpha(char32_t c) {
  if (c < 0x80) return ascii_upper(static_cast<char>(c)) || ascii_lower(static_cast<char>(c));
  return in_alpha(c);
}

int decimal_value(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') ? static_cast<int>(c - '0') : -1;
  int value = -1;
  return in_decimal(c, &value) ? value : -1;
}

bool char_is_decimal(char32_t c) { return decimal_value(c) >= 0; }
bool char_is_digit(char32_t c) { return char_is_decimal(c) || in_digit_only(c); }
bool char_is_numeric(char32_t c) { return char_is_digit(c) || in_numeric_only(c); }
bool char_is_printable(char32_t c) { return !in_non_printable(c); }

bool char_is_linebreak(char32_t c) {
  return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

// ---- splitting ------------------------------------------------------------------------

std::vector<std::string> split(std::string_view s, int64_t maxsplit) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (int64_t left = maxsplit < 0 ? kNoEnd : maxsplit; left > 0; --left) {
    pos += lstrip_end(s.substr(pos), nullptr);
    if (pos == s.size()) break;
    size_t word = pos;
    while (pos < s.size()) {
      char32_t c;
      size_t next = next_char(s, pos, c);
      if (char_is_space(c)) break;
      pos = next;
    }
    out.emplace_back(s.substr(word, pos - word));
  }
  if (pos < s.size()) {  // maxsplit reached: the rest, less leading whitespace, is one piece
    pos += lstrip_end(s.substr(pos), nullptr);
    if (pos < s.size()) out.emplace_back(s.substr(pos));
  }
  return out;
}

std::vector<std::string> rsplit(std::string_view s, int64_t maxsplit) {
  std::vector<std::string> out;
  size_t end = s.size();
  for (int64_t left = maxsplit < 0 ? kNoEnd : maxsplit; left > 0; --left) {
    end = rstrip_begin(s.substr(0, end), 0, nullptr);
    if (end == 0) break;
    size_t word = end;
    while (word > 0) {
      size_t prev = previous_start(s, word);
      size_t at = prev;
      if (char_is_space(utf8_decode(s, at))) break;
      word = prev;
    }
    out.emplace_back(s.substr(word, end - word));
    end = word;
  }
  if (end > 0) {
    end = rstrip_begin(s.substr(0, end), 0, nullptr);
    if (end > 0) out.emplace_back(s.substr(0, end));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string> split(std::string_view s, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string> out;
  if (sep.empty()) return {std::string(s)};  // precondition broken; CPython raises
  size_t pos = 0;
  for (int64_t left = maxsplit < 0 ? kNoEnd : maxsplit; left > 0; --left) {
    size_t hit = s.find(sep, pos);
    if (hit == std::string_view::npos) break;
    out.emplace_back(s.substr(pos, hit - pos));
    pos = hit + sep.size();
  }
  out.emplace_back(s.substr(pos));
  return out;
}

std::vector<std::string> rsplit(std::string_view s, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string> out;
  if (sep.empty()) return {std::string(s)};
  size_t end = s.size();
  for (int64_t left = maxsplit < 0 ? kNoEnd : maxsplit; left > 0; --left) {
    if (end < sep.size()) break;
    size_t hit = s.rfind(sep, end - sep.size());
    if (hit == std::string_view::npos) break;
    out.emplace_back(s.substr(hit + sep.size(), end - hit - sep.size()));
    end = hit;
  }
  out.emplace_back(s.substr(0, end));
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string> splitlines(std::string_view s, bool keepends) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t line = pos, eol = pos;
    char32_t c = 0;
    while (pos < s.size()) {
      size_t next = next_char(s, pos, c);
      if (char_is_linebreak(c)) {
        eol = pos;
        pos = next;
        if (c == '\r' && pos < s.size() && s[pos] == '\n') ++pos;  // CRLF is one break
        break;
      }
      pos = eol = next;
    }
    out.emplace_back(s.substr(line, (keepends ? pos : eol) - line));
  }
  return out;
}

std::array<std::string, 3> partition(std::string_view s, std::string_view sep) {
  size_t hit = sep.empty() ? std::string_view::npos : s.find(sep);
  if (hit == std::string_view::npos) return {std::string(s), "", ""};
  return {std::string(s.substr(0, hit)), std::string(sep), std::string(s.substr(hit + sep.size()))};
}

std::array<std::string, 3> rpartition(std::string_view s, std::string_view sep) {
  size_t hit = sep.empty() ? std::string_view::npos : s.rfind(sep);
  if (hit == std::string_view::npos) return {"", "", std::string(s)};
  return {std::string(s.substr(0, hit)), std::string(sep), std::string(s.substr(hit + sep.size()))};
}

// ---- stripping, padding ---------------------------------------------------------------

std::string strip(std::string_view s) {
  size_t b = lstrip_end(s, nullptr);
  return std::string(s.substr(b, rstrip_begin(s, b, nullptr) - b));
}
std::string lstrip(std::string_view s) { return std::string(s.substr(lstrip_end(s, nullptr))); }
std::string rstrip(std::string_view s) {
  return std::string(s.substr(0, rstrip_begin(s, 0, nullptr)));
}

std::string strip(std::string_view s, std::string_view chars) {
  std::u32string set = to_code_points(chars);
  size_t b = lstrip_end(s, &set);
  return std::string(s.substr(b, rstrip_begin(s, b, &set) - b));
}
std::string lstrip(std::string_view s, std::string_view chars) {
  std::u32string set = to_code_points(chars);
  return std::string(s.substr(lstrip_end(s, &set)));
}
std::string rstrip(std::string_view s, std::string_view chars) {
  std::u32string set = to_code_points(chars);
  return std::string(s.substr(0, rstrip_begin(s, 0, &set)));
}

std::string center(std::string_view s, int64_t width, char32_t fill) {
  int64_t margin = width - utf8_length(s);
  if (margin <= 0) return std::string(s);
  // CPython's rounding: the odd extra column goes left only when width is odd too.
  int64_t left = margin / 2 + (margin & width & 1);
  return pad(s, left, margin - left, fill);
}

std::string ljust(std::string_view s, int64_t width, char32_t fill) {
  return pad(s, 0, std::max<int64_t>(width - utf8_length(s), 0), fill);
}

std::string rjust(std::string_view s, int64_t width, char32_t fill) {
  return pad(s, std::max<int64_t>(width - utf8_length(s), 0), 0, fill);
}

std::string zfill(std::string_view s, int64_t width) {
  int64_t fill = width - utf8_length(s);
  if (fill <= 0) return std::string(s);
  std::string out = std::string(static_cast<size_t>(fill), '0') + std::string(s);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {  // the sign moves in front of the zeros
    out[0] = s[0];
    out[static_cast<size_t>(fill)] = '0';
  }
  return out;
}

std::string expandtabs(std::string_view s, int64_t tabsize) {
  std::string out;
  int64_t column = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t begin = pos;
    char32_t c = utf8_decode(s, pos);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - column % tabsize;
        out.append(static_cast<size_t>(n), ' ');
        column += n;
      }
      continue;
    }
    out += s.substr(begin, pos - begin);
    column = (c == '\n' || c == '\r') ? 0 : column + 1;
  }
  return out;
}

// ---- searching ------------------------------------------------------------------------

std::string replace(std::string_view s, std::string_view old, std::string_view repl,
                    int64_t count) {
  if (count < 0) count = kNoEnd;
  if (count == 0) return std::string(s);
  std::string out;
  if (old.empty()) {  // insert before every code point and at the end, up to count times
    size_t pos = 0;
    for (; count > 0 && pos < s.size(); --count) {
      out += repl;
      size_t begin = pos;
      utf8_decode(s, pos);
      out += s.substr(begin, pos - begin);
    }
    if (count > 0) out += repl;
    out += s.substr(pos);
    return out;
  }
  size_t pos = 0;
  for (; count > 0; --count) {
    size_t hit = s.find(old, pos);
    if (hit == std::string_view::npos) break;
    out += s.substr(pos, hit - pos);
    out += repl;
    pos = hit + old.size();
  }
  out += s.substr(pos);
  return out;
}

int64_t find(std::string_view s, std::string_view sub, int64_t start, int64_t end) {
  adjust_indices(start, end, utf8_length(s));
  if (end - start < utf8_length(sub)) return -1;
  ByteRange r = byte_range(s, start, end);
  size_t hit = s.substr(r.begin, r.end - r.begin).find(sub);
  if (hit == std::string_view::npos) return -1;
  return start + utf8_length(s.substr(r.begin, hit));
}

int64_t rfind(std::string_view s, std::string_view sub, int64_t start, int64_t end) {
  adjust_indices(start, end, utf8_length(s));
  if (end - start < utf8_length(sub)) return -1;
  ByteRange r = byte_range(s, start, end);
  size_t hit = s.substr(r.begin, r.end - r.begin).rfind(sub);
  if (hit == std::string_view::npos) return -1;
  return start + utf8_length(s.substr(r.begin, hit));
}

int64_t count(std::string_view s, std::string_view sub, int64_t start, int64_t end) {
  adjust_indices(start, end, utf8_length(s));
  if (end - start < utf8_length(sub)) return 0;
  if (sub.empty()) return end - start + 1;  // every gap between code points, ends included
  ByteRange r = byte_range(s, start, end);
  std::string_view hay = s.substr(r.begin, r.end - r.begin);
  int64_t n = 0;
  for (size_t pos = hay.find(sub); pos != std::string_view::npos;
       pos = hay.find(sub, pos + sub.size()))
    ++n;
  return n;
}

bool startswith(std::string_view s, std::string_view prefix, int64_t start, int64_t end) {
  adjust_indices(start, end, utf8_length(s));
  if (end - utf8_length(prefix) < start) return false;
  ByteRange r = byte_range(s, start, end);
  return s.substr(r.begin, r.end - r.begin).substr(0, prefix.size()) == prefix;
}

bool endswith(std::string_view s, std::string_view suffix, int64_t start, int64_t end) {
  adjust_indices(start, end, utf8_length(s));
  if (end - utf8_length(suffix) < start) return false;
  ByteRange r = byte_range(s, start, end);
  std::string_view window = s.substr(r.begin, r.end - r.begin);
  return window.size() >= suffix.size() && window.substr(window.size() - suffix.size()) == suffix;
}

// ---- case -----------------------------------------------------------------------------

std::string upper(std::string_view s) {
  return map_chars(
      s, [](char& ch, bool&) { ch = to_ascii_upper(ch); },
      [](const std::u32string& cps, size_t i, std::u32string& out) {
        append_mapped(cps[i], Case::Upper, out);
      });
}

std::string lower(std::string_view s) {
  return map_chars(
      s, [](char& ch, bool&) { ch = to_ascii_lower(ch); },
      [](const std::u32string& cps, size_t i, std::u32string& out) {
        append_lower_at(cps, i, out);
      });
}

std::string casefold(std::string_view s) {
  return map_chars(
      s, [](char& ch, bool&) { ch = to_ascii_lower(ch); },
      [](const std::u32string& cps, size_t i, std::u32string& out) {
        append_mapped(cps[i], Case::Fold, out);
      });
}

std::string swapcase(std::string_view s) {
  return map_chars(
      s,
      [](char& ch, bool&) { ch = ascii_upper(ch) ? to_ascii_lower(ch) : to_ascii_upper(ch); },
      [](const std::u32string& cps, size_t i, std::u32string& out) {
        if (char_is_upper(cps[i])) append_lower_at(cps, i, out);
        else if (char_is_lower(cps[i])) append_mapped(cps[i], Case::Upper, out);
        else out += cps[i];
      });
}

std::string title(std::string_view s) {
  bool previous_cased = false;  // for the non-ASCII path; the ASCII path has its own flag
  return map_chars(
      s,
      [](char& ch, bool& prev) {
        bool cased = ascii_upper(ch) || ascii_lower(ch);
        ch = prev ? to_ascii_lower(ch) : to_ascii_upper(ch);
        prev = cased;
      },
      [&](const std::u32string& cps, size_t i, std::u32string& out) {
        if (previous_cased) append_lower_at(cps, i, out);
        else append_mapped(cps[i], Case::Title, out);
        previous_cased = char_is_cased(cps[i]);
      });
}

std::string capitalize(std::string_view s) {
  bool first = true;
  return map_chars(
      s,
      [&](char& ch, bool&) {
        ch = first ? to_ascii_upper(ch) : to_ascii_lower(ch);
        first = false;
      },
      [](const std::u32string& cps, size_t i, std::u32string& out) {
        if (i == 0) append_mapped(cps[i], Case::Title, out);
        else append_lower_at(cps, i, out);
      });
}

// ---- predicates -----------------------------------------------------------------------

namespace {
template <typename Pred>
bool all_chars(std::string_view s, Pred pred) {
  if (s.empty()) return false;
  for (size_t pos = 0; pos < s.size();)
    if (!pred(utf8_decode(s, pos))) return false;
  return true;
}
}  // namespace

bool isalpha(std::string_view s) { return all_chars(s, char_is_alpha); }
bool isdigit(std::string_view s) { return all_chars(s, char_is_digit); }
bool isdecimal(std::string_view s) { return all_chars(s, char_is_decimal); }
bool isnumeric(std::string_view s) { return all_chars(s, char_is_numeric); }
bool isspace(std::string_view s) { return all_chars(s, char_is_space); }
bool isprintable(std::string_view s) { return s.empty() || all_chars(s, char_is_printable); }

bool isalnum(std::string_view s) {
  return all_chars(s, [](char32_t c) { return char_is_alpha(c) || char_is_numeric(c); });
}

bool isupper(std::string_view s) {
  bool cased = false;
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = utf8_decode(s, pos);
    if (char_is_lower(c)) return false;
    cased = cased || char_is_upper(c);
  }
  return cased;
}

bool islower(std::string_view s) {
  bool cased = false;
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = utf8_decode(s, pos);
    if (char_is_upper(c)) return false;
    cased = cased || char_is_lower(c);
  }
  return cased;
}

bool istitle(std::string_view s) {
  bool cased = false, previous_cased = false;
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = utf8_decode(s, pos);
    if (char_is_upper(c)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (char_is_lower(c)) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

bool isidentifier(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  char32_t first = utf8_decode(s, pos);
  bool start = first == '_' || in_xid_start_extra(first) ||
               (char_is_alpha(first) && !in_xid_start_exclude(first));
  if (!start) return false;
  while (pos < s.size()) {
    char32_t c = utf8_decode(s, pos);
    bool cont = c == '_' || char_is_decimal(c) || in_xid_continue_extra(c) ||
                in_xid_start_extra(c) || (char_is_alpha(c) && !in_xid_start_exclude(c));
    if (!cont) return false;
  }
  return true;
}

// ---- repr -----------------------------------------------------------------------------

std::string py_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex = [&](std::string& out, char32_t c, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
  };
  std::string out(1, quote);
  out.reserve(s.size() + 2);
  for (size_t pos = 0; pos < s.size();) {
    size_t begin = pos;
    char32_t c = utf8_decode(s, pos);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      hex(out, c, 2);
    } else if (c < 0x7F || char_is_printable(c)) {
      out += s.substr(begin, pos - begin);
    } else if (c <= 0xFF) {
      out += "\\x";
      hex(out, c, 2);
    } else if (c <= 0xFFFF) {
      out += "\\u";
      hex(out, c, 4);
    } else {
      out += "\\U";
      hex(out, c, 8);
    }
  }
  out += quote;
  return out;
}

// ---- Unicode data ---------------------------------------------------------------------
// Generated from CPython 3.11's unicodedata (Unicode 14.0) by scanning every code point
// with str.isdecimal/isdigit/isnumeric/isalpha/isprintable/lower/upper; see the header
// for where a table is deliberately coarser than CPython.

namespace {

struct Range {
  char32_t first, last;
};

template <size_t N>
const Range* find_range(const Range (&table)[N], char32_t c) {
  const Range* it = std::upper_bound(std::begin(table), std::end(table), c,
                                     [](char32_t v, const Range& r) { return v < r.first; });
  if (it == std::begin(table) || c > (it - 1)->last) return nullptr;
  return it - 1;
}

// Nd: decimal digits; every range starts at a digit zero.
constexpr Range kDecimal[] = {
    {0x30, 0x39}, {0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F}, {0x9E6, 0x9EF},
    {0xA66, 0xA6F}, {0xAE6, 0xAEF}, {0xB66, 0xB6F}, {0xBE6, 0xBEF}, {0xC66, 0xC6F},
    {0xCE6, 0xCEF}, {0xD66, 0xD6F}, {0xDE6, 0xDEF}, {0xE50, 0xE59}, {0xED0, 0xED9},
    {0xF20, 0xF29}, {0x1040, 0x1049}, {0x1090, 0x1099}, {0x17E0, 0x17E9}, {0x1810, 0x1819},
    {0x1946, 0x194F}, {0x19D0, 0x19D9}, {0x1A80, 0x1A89}, {0x1A90, 0x1A99}, {0x1B50, 0x1B59},
    {0x1BB0, 0x1BB9}, {0x1C40, 0x1C49}, {0x1C50, 0x1C59}, {0xA620, 0xA629}, {0xA8D0, 0xA8D9},
    {0xA900, 0xA909}, {0xA9D0, 0xA9D9}, {0xA9F0, 0xA9F9}, {0xAA50, 0xAA59}, {0xABF0, 0xABF9},
    {0xFF10, 0xFF19}, {0x104A0, 0x104A9}, {0x10D30, 0x10D39}, {0x11066, 0x1106F},
    {0x110F0, 0x110F9}, {0x11136, 0x1113F}, {0x111D0, 0x111D9}, {0x112F0, 0x112F9},
    {0x11450, 0x11459}, {0x114D0, 0x114D9}, {0x11650, 0x11659}, {0x116C0, 0x116C9},
    {0x11730, 0x11739}, {0x118E0, 0x118E9}, {0x11950, 0x11959}, {0x11C50, 0x11C59},
    {0x11D50, 0x11D59}, {0x11DA0, 0x11DA9}, {0x16A60, 0x16A69}, {0x16AC0, 0x16AC9},
    {0x16B50, 0x16B59}, {0x1D7CE, 0x1D7FF}, {0x1E140, 0x1E149}, {0x1E2F0, 0x1E2F9},
    {0x1E950, 0x1E959}, {0x1FBF0, 0x1FBF9},
};
// Digit but not decimal (superscripts, circled digits...).
constexpr Range kDigitOnly[] = {
    {0xB2, 0xB3}, {0xB9, 0xB9}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
    {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
    {0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
    {0x278A, 0x2792}, {0x10A40, 0x10A43}, {0x10E60, 0x10E68}, {0x11052, 0x1105A},
    {0x1F100, 0x1F10A},
};
// Numeric but not digit (fractions, Roman numerals, Han numerals...).
constexpr Range kNumericOnly[] = {
    {0xBC, 0xBE}, {0x9F4, 0x9F9}, {0xB72, 0xB77}, {0xBF0, 0xBF2}, {0xC78, 0xC7E}, {0xD58, 0xD5E},
    {0xD70, 0xD78}, {0xF2A, 0xF33}, {0x1372, 0x137C}, {0x16EE, 0x16F0}, {0x17F0, 0x17F9},
    {0x2150, 0x2182}, {0x2185, 0x2189}, {0x2469, 0x2473}, {0x247D, 0x2487}, {0x2491, 0x249B},
    {0x24EB, 0x24F4}, {0x24FE, 0x24FE}, {0x277F, 0x277F}, {0x2789, 0x2789}, {0x2793, 0x2793},
    {0x2CFD, 0x2CFD}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303A}, {0x3192, 0x3195},
    {0x3220, 0x3229}, {0x3248, 0x324F}, {0x3251, 0x325F}, {0x3280, 0x3289}, {0x32B1, 0x32BF},
    {0x3405, 0x3405}, {0x3483, 0x3483}, {0x382A, 0x382A}, {0x3B4D, 0x3B4D}, {0x4E00, 0x4E00},
    {0x4E03, 0x4E03}, {0x4E07, 0x4E07}, {0x4E09, 0x4E09}, {0x4E5D, 0x4E5D}, {0x4E8C, 0x4E8C},
    {0x4E94, 0x4E94}, {0x4E96, 0x4E96}, {0x4EBF, 0x4EC0}, {0x4EDF, 0x4EDF}, {0x4EE8, 0x4EE8},
    {0x4F0D, 0x4F0D}, {0x4F70, 0x4F70}, {0x5104, 0x5104}, {0x5146, 0x5146}, {0x5169, 0x5169},
    {0x516B, 0x516B}, {0x516D, 0x516D}, {0x5341, 0x5341}, {0x5343, 0x5345}, {0x534C, 0x534C},
    {0x53C1, 0x53C4}, {0x56DB, 0x56DB}, {0x58F1, 0x58F1}, {0x58F9, 0x58F9}, {0x5E7A, 0x5E7A},
    {0x5EFE, 0x5EFF}, {0x5F0C, 0x5F0E}, {0x5F10, 0x5F10}, {0x62FE, 0x62FE}, {0x634C, 0x634C},
    {0x67D2, 0x67D2}, {0x6F06, 0x6F06}, {0x7396, 0x7396}, {0x767E, 0x767E}, {0x8086, 0x8086},
    {0x842C, 0x842C}, {0x8CAE, 0x8CAE}, {0x8CB3, 0x8CB3}, {0x8D30, 0x8D30}, {0x9621, 0x9621},
    {0x9646, 0x9646}, {0x964C, 0x964C}, {0x9678, 0x9678}, {0x96F6, 0x96F6}, {0xA6E6, 0xA6EF},
    {0xA830, 0xA835}, {0xF96B, 0xF96B}, {0xF973, 0xF973}, {0xF978, 0xF978}, {0xF9B2, 0xF9B2},
    {0xF9D1, 0xF9D1}, {0xF9D3, 0xF9D3}, {0xF9FD, 0xF9FD}, {0x10107, 0x10133}, {0x10140, 0x10178},
    {0x1018A, 0x1018B}, {0x102E1, 0x102FB}, {0x10320, 0x10323}, {0x10341, 0x10341},
    {0x1034A, 0x1034A}, {0x103D1, 0x103D5}, {0x10858, 0x1085F}, {0x10879, 0x1087F},
    {0x108A7, 0x108AF}, {0x108FB, 0x108FF}, {0x10916, 0x1091B}, {0x109BC, 0x109BD},
    {0x109C0, 0x109CF}, {0x109D2, 0x109FF}, {0x10A44, 0x10A48}, {0x10A7D, 0x10A7E},
    {0x10A9D, 0x10A9F}, {0x10AEB, 0x10AEF}, {0x10B58, 0x10B5F}, {0x10B78, 0x10B7F},
    {0x10BA9, 0x10BAF}, {0x10CFA, 0x10CFF}, {0x10E69, 0x10E7E}, {0x10F1D, 0x10F26},
    {0x10F51, 0x10F54}, {0x10FC5, 0x10FCB}, {0x1105B, 0x11065}, {0x111E1, 0x111F4},
    {0x1173A, 0x1173B}, {0x118EA, 0x118F2}, {0x11C5A, 0x11C6C}, {0x11FC0, 0x11FD4},
    {0x12400, 0x1246E}, {0x16B5B, 0x16B61}, {0x16E80, 0x16E96}, {0x1D2E0, 0x1D2F3},
    {0x1D360, 0x1D378}, {0x1E8C7, 0x1E8CF}, {0x1EC71, 0x1ECAB}, {0x1ECAD, 0x1ECAF},
    {0x1ECB1, 0x1ECB4}, {0x1ED01, 0x1ED2D}, {0x1ED2F, 0x1ED3D}, {0x1F10B, 0x1F10C},
    {0x20001, 0x20001}, {0x20064, 0x20064}, {0x200E2, 0x200E2}, {0x20121, 0x20121},
    {0x2092A, 0x2092A}, {0x20983, 0x20983}, {0x2098C, 0x2098C}, {0x2099C, 0x2099C},
    {0x20AEA, 0x20AEA}, {0x20AFD, 0x20AFD}, {0x20B19, 0x20B19}, {0x22390, 0x22390},
    {0x22998, 0x22998}, {0x23B1B, 0x23B1B}, {0x2626D, 0x2626D}, {0x2F890, 0x2F890},
};
// Letters (L*): exact in the BMP; beyond it, gaps shorter than 16 are bridged.
constexpr Range kAlpha[] = {
    {0x41, 0x5A}, {0x61, 0x7A}, {0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6},
    {0xD8, 0xF6}, {0xF8, 0x2C1}, {0x2C6, 0x2D1}, {0x2E0, 0x2E4}, {0x2EC, 0x2EC}, {0x2EE, 0x2EE},
    {0x370, 0x374}, {0x376, 0x377}, {0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386},
    {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1}, {0x3A3, 0x3F5}, {0x3F7, 0x481},
    {0x48A, 0x52F}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588}, {0x5D0, 0x5EA},
    {0x5EF, 0x5F2}, {0x620, 0x64A}, {0x66E, 0x66F}, {0x671, 0x6D3}, {0x6D5, 0x6D5},
    {0x6E5, 0x6E6}, {0x6EE, 0x6EF}, {0x6FA, 0x6FC}, {0x6FF, 0x6FF}, {0x710, 0x710},
    {0x712, 0x72F}, {0x74D, 0x7A5}, {0x7B1, 0x7B1}, {0x7CA, 0x7EA}, {0x7F4, 0x7F5},
    {0x7FA, 0x7FA}, {0x800, 0x815}, {0x81A, 0x81A}, {0x824, 0x824}, {0x828, 0x828},
    {0x840, 0x858}, {0x860, 0x86A}, {0x870, 0x887}, {0x889, 0x88E}, {0x8A0, 0x8C9},
    {0x904, 0x939}, {0x93D, 0x93D}, {0x950, 0x950}, {0x958, 0x961}, {0x971, 0x980},
    {0x985, 0x98C}, {0x98F, 0x990}, {0x993, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2},
    {0x9B6, 0x9B9}, {0x9BD, 0x9BD}, {0x9CE, 0x9CE}, {0x9DC, 0x9DD}, {0x9DF, 0x9E1},
    {0x9F0, 0x9F1}, {0x9FC, 0x9FC}, {0xA05, 0xA0A}, {0xA0F, 0xA10}, {0xA13, 0xA28},
    {0xA2A, 0xA30}, {0xA32, 0xA33}, {0xA35, 0xA36}, {0xA38, 0xA39}, {0xA59, 0xA5C},
    {0xA5E, 0xA5E}, {0xA72, 0xA74}, {0xA85, 0xA8D}, {0xA8F, 0xA91}, {0xA93, 0xAA8},
    {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xABD, 0xABD}, {0xAD0, 0xAD0},
    {0xAE0, 0xAE1}, {0xAF9, 0xAF9}, {0xB05, 0xB0C}, {0xB0F, 0xB10}, {0xB13, 0xB28},
    {0xB2A, 0xB30}, {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB3D, 0xB3D}, {0xB5C, 0xB5D},
    {0xB5F, 0xB61}, {0xB71, 0xB71}, {0xB83, 0xB83}, {0xB85, 0xB8A}, {0xB8E, 0xB90},
    {0xB92, 0xB95}, {0xB99, 0xB9A}, {0xB9C, 0xB9C}, {0xB9E, 0xB9F}, {0xBA3, 0xBA4},
    {0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBD0, 0xBD0}, {0xC05, 0xC0C}, {0xC0E, 0xC10},
    {0xC12, 0xC28}, {0xC2A, 0xC39}, {0xC3D, 0xC3D}, {0xC58, 0xC5A}, {0xC5D, 0xC5D},
    {0xC60, 0xC61}, {0xC80, 0xC80}, {0xC85, 0xC8C}, {0xC8E, 0xC90}, {0xC92, 0xCA8},
    {0xCAA, 0xCB3}, {0xCB5, 0xCB9}, {0xCBD, 0xCBD}, {0xCDD, 0xCDE}, {0xCE0, 0xCE1},
    {0xCF1, 0xCF2}, {0xD04, 0xD0C}, {0xD0E, 0xD10}, {0xD12, 0xD3A}, {0xD3D, 0xD3D},
    {0xD4E, 0xD4E}, {0xD54, 0xD56}, {0xD5F, 0xD61}, {0xD7A, 0xD7F}, {0xD85, 0xD96},
    {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD}, {0xDC0, 0xDC6}, {0xE01, 0xE30},
    {0xE32, 0xE33}, {0xE40, 0xE46}, {0xE81, 0xE82}, {0xE84, 0xE84}, {0xE86, 0xE8A},
    {0xE8C, 0xEA3}, {0xEA5, 0xEA5}, {0xEA7, 0xEB0}, {0xEB2, 0xEB3}, {0xEBD, 0xEBD},
    {0xEC0, 0xEC4}, {0xEC6, 0xEC6}, {0xEDC, 0xEDF}, {0xF00, 0xF00}, {0xF40, 0xF47},
    {0xF49, 0xF6C}, {0xF88, 0xF8C}, {0x1000, 0x102A}, {0x103F, 0x103F}, {0x1050, 0x1055},
    {0x105A, 0x105D}, {0x1061, 0x1061}, {0x1065, 0x1066}, {0x106E, 0x1070}, {0x1075, 0x1081},
    {0x108E, 0x108E}, {0x10A0, 0x10C5}, {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA},
    {0x10FC, 0x1248}, {0x124A, 0x124D}, {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125A, 0x125D},
    {0x1260, 0x1288}, {0x128A, 0x128D}, {0x1290, 0x12B0}, {0x12B2, 0x12B5}, {0x12B8, 0x12BE},
    {0x12C0, 0x12C0}, {0x12C2, 0x12C5}, {0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315},
    {0x1318, 0x135A}, {0x1380, 0x138F}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1401, 0x166C},
    {0x166F, 0x167F}, {0x1681, 0x169A}, {0x16A0, 0x16EA}, {0x16F1, 0x16F8}, {0x1700, 0x1711},
    {0x171F, 0x1731}, {0x1740, 0x1751}, {0x1760, 0x176C}, {0x176E, 0x1770}, {0x1780, 0x17B3},
    {0x17D7, 0x17D7}, {0x17DC, 0x17DC}, {0x1820, 0x1878}, {0x1880, 0x1884}, {0x1887, 0x18A8},
    {0x18AA, 0x18AA}, {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1950, 0x196D}, {0x1970, 0x1974},
    {0x1980, 0x19AB}, {0x19B0, 0x19C9}, {0x1A00, 0x1A16}, {0x1A20, 0x1A54}, {0x1AA7, 0x1AA7},
    {0x1B05, 0x1B33}, {0x1B45, 0x1B4C}, {0x1B83, 0x1BA0}, {0x1BAE, 0x1BAF}, {0x1BBA, 0x1BE5},
    {0x1C00, 0x1C23}, {0x1C4D, 0x1C4F}, {0x1C5A, 0x1C7D}, {0x1C80, 0x1C88}, {0x1C90, 0x1CBA},
    {0x1CBD, 0x1CBF}, {0x1CE9, 0x1CEC}, {0x1CEE, 0x1CF3}, {0x1CF5, 0x1CF6}, {0x1CFA, 0x1CFA},
    {0x1D00, 0x1DBF}, {0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D},
    {0x1F50, 0x1F57}, {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D},
    {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC},
    {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC},
    {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C}, {0x2102, 0x2102}, {0x2107, 0x2107},
    {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126},
    {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F}, {0x2145, 0x2149},
    {0x214E, 0x214E}, {0x2183, 0x2184}, {0x2C00, 0x2CE4}, {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3},
    {0x2D00, 0x2D25}, {0x2D27, 0x2D27}, {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67}, {0x2D6F, 0x2D6F},
    {0x2D80, 0x2D96}, {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE}, {0x2DB0, 0x2DB6}, {0x2DB8, 0x2DBE},
    {0x2DC0, 0x2DC6}, {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6}, {0x2DD8, 0x2DDE}, {0x2E2F, 0x2E2F},
    {0x3005, 0x3006}, {0x3031, 0x3035}, {0x303B, 0x303C}, {0x3041, 0x3096}, {0x309D, 0x309F},
    {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x31A0, 0x31BF},
    {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0xA48C}, {0xA4D0, 0xA4FD}, {0xA500, 0xA60C},
    {0xA610, 0xA61F}, {0xA62A, 0xA62B}, {0xA640, 0xA66E}, {0xA67F, 0xA69D}, {0xA6A0, 0xA6E5},
    {0xA717, 0xA71F}, {0xA722, 0xA788}, {0xA78B, 0xA7CA}, {0xA7D0, 0xA7D1}, {0xA7D3, 0xA7D3},
    {0xA7D5, 0xA7D9}, {0xA7F2, 0xA801}, {0xA803, 0xA805}, {0xA807, 0xA80A}, {0xA80C, 0xA822},
    {0xA840, 0xA873}, {0xA882, 0xA8B3}, {0xA8F2, 0xA8F7}, {0xA8FB, 0xA8FB}, {0xA8FD, 0xA8FE},
    {0xA90A, 0xA925}, {0xA930, 0xA946}, {0xA960, 0xA97C}, {0xA984, 0xA9B2}, {0xA9CF, 0xA9CF},
    {0xA9E0, 0xA9E4}, {0xA9E6, 0xA9EF}, {0xA9FA, 0xA9FE}, {0xAA00, 0xAA28}, {0xAA40, 0xAA42},
    {0xAA44, 0xAA4B}, {0xAA60, 0xAA76}, {0xAA7A, 0xAA7A}, {0xAA7E, 0xAAAF}, {0xAAB1, 0xAAB1},
    {0xAAB5, 0xAAB6}, {0xAAB9, 0xAABD}, {0xAAC0, 0xAAC0}, {0xAAC2, 0xAAC2}, {0xAADB, 0xAADD},
    {0xAAE0, 0xAAEA}, {0xAAF2, 0xAAF4}, {0xAB01, 0xAB06}, {0xAB09, 0xAB0E}, {0xAB11, 0xAB16},
    {0xAB20, 0xAB26}, {0xAB28, 0xAB2E}, {0xAB30, 0xAB5A}, {0xAB5C, 0xAB69}, {0xAB70, 0xABE2},
    {0xAC00, 0xD7A3}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9},
    {0xFB00, 0xFB06}, {0xFB13, 0xFB17}, {0xFB1D, 0xFB1D}, {0xFB1F, 0xFB28}, {0xFB2A, 0xFB36},
    {0xFB38, 0xFB3C}, {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41}, {0xFB43, 0xFB44}, {0xFB46, 0xFBB1},
    {0xFBD3, 0xFD3D}, {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDF0, 0xFDFB}, {0xFE70, 0xFE74},
    {0xFE76, 0xFEFC}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7},
    {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC}, {0x10000, 0x1005D}, {0x10080, 0x100FA},
    {0x10280, 0x102D0}, {0x10300, 0x103CF}, {0x10400, 0x1049D}, {0x104B0, 0x105BC},
    {0x10600, 0x10767}, {0x10780, 0x107BA}, {0x10800, 0x1089E}, {0x108E0, 0x10939},
    {0x10980, 0x109BF}, {0x10A00, 0x10A35}, {0x10A60, 0x10A9C}, {0x10AC0, 0x10AE4},
    {0x10B00, 0x10B91}, {0x10C00, 0x10C48}, {0x10C80, 0x10D23}, {0x10E80, 0x10EB1},
    {0x10F00, 0x10F45}, {0x10F70, 0x10F81}, {0x10FB0, 0x10FC4}, {0x10FE0, 0x11037},
    {0x11071, 0x110AF}, {0x110D0, 0x110E8}, {0x11103, 0x11126}, {0x11144, 0x111C4},
    {0x111DA, 0x111DC}, {0x11200, 0x1122B}, {0x11280, 0x112DE}, {0x11305, 0x1133D},
    {0x11350, 0x11361}, {0x11400, 0x11434}, {0x11447, 0x1144A}, {0x1145F, 0x11461},
    {0x11480, 0x114AF}, {0x114C4, 0x114C7}, {0x11580, 0x115AE}, {0x115D8, 0x115DB},
    {0x11600, 0x1162F}, {0x11644, 0x11644}, {0x11680, 0x116B8}, {0x11700, 0x1171A},
    {0x11740, 0x11746}, {0x11800, 0x1182B}, {0x118A0, 0x118DF}, {0x118FF, 0x11941},
    {0x119A0, 0x119D0}, {0x119E1, 0x119E3}, {0x11A00, 0x11A3A}, {0x11A50, 0x11A89},
    {0x11A9D, 0x11A9D}, {0x11AB0, 0x11AF8}, {0x11C00, 0x11C2E}, {0x11C40, 0x11C40},
    {0x11C72, 0x11C8F}, {0x11D00, 0x11D30}, {0x11D46, 0x11D46}, {0x11D60, 0x11D98},
    {0x11EE0, 0x11EF2}, {0x11FB0, 0x11FB0}, {0x12000, 0x12399}, {0x12480, 0x12543},
    {0x12F90, 0x1342E}, {0x14400, 0x14646}, {0x16800, 0x16A5E}, {0x16A70, 0x16ABE},
    {0x16AD0, 0x16AED}, {0x16B00, 0x16B2F}, {0x16B40, 0x16B43}, {0x16B63, 0x16B8F},
    {0x16E40, 0x16E7F}, {0x16F00, 0x16F50}, {0x16F93, 0x16F9F}, {0x16FE0, 0x16FE3},
    {0x17000, 0x18CD5}, {0x18D00, 0x18D08}, {0x1AFF0, 0x1B122}, {0x1B150, 0x1B152},
    {0x1B164, 0x1B2FB}, {0x1BC00, 0x1BC99}, {0x1D400, 0x1D7CB}, {0x1DF00, 0x1DF1E},
    {0x1E100, 0x1E13D}, {0x1E14E, 0x1E14E}, {0x1E290, 0x1E2AD}, {0x1E2C0, 0x1E2EB},
    {0x1E7E0, 0x1E8C4}, {0x1E900, 0x1E94B}, {0x1EE00, 0x1EEBB}, {0x20000, 0x2A6DF},
    {0x2A700, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
};
// Not printable: exact for assigned code points; unassigned holes under 64 are missed.
constexpr Range kNonPrintable[] = {
    {0x0, 0x1F}, {0x7F, 0xA0}, {0xAD, 0xAD}, {0x378, 0x379}, {0x380, 0x383}, {0x38B, 0x38B},
    {0x38D, 0x38D}, {0x3A2, 0x3A2}, {0x5F5, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD},
    {0x70E, 0x70F}, {0x88F, 0x897}, {0x8E2, 0x8E2}, {0x1680, 0x1680}, {0x180E, 0x180E},
    {0x1FFF, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x2FFC, 0x3000}, {0xD7FC, 0xF8FF},
    {0xFDD0, 0xFDEF}, {0xFEFD, 0xFF00}, {0xFFEF, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x101FE, 0x1027F},
    {0x105BD, 0x105FF}, {0x107BB, 0x107FF}, {0x10940, 0x1097F}, {0x10BB0, 0x10BFF},
    {0x10D3A, 0x10E5F}, {0x10EB2, 0x10EFF}, {0x110BD, 0x110BD}, {0x110C3, 0x110CF},
    {0x1123F, 0x1127F}, {0x11375, 0x113FF}, {0x114DA, 0x1157F}, {0x11747, 0x117FF},
    {0x1183C, 0x1189F}, {0x1195A, 0x1199F}, {0x11AF9, 0x11BFF}, {0x11CB7, 0x11CFF},
    {0x11DAA, 0x11EDF}, {0x11EF9, 0x11FAF}, {0x1239A, 0x123FF}, {0x12544, 0x12F8F},
    {0x1342F, 0x143FF}, {0x14647, 0x167FF}, {0x16B90, 0x16E3F}, {0x16E9B, 0x16EFF},
    {0x16FA0, 0x16FDF}, {0x18D09, 0x1AFEF}, {0x1B2FC, 0x1BBFF}, {0x1BCA0, 0x1CEFF},
    {0x1D173, 0x1D17A}, {0x1D246, 0x1D2DF}, {0x1D379, 0x1D3FF}, {0x1DAB0, 0x1DEFF},
    {0x1DF1F, 0x1DFFF}, {0x1E02B, 0x1E0FF}, {0x1E150, 0x1E28F}, {0x1E300, 0x1E7DF},
    {0x1E960, 0x1EC70}, {0x1ECB5, 0x1ED00}, {0x1ED3E, 0x1EDFF}, {0x1EEF2, 0x1EFFF},
    {0x1F266, 0x1F2FF}, {0x1F8B2, 0x1F8FF}, {0x1FBFA, 0x1FFFF}, {0x2EBE1, 0x2F7FF},
    {0x2FA1E, 0x2FFFF}, {0x3134B, 0xE00FF}, {0xE01F0, 0x10FFFF},
};
// Case_Ignorable: exact below U+0530; beyond it only Cf, word-internal punctuation and
// the combining-mark blocks.
constexpr Range kCaseIgnorable[] = {
    {0x27, 0x27}, {0x2E, 0x2E}, {0x3A, 0x3A}, {0x5E, 0x5E}, {0x60, 0x60}, {0xA8, 0xA8},
    {0xAD, 0xAD}, {0xAF, 0xAF}, {0xB4, 0xB4}, {0xB7, 0xB8}, {0x2B0, 0x36F}, {0x374, 0x375},
    {0x37A, 0x37A}, {0x384, 0x385}, {0x387, 0x387}, {0x483, 0x489}, {0x55F, 0x55F},
    {0x5F4, 0x5F4}, {0x600, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70F, 0x70F},
    {0x890, 0x891}, {0x8E2, 0x8E2}, {0x180E, 0x180E}, {0x1AB0, 0x1ACE}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x2018, 0x2019}, {0x2024, 0x2024}, {0x2027, 0x2027}, {0x202A, 0x202E},
    {0x2060, 0x2064}, {0x2066, 0x206F}, {0x20D0, 0x20F0}, {0xFE00, 0xFE0F}, {0xFE13, 0xFE13},
    {0xFE20, 0xFE2F}, {0xFE52, 0xFE52}, {0xFE55, 0xFE55}, {0xFEFF, 0xFEFF}, {0xFF07, 0xFF07},
    {0xFF0E, 0xFF0E}, {0xFF1A, 0xFF1A}, {0xFFF9, 0xFFFB},
};

// Identifier characters differing from "letter or underscore" (XID_Start), and the
// non-letter XID_Continue characters: exact below U+0530, partial beyond (see header).
constexpr Range kXidStartExtra[] = {
    {0x16EE, 0x16F0}, {0x1885, 0x1886}, {0x2118, 0x2118}, {0x212E, 0x212E}, {0x2160, 0x2182},
    {0x2185, 0x2188}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303A}, {0xA6E6, 0xA6EF},
    {0x10140, 0x10174}, {0x10341, 0x10341}, {0x1034A, 0x1034A}, {0x103D1, 0x103D5},
    {0x12400, 0x1246E},
};
constexpr Range kXidStartExclude[] = {
    {0x37A, 0x37A}, {0xE33, 0xE33}, {0xEB3, 0xEB3}, {0x2E2F, 0x2E2F}, {0xFC5E, 0xFC63},
    {0xFDFA, 0xFDFB}, {0xFE70, 0xFE70}, {0xFE72, 0xFE72}, {0xFE74, 0xFE74}, {0xFE76, 0xFE76},
    {0xFE78, 0xFE78}, {0xFE7A, 0xFE7A}, {0xFE7C, 0xFE7C}, {0xFE7E, 0xFE7E}, {0xFF9E, 0xFF9F},
};
constexpr Range kXidContinueExtra[] = {
    {0xB7, 0xB7}, {0x300, 0x36F}, {0x387, 0x387}, {0x483, 0x487}, {0xE33, 0xE33},
    {0xEB3, 0xEB3}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x1AB0, 0x1ABD}, {0x1ABF, 0x1ACE},
    {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054}, {0x20D0, 0x20DC}, {0x20E1, 0x20E1},
    {0x20E5, 0x20F0}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F},
    {0xFF3F, 0xFF3F}, {0xFF9E, 0xFF9F},
};

// Simple case mappings of U+0000-U+017F and U+0370-U+052F as runs: an uppercase run maps
// to lowercase by +delta, a lowercase run to uppercase by +delta, and a pair run
// alternates capital, small, capital, small...
enum CaseKind : uint8_t { kToLower, kToUpper, kPairs };
struct CaseRun {
  char32_t first, last;
  int32_t delta;
  CaseKind kind;
};
constexpr CaseRun kCaseRuns[] = {
    {0x41, 0x5A, 32, kToLower}, {0x61, 0x7A, -32, kToUpper}, {0xB5, 0xB5, 743, kToUpper},
    {0xC0, 0xD6, 32, kToLower}, {0xD8, 0xDE, 32, kToLower}, {0xE0, 0xF6, -32, kToUpper},
    {0xF8, 0xFE, -32, kToUpper}, {0xFF, 0xFF, 121, kToUpper}, {0x100, 0x12F, 0, kPairs},
    {0x131, 0x131, -232, kToUpper}, {0x132, 0x137, 0, kPairs}, {0x139, 0x148, 0, kPairs},
    {0x14A, 0x177, 0, kPairs}, {0x178, 0x178, -121, kToLower}, {0x179, 0x17E, 0, kPairs},
    {0x17F, 0x17F, -300, kToUpper}, {0x370, 0x373, 0, kPairs}, {0x376, 0x376, 1, kToLower},
    {0x377, 0x377, -1, kToUpper}, {0x37B, 0x37D, 130, kToUpper}, {0x37F, 0x37F, 116, kToLower},
    {0x386, 0x386, 38, kToLower}, {0x388, 0x38A, 37, kToLower}, {0x38C, 0x38C, 64, kToLower},
    {0x38E, 0x38F, 63, kToLower}, {0x391, 0x3A1, 32, kToLower}, {0x3A3, 0x3AB, 32, kToLower},
    {0x3AC, 0x3AC, -38, kToUpper}, {0x3AD, 0x3AF, -37, kToUpper}, {0x3B1, 0x3C1, -32, kToUpper},
    {0x3C2, 0x3C2, -31, kToUpper}, {0x3C3, 0x3CB, -32, kToUpper}, {0x3CC, 0x3CC, -64, kToUpper},
    {0x3CD, 0x3CE, -63, kToUpper}, {0x3CF, 0x3CF, 8, kToLower}, {0x3D0, 0x3D0, -62, kToUpper},
    {0x3D1, 0x3D1, -57, kToUpper}, {0x3D5, 0x3D5, -47, kToUpper}, {0x3D6, 0x3D6, -54, kToUpper},
    {0x3D7, 0x3D7, -8, kToUpper}, {0x3D8, 0x3EF, 0, kPairs}, {0x3F0, 0x3F0, -86, kToUpper},
    {0x3F1, 0x3F1, -80, kToUpper}, {0x3F2, 0x3F2, 7, kToUpper}, {0x3F3, 0x3F3, -116, kToUpper},
    {0x3F4, 0x3F4, -60, kToLower}, {0x3F5, 0x3F5, -96, kToUpper}, {0x3F7, 0x3F7, 1, kToLower},
    {0x3F8, 0x3F8, -1, kToUpper}, {0x3F9, 0x3F9, -7, kToLower}, {0x3FA, 0x3FA, 1, kToLower},
    {0x3FB, 0x3FB, -1, kToUpper}, {0x3FD, 0x3FF, -130, kToLower}, {0x400, 0x40F, 80, kToLower},
    {0x410, 0x42F, 32, kToLower}, {0x430, 0x44F, -32, kToUpper}, {0x450, 0x45F, -80, kToUpper},
    {0x460, 0x481, 0, kPairs}, {0x48A, 0x4BF, 0, kPairs}, {0x4C0, 0x4C0, 15, kToLower},
    {0x4C1, 0x4CE, 0, kPairs}, {0x4CF, 0x4CF, -15, kToUpper}, {0x4D0, 0x52F, 0, kPairs},
};

const CaseRun* find_case_run(char32_t c) {
  const CaseRun* it = std::upper_bound(std::begin(kCaseRuns), std::end(kCaseRuns), c,
                                       [](char32_t v, const CaseRun& r) { return v < r.first; });
  if (it == std::begin(kCaseRuns) || c > (it - 1)->last) return nullptr;
  return it - 1;
}

bool is_pair_capital(const CaseRun& r, char32_t c) { return (c - r.first) % 2 == 0; }

char32_t simple_lower(char32_t c) {
  const CaseRun* r = find_case_run(c);
  if (!r) return c;
  if (r->kind == kToLower) return static_cast<char32_t>(static_cast<int32_t>(c) + r->delta);
  if (r->kind == kPairs && is_pair_capital(*r, c)) return c + 1;
  return c;
}

char32_t simple_upper(char32_t c) {
  const CaseRun* r = find_case_run(c);
  if (!r) return c;
  if (r->kind == kToUpper) return static_cast<char32_t>(static_cast<int32_t>(c) + r->delta);
  if (r->kind == kPairs && !is_pair_capital(*r, c)) return c - 1;
  return c;
}

bool in_alpha(char32_t c) { return find_range(kAlpha, c) != nullptr; }
bool in_digit_only(char32_t c) { return find_range(kDigitOnly, c) != nullptr; }
bool in_numeric_only(char32_t c) { return find_range(kNumericOnly, c) != nullptr; }
bool in_non_printable(char32_t c) { return find_range(kNonPrintable, c) != nullptr; }
bool in_case_ignorable(char32_t c) { return find_range(kCaseIgnorable, c) != nullptr; }
bool in_xid_start_extra(char32_t c) { return find_range(kXidStartExtra, c) != nullptr; }
bool in_xid_start_exclude(char32_t c) { return find_range(kXidStartExclude, c) != nullptr; }
bool in_xid_continue_extra(char32_t c) { return find_range(kXidContinueExtra, c) != nullptr; }

bool in_decimal(char32_t c, int* value) {
  const Range* r = find_range(kDecimal, c);
  if (!r) return false;
  *value = static_cast<int>((c - r->first) % 10);  // every range starts at a zero
  return true;
}

}  // namespace
}  // namespace ufora::text
