// The source text of every loaded module, so tracebacks can quote the failing lines.
#pragma once

#include <string>

namespace ufora::api {

void register_source(const std::string& file, const std::string& text);
std::string source_line(const std::string& file, int line);  // "" when unknown

}  // namespace ufora::api
