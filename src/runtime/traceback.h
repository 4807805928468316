// Turning an uncaught Python exception into CPython's report:
//   Traceback (most recent call last):
//     File "x.py", line 3, in <module>
//       f()
//   ValueError: message
#pragma once

#include <functional>
#include <string>

#include "values/object.h"

namespace ufora {

// `source_line(file, line)` returns that line of source (stripped by the formatter), or "".
using SourceLineFn = std::function<std::string(const std::string& file, int line)>;

std::string format_exception(Obj* exc, const SourceLineFn& source_line);
// "ValueError: message" (or just "ValueError" when the message is empty).
std::string exception_summary(Obj* exc);
std::string exception_type_name(Obj* exc);

}  // namespace ufora
