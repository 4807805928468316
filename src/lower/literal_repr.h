// Python's repr() of literal values, for AST dumps and diagnostics.
#pragma once

#include <string>
#include <string_view>

#include "lower/ast.h"

namespace ufora::lower {

// repr() of the literal's value as CPython 3.11 prints it: `0.1`, `1e+16`,
// `2j`, `'it\'s'` / `"it's"`, `b'\x00'`. Non-ASCII printability is
// approximated (see printable() in the .cpp).
std::string constant_repr(const Constant& c);

// repr() of a str given as UTF-8.
std::string repr_str(std::string_view utf8);

}  // namespace ufora::lower
