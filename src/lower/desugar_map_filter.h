// map() and filter() consumed whole become generator expressions, so that the compiler sees
// their loops: `sum(map(f, xs))` is `sum(f(x) for x in xs)`, which a numeric kernel runs
// inline and in parallel; `sorted(filter(p, xs))` builds a list in a kernel.
//
// Only where nothing observable changes: map/filter and the consumer (sum, min, max, any,
// all, list, tuple, sorted, set, frozenset) are the builtins (scope analysis), the consumer
// takes the map object as its only positional argument and iterates it at once, and the
// function is a name or a lambda of plain positional parameters (evaluating it once or per
// item is then the same). The generator's frame is hidden from tracebacks, as map's is.
// next() as the function is left alone: its StopIteration ends a map but would become
// RuntimeError in a generator. One difference remains: map(f, xs) looks f up before
// iterating xs, the generator when it needs f, so an unbound f over an empty xs raises
// NameError in Python and nothing here.
#pragma once

#include "lower/ast.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

// Rewrites in place; returns how many calls were rewritten (scopes must then be analysed
// again, since the rewrite adds scopes and names).
int desugar_map_filter(Module& module, const ScopeTable& scopes);

}  // namespace ufora::lower
