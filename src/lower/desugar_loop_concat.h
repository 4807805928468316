// A `for` loop that only appends to a list (or tuple) it rebinds becomes a list comprehension:
//
//     out = []                           out = []
//     for x in xs:                 ->    out = out + [f(x) for x in xs if p(x)]
//         if p(x):
//             out = out + [f(x)]
//
// Immutable code has no append(), so this is how it collects items; run as written it copies
// the list at every item (quadratic, in CPython too). The comprehension builds it once, and
// when its items are numbers a kernel builds it in parallel (issue 3, point 5: loops whose
// locals only concatenate). Nested `for`s and `if`s (no `else`) become the comprehension's
// clauses; `out = out + (e,)` and `out += (e,)` after `out = (...)` build a tuple.
//
// Only where nothing observable changes:
// - the accumulator was last bound, before the loop and in the same block, to a list (tuple)
//   display, a list comprehension, or what an earlier loop rewritten here made of it, and the
//   statements between do not mention it: it is bound and concatenating cannot raise (so
//   two loops in a row appending to one list both qualify); the loop has no `else`, `break`
//   or `continue`;
// - the accumulator appears nowhere else in the loop, and no other function can see it (a
//   function's plain local; at module level, no function reads the global);
// - the loop variables are used nowhere but the loop (a comprehension does not leave them
//   bound), likewise invisible to other functions;
// - no enclosing `try` or `with` could catch an exception and see the half-built list;
// - nothing in the loop yields, awaits or uses `:=`.
// The comprehension keeps the loop's frame in tracebacks: it has no frame of its own, and
// an error inside it reports the line it came from in the enclosing function.
#pragma once

#include <string>

#include "lower/ast.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

// Rewrites in place; returns how many loops were rewritten (scopes must then be analysed
// again). UFORA_DUMP=parallel prints a line for each.
int desugar_loop_concat(Module& module, const ScopeTable& scopes, const std::string& file);

}  // namespace ufora::lower
