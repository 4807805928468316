// Expressions back to Python source text, for hints in diagnostics
// ("build a new list: `xs = xs + [x]`").
#pragma once

#include <string>

#include "lower/ast.h"

namespace ufora::lower {

// Python source for e, in the spirit of CPython's ast.unparse: parentheses
// only where precedence needs them, normalized spacing. Nested f-strings
// and unusual forms may differ from ast.unparse's text but stay valid Python.
std::string unparse(const Expr& e);

}  // namespace ufora::lower
