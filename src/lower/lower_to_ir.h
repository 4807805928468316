// AST -> Ufora IR: one ir::Function per def, lambda, comprehension and class body, with
// names resolved to local slots, closure cells or module globals and all control flow
// (loops, try/except/finally, short-circuit operators) made explicit in basic blocks.
#pragma once

#include "lower/ast.h"
#include "lower/ir.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

// Throws UserError (Unsupported) for constructs the compiler does not handle yet.
ir::Program lower_to_ir(const Module& module, const ScopeTable& scopes, const SourceFile& source);

}  // namespace ufora::lower
