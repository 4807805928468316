#include "lower/source.h"

namespace ufora::lower {

SourceFile::SourceFile(std::string filename, std::string text)
    : filename_(std::move(filename)), text_(std::move(text)) {
  size_t pos = 0;
  while (pos < text_.size()) {
    line_starts_.push_back(pos);
    size_t nl = text_.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
}

std::string_view SourceFile::line_text(int32_t n) const {
  if (n < 1 || n > line_count()) return {};
  size_t start = line_starts_[static_cast<size_t>(n - 1)];
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace ufora::lower
