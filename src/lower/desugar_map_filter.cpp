#include "lower/desugar_map_filter.h"

#include <string>

#include "lower/ast_make.h"
#include "lower/ast_walk.h"

namespace ufora::lower {

namespace {

bool is_builtin(const ScopeTable& scopes, const Expr* e, const char* name) {
  auto* n = dyn_cast<Name>(e);
  return n && n->id == name && scopes.resolve(n) == NameKind::Builtin;
}

bool consumes_whole(const Call& c, const ScopeTable& scopes) {
  static const char* const kConsumers[] = {"sum", "min", "max", "any", "all", "list", "tuple", "sorted", "set", "frozenset"};
  bool consumer = false;
  for (const char* name : kConsumers) consumer = consumer || is_builtin(scopes, c.func.get(), name);
  if (!consumer || c.args.empty()) return false;
  auto* n = static_cast<const Name*>(c.func.get());
  // min(a, b) compares its arguments; only min(iterable) iterates. sum(it, start) is fine.
  size_t max_positional = (n->id == "sum") ? 2 : 1;
  if (c.args.size() > max_positional) return false;
  for (const ExprPtr& a : c.args)
    if (a->kind == ExprKind::Starred) return false;
  for (const Keyword& k : c.keywords)
    if (!k.arg) return false;
  return true;
}

// A lambda whose parameters are `count` plain positional names.
bool plain_lambda(const Expr* e, size_t count) {
  auto* l = dyn_cast<Lambda>(e);
  if (!l) return false;
  const Arguments& a = l->args;
  return a.posonly.empty() && a.args.size() == count && !a.vararg && a.kwonly.empty() && !a.kwarg && a.defaults.empty();
}

class Desugarer : public AstVisitor {
 public:
  explicit Desugarer(const ScopeTable& scopes) : scopes_(scopes) {}
  int rewritten = 0;

  void visit(const Expr& e) override {
    if (e.kind == ExprKind::Call && consumes_whole(cast<Call>(e), scopes_)) {
      auto& call = const_cast<Call&>(cast<Call>(e));  // the AST is ours to rewrite
      if (ExprPtr g = rewrite(*call.args[0])) {
        call.args[0] = std::move(g);
        ++rewritten;
      }
    }
    visit_children(e);
  }

 private:
  // map(f, it1, ...) or filter(f, it) as a generator expression; null to leave it.
  ExprPtr rewrite(Expr& arg) {
    auto* c = dyn_cast<Call>(&arg);
    if (!c || !c->keywords.empty() || c->args.size() < 2) return nullptr;
    for (const ExprPtr& a : c->args)
      if (a->kind == ExprKind::Starred) return nullptr;
    bool is_map = is_builtin(scopes_, c->func.get(), "map");
    bool is_filter = is_builtin(scopes_, c->func.get(), "filter");
    if (!is_map && !(is_filter && c->args.size() == 2)) return nullptr;
    size_t n_iterables = c->args.size() - 1;
    Expr* fn = c->args[0].get();
    bool lambda = plain_lambda(fn, is_filter ? 1 : n_iterables);
    auto* fn_name = dyn_cast<Name>(fn);
    bool none = is_filter && fn->kind == ExprKind::Constant && cast<Constant>(*fn).value_kind == ConstKind::None;
    if (!lambda && !none && !(fn_name && fn_name->id != "next")) return nullptr;
    // zip() pairs several iterables as map does (stopping at the shortest).
    if (n_iterables > 1 && !zip_is_builtin(*c)) return nullptr;

    const Span& sp = arg.span;
    std::vector<std::string> vars;
    if (lambda) {
      for (const Arg& a : cast<Lambda>(*fn).args.args) vars.push_back(a.name);
    } else {
      for (size_t i = 0; i < (is_filter ? 1 : n_iterables); ++i) vars.push_back(".m" + std::to_string(i));
    }
    Comprehension gen;
    if (vars.size() == 1) {
      gen.target = make_name(vars[0], ExprContext::Store, sp);
    } else {
      auto t = std::make_unique<Tuple>();
      t->span = sp;
      t->ctx = ExprContext::Store;
      for (const std::string& v : vars) t->elts.push_back(make_name(v, ExprContext::Store, sp));
      gen.target = std::move(t);
    }
    if (n_iterables == 1) {
      gen.iter = std::move(c->args[1]);
    } else {
      auto z = std::make_unique<Call>();
      z->span = sp;
      z->func = make_name("zip", ExprContext::Load, sp);
      for (size_t i = 1; i < c->args.size(); ++i) z->args.push_back(std::move(c->args[i]));
      gen.iter = std::move(z);
    }
    // The value each item gives: f(x, ...), or the lambda's body with its parameters bound.
    ExprPtr applied;
    if (lambda) {
      applied = std::move(static_cast<Lambda*>(fn)->body);
    } else if (!none) {
      auto call = std::make_unique<Call>();
      call->span = sp;
      call->func = std::move(c->args[0]);
      for (const std::string& v : vars) call->args.push_back(make_name(v, ExprContext::Load, sp));
      applied = std::move(call);
    }
    auto g = std::make_unique<GeneratorExp>();
    g->span = sp;
    g->hidden_frame = true;
    if (is_map) {
      g->elt = std::move(applied);
    } else {
      g->elt = make_name(vars[0], ExprContext::Load, sp);
      gen.ifs.push_back(none ? make_name(vars[0], ExprContext::Load, sp) : std::move(applied));
    }
    g->generators.push_back(std::move(gen));
    return g;
  }

  // zip means the builtin where the map call stands.
  bool zip_is_builtin(const Call& c) const {
    auto* f = dyn_cast<Name>(c.func.get());
    return f && scopes_.scope_of(f).lookup("zip") == NameKind::Builtin;
  }

  const ScopeTable& scopes_;
};

}  // namespace

int desugar_map_filter(Module& module, const ScopeTable& scopes) {
  Desugarer d(scopes);
  d.visit_module(module);
  return d.rewritten;
}

}  // namespace ufora::lower
