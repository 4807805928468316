#include "lower/diagnostics.h"

#include <cstring>

namespace ufora::lower {

UserError::UserError(UserErrorKind kind, Span span, std::string message, std::string hint)
    : kind_(kind), span_(span), message_(std::move(message)), hint_(std::move(hint)) {
  what_ = std::to_string(span_.line) + ":" + std::to_string(span_.col + 1) + ": " + message_;
}

UserError::UserError(SyntaxErrorInfo info, std::string message)
    : kind_(UserErrorKind::SyntaxError), message_(std::move(message)) {
  span_.line = span_.end_line = static_cast<int32_t>(info.lineno);
  span_.col = static_cast<int32_t>(info.offset > 0 ? info.offset - 1 : 0);
  span_.end_col = span_.col;
  what_ = info.filename + ":" + std::to_string(info.lineno) + ": " + info.exc_type + ": " + message_;
  syntax_ = std::move(info);
}

InternalError::InternalError(const char* file, int line, const std::string& message)
    : what_(std::string("internal compiler error at ") + file + ":" + std::to_string(line) + ": " +
            message) {}

namespace {

// Mirrors print_exception()/print_error_text() in CPython 3.11's
// Python/pythonrun.c, including its quirks (offsets are characters but the
// caret line counts bytes; only plain SyntaxError gets a caret range).
std::string format_cpython_syntax_error(const SyntaxErrorInfo& s, const std::string& message) {
  if (s.lineno <= 0) return s.exc_type + ": " + message + "\n";  // no location known
  std::string out = "  File \"" + s.filename + "\", line " + std::to_string(s.lineno) + "\n";
  if (s.text) {
    const std::string& full = *s.text;
    int64_t offset = s.offset;
    int64_t end_offset = s.exc_type == "SyntaxError" ? s.end_offset : -1;
    auto line_size = static_cast<int64_t>(full.size());
    if (s.exc_type == "SyntaxError" && s.end_lineno > s.lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    int64_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;

    const char* text = full.c_str();
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') text++, offset--;
    auto len = static_cast<int64_t>(std::strlen(text));
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {  // a multi-line text: show only the line holding the offset
      const char* nl = std::strchr(text, '\n');
      if (nl == nullptr) break;
      int64_t inl = nl - text;
      if (inl >= offset) break;
      inl += 1;
      text += inl;
      len -= inl;
      offset -= inl;
    }
    out += "    ";
    out += text;
    if (text[len] != '\n') out += "\n";
    if (offset >= 0) {
      out += "    " + std::string(static_cast<size_t>(offset), ' ');
      out += std::string(static_cast<size_t>(carets), '^') + "\n";
    }
  }
  return out + s.exc_type + ": " + message + "\n";
}

// Spaces (tabs kept, for alignment) covering the first `cols` bytes of line.
std::string caret_indent(std::string_view line, int32_t cols) {
  std::string out;
  for (int32_t i = 0; i < cols && i < static_cast<int32_t>(line.size()); ++i) {
    auto c = static_cast<unsigned char>(line[static_cast<size_t>(i)]);
    if (c == '\t') out += '\t';
    else if ((c & 0xC0) != 0x80) out += ' ';  // one column per UTF-8 character
  }
  return out;
}

int32_t char_count(std::string_view s) {
  int32_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string format_user_error(const SourceFile& source, const UserError& error) {
  if (error.syntax()) return format_cpython_syntax_error(*error.syntax(), error.message());
  const Span& sp = error.span();
  std::string out = source.filename() + ":" + std::to_string(sp.line) + ":" +
                    std::to_string(sp.col + 1) + ": error: " + error.message() + "\n";
  std::string_view line = source.line_text(sp.line);
  if (!line.empty()) {
    out += std::string(line) + "\n";
    auto len = static_cast<int32_t>(line.size());
    int32_t start = std::min(sp.col, len);
    int32_t end = sp.end_line == sp.line ? std::min(sp.end_col, len) : len;
    int32_t width = std::max<int32_t>(1, char_count(line.substr(static_cast<size_t>(start),
                                                                static_cast<size_t>(std::max(0, end - start)))));
    out += caret_indent(line, start) + std::string(static_cast<size_t>(width), '^') + "\n";
  }
  if (!error.hint().empty()) out += "hint: " + error.hint() + "\n";
  return out;
}

}  // namespace ufora::lower
