// A counting `while` loop becomes a `for` loop, so that kernels see a range and the loop can
// become a parallel reduction like any other (issue 3, point 5: `for`/`while` loops):
//
//     i = 0                                 i = 0
//     while i < n:                   ->     for i in .while_count(i, n):
//         s += f(i)                             s += f(i)
//         i += 1
//
// `.while_count(a, b)` (a builtin no program can name) yields a, a + 1, ... while the value
// is < b, comparing and adding exactly as the loop did, so any types behave as before; for
// two ints it is range(a, b), and kernels treat it as one.
//
// Only where nothing observable changes: in a function, the loop is a statement of the body
// itself (not inside another loop, try or with), has no `else`, `break` or `continue`; its
// last statement is `i += 1` or `i = i + 1`, the only one that assigns `i`; the bound is a
// constant or a variable that the loop does not assign (or `len` of one), so it is evaluated
// once instead of at every test; `i` is a plain local that nothing after the loop reads
// (the `for` leaves the last value the loop ran with, the `while` one more).
#pragma once

#include <string>

#include "lower/ast.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

// The builtin the rewritten loops call.
constexpr const char* kWhileCountBuiltin = ".while_count";

// Rewrites in place; returns how many loops were rewritten (scopes must then be analysed
// again). UFORA_DUMP=parallel prints a line for each.
int desugar_while_count(Module& module, const ScopeTable& scopes, const std::string& file);

}  // namespace ufora::lower
