#include "lower/desugar_loop_concat.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "lower/ast_make.h"
#include "lower/ast_walk.h"
#include "lower/dump_options.h"
#include "lower/name_uses.h"

namespace ufora::lower {

namespace {

// The names a `for` target binds; false for targets other than names, tuples and lists of them.
bool target_names(const Expr& t, std::vector<std::string>& out) {
  if (auto* n = dyn_cast<Name>(&t)) {
    out.push_back(n->id);
    return true;
  }
  if (auto* s = dyn_cast<Starred>(&t)) return target_names(*s->value, out);
  const ExprList* elts = nullptr;
  if (auto* tu = dyn_cast<Tuple>(&t)) elts = &tu->elts;
  if (auto* li = dyn_cast<List>(&t)) elts = &li->elts;
  if (!elts) return false;
  for (const ExprPtr& e : *elts)
    if (!target_names(*e, out)) return false;
  return true;
}

// `[e]` (or `(e,)` when `tuple`): the one item appended; null otherwise.
Expr* single_item(Expr* display, bool tuple) {
  ExprList* elts = nullptr;
  if (!tuple)
    if (auto* l = dyn_cast<List>(display)) elts = &l->elts;
  if (tuple)
    if (auto* t = dyn_cast<Tuple>(display)) elts = &t->elts;
  if (!elts || elts->size() != 1 || (*elts)[0]->kind == ExprKind::Starred) return nullptr;
  return (*elts)[0].get();
}

// `acc = acc + [e]`, `acc = acc + (e,)` or `acc += (e,)`: the appended item's slot, null otherwise.
ExprPtr* appended_item(Stmt& s, const std::string& acc, bool tuple) {
  if (auto* a = dyn_cast<Assign>(&s)) {
    auto* add = dyn_cast<BinOp>(a->value.get());
    if (a->targets.size() != 1 || !is_name(a->targets[0].get(), acc) || !add || add->op != BinOpKind::Add || !is_name(add->left.get(), acc))
      return nullptr;
    if (!single_item(add->right.get(), tuple)) return nullptr;
    return tuple ? &cast<Tuple>(*add->right).elts[0] : &cast<List>(*add->right).elts[0];
  }
  if (auto* a = dyn_cast<AugAssign>(&s)) {
    if (!tuple || a->op != BinOpKind::Add || !is_name(a->target.get(), acc) || !single_item(a->value.get(), true)) return nullptr;
    return &cast<Tuple>(*a->value).elts[0];
  }
  return nullptr;
}

template <class T>
std::unique_ptr<T> node(const Span& span) {
  auto n = std::make_unique<T>();
  n->span = span;
  return n;
}

class Rewriter {
 public:
  Rewriter(const ScopeTable& scopes, const std::string& file) : scopes_(scopes), file_(file) {}
  int rewritten = 0;

  void module(Module& m) { block(m.body, nullptr, false); }

 private:
  // `fn`: the function whose body this block is in (null at module level and in class
  // bodies); `guarded`: inside a try or with statement of that function.
  void block(StmtList& body, FunctionDef* fn, bool guarded) {
    for (size_t k = 0; k < body.size(); ++k) {
      if (fn && !guarded && k > 0 && body[k]->kind == StmtKind::For) try_rewrite(body, k, *fn);
      Stmt& s = *body[k];
      switch (s.kind) {
        case StmtKind::FunctionDef: {
          auto& f = cast<FunctionDef>(s);
          block(f.body, f.is_async ? nullptr : &f, false);
          break;
        }
        case StmtKind::ClassDef: block(cast<ClassDef>(s).body, nullptr, false); break;
        case StmtKind::For:
          block(cast<For>(s).body, fn, guarded);
          block(cast<For>(s).orelse, fn, guarded);
          break;
        case StmtKind::While:
          block(cast<While>(s).body, fn, guarded);
          block(cast<While>(s).orelse, fn, guarded);
          break;
        case StmtKind::If:
          block(cast<If>(s).body, fn, guarded);
          block(cast<If>(s).orelse, fn, guarded);
          break;
        case StmtKind::With: block(cast<With>(s).body, fn, true); break;
        case StmtKind::Try: {
          auto& t = cast<Try>(s);
          block(t.body, fn, true);
          for (ExceptHandler& h : t.handlers) block(h.body, fn, true);
          block(t.orelse, fn, true);
          block(t.finalbody, fn, true);
          break;
        }
        default: break;
      }
    }
  }

