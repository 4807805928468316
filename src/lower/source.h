// Source text and positions shared by every front-end pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ufora::lower {

// A region of source text, in CPython's `ast` convention: lines are 1-based,
// columns are 0-based byte offsets into the UTF-8 line. end_* is exclusive
// for the column. A default Span (all zero) means "no location".
struct Span {
  int32_t line = 0;
  int32_t col = 0;
  int32_t end_line = 0;
  int32_t end_col = 0;

  bool valid() const { return line > 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One Python source file held in memory. Diagnostics need the raw lines back,
// so the text is kept alongside the offsets of each line start.
class SourceFile {
 public:
  SourceFile(std::string filename, std::string text);

  const std::string& filename() const { return filename_; }
  const std::string& text() const { return text_; }

  // Number of lines (a final line without '\n' counts; an empty file has 0).
  int32_t line_count() const { return static_cast<int32_t>(line_starts_.size()); }

  // Text of line n (1-based) without its line terminator ("\n" or "\r\n").
  // Out-of-range n gives an empty view.
  std::string_view line_text(int32_t n) const;

 private:
  std::string filename_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace ufora::lower

namespace ufora {
// Other layers (the IR, the runtime's tracebacks) name source positions too.
using lower::Span;
}  // namespace ufora
