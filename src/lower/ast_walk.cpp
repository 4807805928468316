#include "lower/ast_walk.h"

namespace ufora::lower {

void AstVisitor::visit_body(const StmtList& body) {
  for (auto& s : body) visit(*s);
}

void AstVisitor::visit_arguments(const Arguments& a) {
  for (auto* list : {&a.posonly, &a.args})
    for (auto& p : *list) visit_opt(p.annotation);
  visit_all(a.defaults);
  if (a.vararg) visit_opt(a.vararg->annotation);
  for (size_t i = 0; i < a.kwonly.size(); ++i) {
    visit_opt(a.kwonly[i].annotation);
    visit_opt(a.kw_defaults[i]);
  }
  if (a.kwarg) visit_opt(a.kwarg->annotation);
}

void AstVisitor::visit_generators(const std::vector<Comprehension>& gs) {
  for (auto& g : gs) {
    visit(*g.target);
    visit(*g.iter);
    visit_all(g.ifs);
  }
}

void AstVisitor::visit_children(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      auto& n = cast<FunctionDef>(s);
      visit_all(n.decorators);
      visit_arguments(n.args);
      visit_opt(n.returns);
      visit_body(n.body);
      break;
    }
    case StmtKind::ClassDef: {
      auto& n = cast<ClassDef>(s);
      visit_all(n.decorators);
      visit_all(n.bases);
      for (auto& k : n.keywords) visit(*k.value);
      visit_body(n.body);
      break;
    }
    case StmtKind::Return: visit_opt(cast<Return>(s).value); break;
    case StmtKind::Delete: visit_all(cast<Delete>(s).targets); break;
    case StmtKind::Assign: {
      auto& n = cast<Assign>(s);
      visit_all(n.targets);
      visit(*n.value);
      break;
    }
    case StmtKind::AugAssign: {
      auto& n = cast<AugAssign>(s);
      visit(*n.target);
      visit(*n.value);
      break;
    }
    case StmtKind::AnnAssign: {
      auto& n = cast<AnnAssign>(s);
      visit(*n.target);
      visit(*n.annotation);
      visit_opt(n.value);
      break;
    }
    case StmtKind::For: {
      auto& n = cast<For>(s);
      visit(*n.target);
      visit(*n.iter);
      visit_body(n.body);
      visit_body(n.orelse);
      break;
    }
    case StmtKind::While: {
      auto& n = cast<While>(s);
      visit(*n.test);
      visit_body(n.body);
      visit_body(n.orelse);
      break;
    }
    case StmtKind::If: {
      auto& n = cast<If>(s);
      visit(*n.test);
      visit_body(n.body);
      visit_body(n.orelse);
      break;
    }
    case StmtKind::With: {
      auto& n = cast<With>(s);
      for (auto& item : n.items) {
        visit(*item.context_expr);
        visit_opt(item.optional_vars);
      }
      visit_body(n.body);
      break;
    }
    case StmtKind::Raise: {
      auto& n = cast<Raise>(s);
      visit_opt(n.exc);
      visit_opt(n.cause);
      break;
    }
    case StmtKind::Try: {
      auto& n = cast<Try>(s);
      visit_body(n.body);
      for (auto& h : n.handlers) {
        visit_opt(h.type);
        visit_body(h.body);
      }
      visit_body(n.orelse);
      visit_body(n.finalbody);
      break;
    }
    case StmtKind::Assert: {
      auto& n = cast<Assert>(s);
      visit(*n.test);
      visit_opt(n.msg);
      break;
    }
    case StmtKind::Expr: visit(*cast<ExprStmt>(s).value); break;
    case StmtKind::Match: {
      auto& n = cast<Match>(s);
      visit(*n.subject);
      for (auto& c : n.cases) {
        visit_opt(c.guard);
        visit_body(c.body);
      }
      break;
    }
    case StmtKind::Import:
    case StmtKind::ImportFrom:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
  }
}

void AstVisitor::visit_children(const Expr& e) {
  switch (e.kind) {
    case ExprKind::BoolOp: visit_all(cast<BoolOp>(e).values); break;
    case ExprKind::NamedExpr: {
      auto& n = cast<NamedExpr>(e);
      visit(*n.target);
      visit(*n.value);
      break;
    }
    case ExprKind::BinOp: {
      auto& n = cast<BinOp>(e);
      visit(*n.left);
      visit(*n.right);
      break;
    }
    case ExprKind::UnaryOp: visit(*cast<UnaryOp>(e).operand); break;
    case ExprKind::Lambda: {
      auto& n = cast<Lambda>(e);
      visit_arguments(n.args);
      visit(*n.body);
      break;
    }
    case ExprKind::IfExp: {
      auto& n = cast<IfExp>(e);
      visit(*n.body);
      visit(*n.test);
      visit(*n.orelse);
      break;
    }
    case ExprKind::Dict: {
      auto& n = cast<Dict>(e);
      for (size_t i = 0; i < n.values.size(); ++i) {
        visit_opt(n.keys[i]);
        visit(*n.values[i]);
      }
      break;
    }
    case ExprKind::Set: visit_all(cast<Set>(e).elts); break;
    case ExprKind::ListComp: {
      auto& n = cast<ListComp>(e);
      visit(*n.elt);
      visit_generators(n.generators);
      break;
    }
    case ExprKind::SetComp: {
      auto& n = cast<SetComp>(e);
      visit(*n.elt);
      visit_generators(n.generators);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto& n = cast<GeneratorExp>(e);
      visit(*n.elt);
      visit_generators(n.generators);
      break;
    }
    case ExprKind::DictComp: {
      auto& n = cast<DictComp>(e);
      visit(*n.key);
      visit(*n.value);
      visit_generators(n.generators);
      break;
    }
    case ExprKind::Await: visit(*cast<Await>(e).value); break;
    case ExprKind::Yield: visit_opt(cast<Yield>(e).value); break;
    case ExprKind::YieldFrom: visit(*cast<YieldFrom>(e).value); break;
    case ExprKind::Compare: {
      auto& n = cast<Compare>(e);
      visit(*n.left);
      visit_all(n.comparators);
      break;
    }
    case ExprKind::Call: {
      auto& n = cast<Call>(e);
      visit(*n.func);
      visit_all(n.args);
      for (auto& k : n.keywords) visit(*k.value);
      break;
    }
    case ExprKind::FormattedValue: {
      auto& n = cast<FormattedValue>(e);
      visit(*n.value);
      visit_opt(n.format_spec);
      break;
    }
    case ExprKind::JoinedStr: visit_all(cast<JoinedStr>(e).values); break;
    case ExprKind::Attribute: visit(*cast<Attribute>(e).value); break;
    case ExprKind::Subscript: {
      auto& n = cast<Subscript>(e);
      visit(*n.value);
      visit(*n.slice);
      break;
    }
    case ExprKind::Starred: visit(*cast<Starred>(e).value); break;
    case ExprKind::List: visit_all(cast<List>(e).elts); break;
    case ExprKind::Tuple: visit_all(cast<Tuple>(e).elts); break;
    case ExprKind::Slice: {
      auto& n = cast<Slice>(e);
      visit_opt(n.lower);
      visit_opt(n.upper);
      visit_opt(n.step);
      break;
    }
    case ExprKind::Constant:
    case ExprKind::Name: break;
  }
}

}  // namespace ufora::lower