  // Whether `value`, assigned to `acc`, is certainly a list (tuple): a display, a list
  // comprehension, or what an earlier rewrite of this pass made of `acc`.
  static bool makes_sequence(const Expr& value, const std::string& acc, bool tuple) {
    if (tuple) {
      if (isa<Tuple>(&value)) return true;
      auto* add = dyn_cast<BinOp>(&value);
      auto* t = add ? dyn_cast<Tuple>(add->right.get()) : nullptr;
      auto* star = t && t->elts.size() == 1 ? dyn_cast<Starred>(t->elts[0].get()) : nullptr;
      auto* comp = star ? dyn_cast<ListComp>(star->value.get()) : nullptr;
      return comp && comp->lines_to_caller && add->op == BinOpKind::Add && is_name(add->left.get(), acc);
    }
    if (isa<List>(&value) || isa<ListComp>(&value)) return true;
    auto* add = dyn_cast<BinOp>(&value);
    auto* comp = add ? dyn_cast<ListComp>(add->right.get()) : nullptr;
    return comp && comp->lines_to_caller && add->op == BinOpKind::Add && is_name(add->left.get(), acc);
  }

  // The statement before body[k] that last binds `acc`, when it binds a list or tuple display
  // (or what this pass made) and the statements between do not mention `acc`; sets `tuple`.
  const Assign* initialisation(const StmtList& body, size_t k, const std::string& acc, const ScopeInfo& scope, bool& tuple) const {
    for (size_t j = k; j-- > 0;) {
      const Stmt& s = *body[j];
      if (auto* a = dyn_cast<Assign>(&s); a && a->targets.size() == 1 && is_name(a->targets[0].get(), acc)) {
        if (uses_in(scopes_, scope, acc, *a->value) != 0) {  // acc = acc + ...: only this pass's own
          tuple = isa<BinOp>(a->value.get()) && isa<Tuple>(cast<BinOp>(*a->value).right.get());
          return makes_sequence(*a->value, acc, tuple) ? a : nullptr;
        }
        tuple = isa<Tuple>(a->value.get());
        return makes_sequence(*a->value, acc, tuple) ? a : nullptr;
      }
      // Bindings without a Name node (def, class, import) and any mention end the search.
      if (auto* d = dyn_cast<FunctionDef>(&s); d && d->name == acc) return nullptr;
      if (auto* c = dyn_cast<ClassDef>(&s); c && c->name == acc) return nullptr;
      if (s.kind == StmtKind::Import || s.kind == StmtKind::ImportFrom) return nullptr;
      if (uses_in(scopes_, scope, acc, s) != 0) return nullptr;
    }
    return nullptr;
  }

  // Uses of `v` inside the other for loops of `body` that bind `v` themselves (their target
  // and body, not their iterable or else clause): those read only the value they bind, so the
  // value `loop` would have left in `v` cannot reach them. Loops that contain `loop` do not
  // count (their body may read `v` after `loop`).
  int uses_in_rebinding_loops(const StmtList& body, const For& loop, const std::string& v, const ScopeInfo& scope) const {
    int n = 0;
    for (const StmtPtr& s : body) {
      if (s.get() == &loop) continue;
      if (auto* f = dyn_cast<For>(s.get())) {
        std::vector<std::string> bound;
        bool contains = uses_in(scopes_, scope, v, *s) > 0 && contains_stmt(f->body, &loop);
        if (!contains && target_names(*f->target, bound) && std::count(bound.begin(), bound.end(), v)) {
          n += uses_in(scopes_, scope, v, *f->target) + uses_in(scopes_, scope, v, f->body);
          continue;
        }
      }
      for (const StmtList* inner : nested_bodies(*s)) n += uses_in_rebinding_loops(*inner, loop, v, scope);
    }
    return n;
  }

  static bool contains_stmt(const StmtList& body, const Stmt* target) {
    for (const StmtPtr& s : body) {
      if (s.get() == target) return true;
      for (const StmtList* inner : nested_bodies(*s))
        if (contains_stmt(*inner, target)) return true;
    }
    return false;
  }

  // The statement lists directly inside `s` that run in the same function.
  static std::vector<const StmtList*> nested_bodies(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::For: return {&cast<For>(s).body, &cast<For>(s).orelse};
      case StmtKind::While: return {&cast<While>(s).body, &cast<While>(s).orelse};
      case StmtKind::If: return {&cast<If>(s).body, &cast<If>(s).orelse};
      case StmtKind::With: return {&cast<With>(s).body};
      case StmtKind::Try: {
        const auto& t = cast<Try>(s);
        std::vector<const StmtList*> out = {&t.body, &t.orelse, &t.finalbody};
        for (const ExceptHandler& h : t.handlers) out.push_back(&h.body);
        return out;
      }
      default: return {};
    }
  }

