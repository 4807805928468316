// Generic traversal of the AST, for passes that only care about some nodes.
#pragma once

#include "lower/ast.h"

namespace ufora::lower {

// Visits every statement and expression in source order. Override
// visit(Stmt)/visit(Expr) and call visit_children() to keep descending;
// not calling it prunes the subtree (e.g. to stop at nested scopes).
class AstVisitor {
 public:
  virtual ~AstVisitor() = default;
  virtual void visit(const Stmt& s) { visit_children(s); }
  virtual void visit(const Expr& e) { visit_children(e); }

  void visit_module(const Module& m) { visit_body(m.body); }
  void visit_body(const StmtList& body);
  void visit_children(const Stmt& s);
  void visit_children(const Expr& e);
  // Annotations and default values of a parameter list.
  void visit_arguments(const Arguments& a);
  void visit_generators(const std::vector<Comprehension>& gs);

 protected:
  void visit_opt(const ExprPtr& e) {
    if (e) visit(*e);
  }
  void visit_all(const ExprList& es) {
    for (auto& e : es) visit_opt(e);
  }
};

}  // namespace ufora::lower
