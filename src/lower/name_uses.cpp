#include "lower/name_uses.h"

#include "lower/ast_walk.h"

namespace ufora::lower {

namespace {

// Uses of one name that denote a function's variable (Name nodes of that scope), and
// whether the walked code yields, awaits or binds with `:=`.
class NameUses : public AstVisitor {
 public:
  NameUses(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id) : scopes_(scopes), scope_(scope), id_(id) {}
  using AstVisitor::visit;
  int count = 0;
  bool unsuitable = false;

  void visit(const Expr& e) override {
    // A loop this pass already rewrote: its names are the comprehension's now, but for the
    // first iterable, evaluated in the function (the scope table predates the rewrite).
    if (auto* comp = dyn_cast<ListComp>(&e); comp && comp->lines_to_caller) {
      visit(*comp->generators[0].iter);
      return;
    }
    // A Name this pass made (in a loop rewritten earlier in the same function) is one of the
    // function's variables.
    if (auto* n = dyn_cast<Name>(&e); n && n->id == id_) {
      const ScopeInfo* s = scopes_.find_scope_of(n);
      if (!s || s == &scope_) ++count;
    }
    if (e.kind == ExprKind::Yield || e.kind == ExprKind::YieldFrom || e.kind == ExprKind::Await || e.kind == ExprKind::NamedExpr)
      unsuitable = true;
    visit_children(e);
  }

 private:
  const ScopeTable& scopes_;
  const ScopeInfo& scope_;
  const std::string& id_;
};

}  // namespace

int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const StmtList& body, bool* unsuitable) {
  NameUses u(scopes, scope, id);
  u.visit_body(body);
  if (unsuitable) *unsuitable = u.unsuitable;
  return u.count;
}

int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const Stmt& s, bool* unsuitable) {
  NameUses u(scopes, scope, id);
  u.visit(s);
  if (unsuitable) *unsuitable = u.unsuitable;
  return u.count;
}

int uses_in(const ScopeTable& scopes, const ScopeInfo& scope, const std::string& id, const Expr& e) {
  NameUses u(scopes, scope, id);
  u.visit(e);
  return u.count;
}

}  // namespace ufora::lower
