#include "lower/desugar_while_count.h"

#include <cstdio>
#include <vector>

#include "lower/ast_make.h"
#include "lower/ast_walk.h"
#include "lower/dump_options.h"
#include "lower/name_uses.h"

namespace ufora::lower {

namespace {

bool is_int_one(const Expr* e) {
  auto* c = dyn_cast<Constant>(e);
  return c && c->value_kind == ConstKind::Int && c->fits_int64 && c->int_value == 1;
}

// `i += 1` or `i = i + 1`.
bool increments(const Stmt& s, const std::string& i) {
  if (auto* a = dyn_cast<AugAssign>(&s)) return a->op == BinOpKind::Add && is_name(a->target.get(), i) && is_int_one(a->value.get());
  if (auto* a = dyn_cast<Assign>(&s)) {
    auto* add = dyn_cast<BinOp>(a->value.get());
    return a->targets.size() == 1 && is_name(a->targets[0].get(), i) && add && add->op == BinOpKind::Add &&
           is_name(add->left.get(), i) && is_int_one(add->right.get());
  }
  return false;
}

// Whether a break or continue appears anywhere in `body` (nested loops included: simpler,
// and those loops are rare in counting loops).
struct LeavesEarly : AstVisitor {
  bool found = false;
  using AstVisitor::visit;
  void visit(const Stmt& s) override {
    if (s.kind == StmtKind::Break || s.kind == StmtKind::Continue) found = true;
    if (s.kind == StmtKind::FunctionDef || s.kind == StmtKind::ClassDef) return;
    visit_children(s);
  }
};

class Rewriter {
 public:
  Rewriter(const ScopeTable& scopes, const std::string& file) : scopes_(scopes), file_(file) {}
  int rewritten = 0;

  void module(Module& m) { visit_block(m.body); }

 private:
  // Function bodies are where loops are rewritten; nested functions and class bodies are
  // searched for more functions.
  void visit_block(StmtList& body) {
    for (StmtPtr& s : body) {
      if (auto* f = dyn_cast<FunctionDef>(s.get())) {
        if (!f->is_async) function(*f);
        visit_block(f->body);
      } else if (auto* c = dyn_cast<ClassDef>(s.get())) {
        visit_block(c->body);
      }
    }
  }

  void function(FunctionDef& fn) {
    const ScopeInfo& scope = scopes_.at(&fn);
    for (size_t k = 0; k < fn.body.size(); ++k)
      if (fn.body[k]->kind == StmtKind::While) try_rewrite(fn, k, scope);
  }

  void try_rewrite(FunctionDef& fn, size_t k, const ScopeInfo& scope) {
    auto& loop = cast<While>(*fn.body[k]);
    auto* test = dyn_cast<Compare>(loop.test.get());
    if (!loop.orelse.empty() || loop.body.size() < 2 || !test || test->ops.size() != 1 || test->ops[0] != CmpKind::Lt) return;
    auto* counter = dyn_cast<Name>(test->left.get());
    if (!counter) return;
    const std::string i = counter->id;
    if (scope.lookup(i) != NameKind::Local || !increments(*loop.body.back(), i)) return;
    // The bound: a constant, a variable, or len() of one, none of them assigned in the loop.
    const Expr* bound = test->comparators[0].get();
    std::vector<std::string> bound_names;
    if (auto* n = dyn_cast<Name>(bound)) {
      bound_names.push_back(n->id);
    } else if (auto* c = dyn_cast<Call>(bound); c && is_name(c->func.get(), "len") && c->args.size() == 1 && c->keywords.empty() &&
                                                isa<Name>(c->args[0].get()) && scopes_.resolve(dyn_cast<Name>(c->func.get())) == NameKind::Builtin) {
      bound_names.push_back(cast<Name>(*c->args[0]).id);
    } else if (!isa<Constant>(bound)) {
      return;
    }
    for (const std::string& b : bound_names)
      if (b == i || stores_in(loop.body, b, loop.body.size())) return;
    // i: assigned only by the increment, and not read after the loop.
    LeavesEarly early;
    early.visit_body(loop.body);
    if (early.found) return;
    bool unsuitable = false;
    uses_in(scopes_, scope, i, loop, &unsuitable);
    if (unsuitable) return;
    int up_to_loop = 0;
    for (size_t j = 0; j <= k; ++j) up_to_loop += uses_in(scopes_, scope, i, *fn.body[j]);
    if (uses_in(scopes_, scope, i, fn.body) != up_to_loop || stores_in(loop.body, i, loop.body.size() - 1)) return;

    // for i in .while_count(i, bound): body without the increment
    const Span& at = loop.span;
    auto call = std::make_unique<Call>();
    call->span = at;
    call->func = make_name(kWhileCountBuiltin, ExprContext::Load, at);
    call->args.push_back(make_name(i, ExprContext::Load, test->left->span));
    call->args.push_back(std::move(test->comparators[0]));
    auto f = std::make_unique<For>();
    f->span = at;
    f->target = make_name(i, ExprContext::Store, test->left->span);
    f->iter = std::move(call);
    loop.body.pop_back();
    f->body = std::move(loop.body);
    if (dump_enabled("parallel"))
      fprintf(stderr, "parallel: %s:%d: the while loop in %s counting `%s` runs as a for loop over a range\n", file_.c_str(),
              at.line, fn.name.c_str(), i.c_str());
    fn.body[k] = std::move(f);
    ++rewritten;
  }

  // Whether the first `count` statements of `body` assign `i`: a for target, an assignment,
  // an augmented assignment or a with target naming it.
  static bool stores_in(const StmtList& body, const std::string& i, size_t count) {
    struct Stores : AstVisitor {
      const std::string& id;
      bool found = false;
      explicit Stores(const std::string& s) : id(s) {}
      using AstVisitor::visit;
      void visit(const Expr& e) override {
        if (auto* n = dyn_cast<Name>(&e); n && n->id == id && n->ctx != ExprContext::Load) found = true;
        if (e.kind == ExprKind::Lambda || e.kind == ExprKind::ListComp || e.kind == ExprKind::SetComp || e.kind == ExprKind::DictComp ||
            e.kind == ExprKind::GeneratorExp)
          return;  // their own scopes
        visit_children(e);
      }
      void visit(const Stmt& s) override {
        if (s.kind == StmtKind::FunctionDef || s.kind == StmtKind::ClassDef) return;
        visit_children(s);
      }
    } stores(i);
    for (size_t j = 0; j < count; ++j) stores.visit(*body[j]);
    return stores.found;
  }

  const ScopeTable& scopes_;
  const std::string& file_;
};

}  // namespace

int desugar_while_count(Module& module, const ScopeTable& scopes, const std::string& file) {
  Rewriter r(scopes, file);
  r.module(module);
  return r.rewritten;
}

}  // namespace ufora::lower
