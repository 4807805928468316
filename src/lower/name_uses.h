// Counting the uses of a function's variable in a piece of its code, for the rewrites that
// must prove a variable is not seen elsewhere (desugar_loop_concat, desugar_while_count).
#pragma once

#include <string>

#include "lower/ast.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

// Name nodes of `id` that denote the variable of `scope` (a Name made after the scope
// analysis counts too). `unsuitable`, when given, tells whether the code yields, awaits or
// binds with `:=`. A list comprehension that desugar_loop_concat made from a loop only
// counts its first iterable: its other names are the comprehension's own.
int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const StmtList& body, bool* unsuitable = nullptr);
int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const Stmt& s, bool* unsuitable = nullptr);
int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const Expr& e);

}  // namespace ufora::lower