  // body[k] is a for loop; an earlier statement may bind its accumulator.
  void try_rewrite(StmtList& body, size_t k, FunctionDef& fn) {
    const ScopeInfo& scope = scopes_.at(&fn);

    // The clauses: nested fors and ifs, one statement each, ending in the append.
    auto& loop = cast<For>(*body[k]);
    std::vector<For*> fors;
    std::vector<std::pair<size_t, If*>> ifs;  // (index of the for it filters, the if)
    Stmt* cur = &loop;
    std::vector<std::string> vars;
    for (;;) {
      if (auto* f = dyn_cast<For>(cur)) {
        if (f->is_async || !f->orelse.empty() || f->body.size() != 1 || !target_names(*f->target, vars)) return;
        fors.push_back(f);
        cur = f->body[0].get();
      } else if (auto* i = dyn_cast<If>(cur)) {
        if (!i->orelse.empty() || i->body.size() != 1) return;
        ifs.push_back({fors.size() - 1, i});
        cur = i->body[0].get();
      } else {
        break;
      }
    }
    // The accumulator: what the innermost statement assigns.
    const Expr* target = isa<Assign>(cur) && cast<Assign>(*cur).targets.size() == 1 ? cast<Assign>(*cur).targets[0].get()
                         : isa<AugAssign>(cur)                                      ? cast<AugAssign>(*cur).target.get()
                                                                                      : nullptr;
    if (!isa<Name>(target)) return;
    const std::string acc = cast<Name>(*target).id;
    bool tuple = false;
    if (scope.lookup(acc) != NameKind::Local || !initialisation(body, k, acc, scope, tuple)) return;
    ExprPtr* item = appended_item(*cur, acc, tuple);
    if (!item) return;

    bool unsuitable = false;
    if (uses_in(scopes_, scope, acc, loop, &unsuitable) != (isa<Assign>(cur) ? 2 : 1) || unsuitable) return;
    for (const std::string& v : vars)
      if (v == acc || scope.lookup(v) != NameKind::Local ||
          uses_in(scopes_, scope, v, fn.body) != uses_in(scopes_, scope, v, loop) + uses_in_rebinding_loops(fn.body, loop, v, scope))
        return;

    // Rewrite: acc = acc + [item for ... if ...] (a tuple: acc + (*[...],)).
    const Span& at = cur->span;
    auto comp = node<ListComp>(loop.span);
    comp->lines_to_caller = true;
    comp->elt = std::move(*item);
    size_t next_if = 0;
    for (size_t i = 0; i < fors.size(); ++i) {
      Comprehension g;
      g.target = std::move(fors[i]->target);
      g.iter = std::move(fors[i]->iter);
      for (; next_if < ifs.size() && ifs[next_if].first == i; ++next_if) g.ifs.push_back(std::move(ifs[next_if].second->test));
      comp->generators.push_back(std::move(g));
    }
    ExprPtr added = std::move(comp);
    if (tuple) {
      auto star = node<Starred>(at);
      star->value = std::move(added);
      star->ctx = ExprContext::Load;
      auto t = node<Tuple>(at);
      t->ctx = ExprContext::Load;
      t->elts.push_back(std::move(star));
      added = std::move(t);
    }
    auto sum = node<BinOp>(at);
    sum->left = make_name(acc, ExprContext::Load, at);
    sum->op = BinOpKind::Add;
    sum->right = std::move(added);
    auto assign = node<Assign>(loop.span);
    assign->targets.push_back(make_name(acc, ExprContext::Store, at));
    assign->value = std::move(sum);
    if (dump_enabled("parallel"))
      fprintf(stderr, "parallel: %s:%d: the for loop in %s that appends to `%s` is built as a list comprehension\n", file_.c_str(),
              loop.span.line, fn.name.c_str(), acc.c_str());
    body[k] = std::move(assign);
    ++rewritten;
  }

  const ScopeTable& scopes_;
  const std::string& file_;
};

}  // namespace

int desugar_loop_concat(Module& module, const ScopeTable& scopes, const std::string& file) {
  Rewriter r(scopes, file);
  r.module(module);
  return r.rewritten;
}

}  // namespace ufora::lower
