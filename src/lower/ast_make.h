// Small helpers for the rewrites that build or match AST nodes (desugar_*.cpp).
#pragma once

#include <memory>
#include <string>

#include "lower/ast.h"

namespace ufora::lower {

// A Name node for `id`, used as `ctx`, placed at `span`.
inline ExprPtr make_name(const std::string& id, ExprContext ctx, const Span& span) {
  auto n = std::make_unique<Name>();
  n->span = span;
  n->id = id;
  n->ctx = ctx;
  return n;
}

// Whether `e` is the name `id`.
inline bool is_name(const Expr* e, const std::string& id) {
  auto* n = dyn_cast<Name>(e);
  return n && n->id == id;
}

}  // namespace ufora::lower
