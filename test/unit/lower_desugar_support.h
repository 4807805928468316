// Shared by the desugaring tests: a function body written flush left, as a module.
#pragma once

#include <string>

// `def f(xs, n):` followed by `body` indented one level.
inline std::string function_of(const std::string& body) {
  std::string src = "def f(xs, n):\n";
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    src += "    " + body.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return src;
}
