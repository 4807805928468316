// AST printer in the format of CPython 3.11's ast.dump (see dump_ast.h).
#include "lower/dump_ast.h"

#include "lower/literal_repr.h"

namespace ufora::lower {
namespace {

// ---- the tree walk ----

// Builds `Name(f1=v1, f2=v2, lineno=...)` one field at a time.
class Call_ {
 public:
  explicit Call_(std::string name) : out_(std::move(name) + "(") {}
  Call_& f(const char* field, const std::string& value) {
    if (!first_) out_ += ", ";
    first_ = false;
    out_ += field;
    out_ += '=';
    out_ += value;
    return *this;
  }
  std::string done() { return out_ + ")"; }

 private:
  std::string out_;
  bool first_ = true;
};

class Dumper {
 public:
  explicit Dumper(bool spans) : spans_(spans) {}

  std::string module(const Module& m) {
    return Call_("Module").f("body", stmts(m.body)).f("type_ignores", "[]").done();
  }

 private:
  bool spans_;

  std::string finish(Call_& c, const Span& s) {
    if (spans_) {
      c.f("lineno", std::to_string(s.line)).f("col_offset", std::to_string(s.col));
      c.f("end_lineno", std::to_string(s.end_line)).f("end_col_offset", std::to_string(s.end_col));
    }
    return c.done();
  }

  template <class T, class F>
  std::string list(const std::vector<T>& items, F&& each) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += each(items[i]);
    }
    return out + "]";
  }

  std::string stmts(const StmtList& l) {
    return list(l, [&](const StmtPtr& s) { return stmt(*s); });
  }
  std::string exprs(const ExprList& l) {
    return list(l, [&](const ExprPtr& e) { return e ? expr(*e) : std::string("None"); });
  }
  static std::string quoted(const std::string& s) { return repr_str(s); }
  static std::string op(const char* name) { return std::string(name) + "()"; }

  // Adds an optional child field only when present, as ast.dump does.
  void opt(Call_& c, const char* field, const ExprPtr& e) {
    if (e) c.f(field, expr(*e));
  }

  std::string arg(const Arg& a) {
    Call_ c("arg");
    c.f("arg", quoted(a.name));
    opt(c, "annotation", a.annotation);
    return finish(c, a.span);
  }

  std::string arguments(const Arguments& a) {
    Call_ c("arguments");
    auto args = [&](const std::vector<Arg>& v) { return list(v, [&](const Arg& x) { return arg(x); }); };
    c.f("posonlyargs", args(a.posonly)).f("args", args(a.args));
    if (a.vararg) c.f("vararg", arg(*a.vararg));
    c.f("kwonlyargs", args(a.kwonly)).f("kw_defaults", exprs(a.kw_defaults));
    if (a.kwarg) c.f("kwarg", arg(*a.kwarg));
    c.f("defaults", exprs(a.defaults));
    return c.done();
  }

  std::string keywords(const std::vector<Keyword>& ks) {
    return list(ks, [&](const Keyword& k) {
      Call_ c("keyword");
      if (k.arg) c.f("arg", quoted(*k.arg));
      c.f("value", expr(*k.value));
      return finish(c, k.span);
    });
  }

  std::string aliases(const std::vector<Alias>& as) {
    return list(as, [&](const Alias& a) {
      Call_ c("alias");
      c.f("name", quoted(a.name));
      if (a.asname) c.f("asname", quoted(*a.asname));
      return finish(c, a.span);
    });
  }

  std::string generators(const std::vector<Comprehension>& gs) {
    return list(gs, [&](const Comprehension& g) {
      return Call_("comprehension")
          .f("target", expr(*g.target))
          .f("iter", expr(*g.iter))
          .f("ifs", exprs(g.ifs))
          .f("is_async", g.is_async ? "1" : "0")
          .done();
    });
  }

  std::string names(const std::vector<std::string>& ns) {
    return list(ns, [&](const std::string& n) { return quoted(n); });
  }

  std::string stmt(const Stmt& s);
  std::string expr(const Expr& e);
};

std::string Dumper::stmt(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      auto& n = cast<FunctionDef>(s);
      Call_ c(n.is_async ? "AsyncFunctionDef" : "FunctionDef");
      c.f("name", quoted(n.name)).f("args", arguments(n.args)).f("body", stmts(n.body));
      c.f("decorator_list", exprs(n.decorators));
      opt(c, "returns", n.returns);
      return finish(c, s.span);
    }
    case StmtKind::ClassDef: {
      auto& n = cast<ClassDef>(s);
      Call_ c("ClassDef");
      c.f("name", quoted(n.name)).f("bases", exprs(n.bases)).f("keywords", keywords(n.keywords));
      c.f("body", stmts(n.body)).f("decorator_list", exprs(n.decorators));
      return finish(c, s.span);
    }
    case StmtKind::Return: {
      Call_ c("Return");
      opt(c, "value", cast<Return>(s).value);
      return finish(c, s.span);
    }
    case StmtKind::Delete: {
      Call_ c("Delete");
      c.f("targets", exprs(cast<Delete>(s).targets));
      return finish(c, s.span);
    }
    case StmtKind::Assign: {
      auto& n = cast<Assign>(s);
      Call_ c("Assign");
      c.f("targets", exprs(n.targets)).f("value", expr(*n.value));
      return finish(c, s.span);
    }
    case StmtKind::AugAssign: {
      auto& n = cast<AugAssign>(s);
      Call_ c("AugAssign");
      c.f("target", expr(*n.target)).f("op", op(to_string(n.op))).f("value", expr(*n.value));
      return finish(c, s.span);
    }
    case StmtKind::AnnAssign: {
      auto& n = cast<AnnAssign>(s);
      Call_ c("AnnAssign");
      c.f("target", expr(*n.target)).f("annotation", expr(*n.annotation));
      opt(c, "value", n.value);
      c.f("simple", n.simple ? "1" : "0");
      return finish(c, s.span);
    }
    case StmtKind::For: {
      auto& n = cast<For>(s);
      Call_ c(n.is_async ? "AsyncFor" : "For");
      c.f("target", expr(*n.target)).f("iter", expr(*n.iter));
      c.f("body", stmts(n.body)).f("orelse", stmts(n.orelse));
      return finish(c, s.span);
    }
    case StmtKind::While: {
      auto& n = cast<While>(s);
      Call_ c("While");
      c.f("test", expr(*n.test)).f("body", stmts(n.body)).f("orelse", stmts(n.orelse));
      return finish(c, s.span);
    }
    case StmtKind::If: {
      auto& n = cast<If>(s);
      Call_ c("If");
      c.f("test", expr(*n.test)).f("body", stmts(n.body)).f("orelse", stmts(n.orelse));
      return finish(c, s.span);
    }
    case StmtKind::With: {
      auto& n = cast<With>(s);
      Call_ c(n.is_async ? "AsyncWith" : "With");
      c.f("items", list(n.items, [&](const WithItem& w) {
        Call_ wc("withitem");
        wc.f("context_expr", expr(*w.context_expr));
        opt(wc, "optional_vars", w.optional_vars);
        return wc.done();
      }));
      c.f("body", stmts(n.body));
      return finish(c, s.span);
    }
    case StmtKind::Raise: {
      auto& n = cast<Raise>(s);
      Call_ c("Raise");
      opt(c, "exc", n.exc);
      opt(c, "cause", n.cause);
      return finish(c, s.span);
    }
    case StmtKind::Try: {
      auto& n = cast<Try>(s);
      Call_ c(n.is_star ? "TryStar" : "Try");
      c.f("body", stmts(n.body));
      c.f("handlers", list(n.handlers, [&](const ExceptHandler& h) {
        Call_ hc("ExceptHandler");
        opt(hc, "type", h.type);
        if (h.name) hc.f("name", quoted(*h.name));
        hc.f("body", stmts(h.body));
        return finish(hc, h.span);
      }));
      c.f("orelse", stmts(n.orelse)).f("finalbody", stmts(n.finalbody));
      return finish(c, s.span);
    }
    case StmtKind::Assert: {
      auto& n = cast<Assert>(s);
      Call_ c("Assert");
      c.f("test", expr(*n.test));
      opt(c, "msg", n.msg);
      return finish(c, s.span);
    }
    case StmtKind::Import: {
      Call_ c("Import");
      c.f("names", aliases(cast<Import>(s).names));
      return finish(c, s.span);
    }
    case StmtKind::ImportFrom: {
      auto& n = cast<ImportFrom>(s);
      Call_ c("ImportFrom");
      if (n.module) c.f("module", quoted(*n.module));
      c.f("names", aliases(n.names)).f("level", std::to_string(n.level));
      return finish(c, s.span);
    }
    case StmtKind::Global: {
      Call_ c("Global");
      c.f("names", names(cast<Global>(s).names));
      return finish(c, s.span);
    }
    case StmtKind::Nonlocal: {
      Call_ c("Nonlocal");
      c.f("names", names(cast<Nonlocal>(s).names));
      return finish(c, s.span);
    }
    case StmtKind::Expr: {
      Call_ c("Expr");
      c.f("value", expr(*cast<ExprStmt>(s).value));
      return finish(c, s.span);
    }
    case StmtKind::Pass: {
      Call_ c("Pass");
      return finish(c, s.span);
    }
    case StmtKind::Break: {
      Call_ c("Break");
      return finish(c, s.span);
    }
    case StmtKind::Continue: {
      Call_ c("Continue");
      return finish(c, s.span);
    }
    case StmtKind::Match: {
      auto& n = cast<Match>(s);
      Call_ c("Match");
      c.f("subject", expr(*n.subject));
      c.f("cases", list(n.cases, [&](const MatchCase& mc) {
        Call_ cc("match_case");
        std::string binds;  // patterns are not kept: show the names they bind
        for (auto& b : mc.bound_names) binds += (binds.empty() ? " binds " : ", ") + b;
        cc.f("pattern", "<pattern" + binds + ">");
        opt(cc, "guard", mc.guard);
        cc.f("body", stmts(mc.body));
        return cc.done();
      }));
      return finish(c, s.span);
    }
  }
  return "?";
}

std::string Dumper::expr(const Expr& e) {
  Call_ c(to_string(e.kind));
  switch (e.kind) {
    case ExprKind::BoolOp: {
      auto& n = cast<BoolOp>(e);
      c.f("op", op(to_string(n.op))).f("values", exprs(n.values));
      break;
    }
    case ExprKind::NamedExpr: {
      auto& n = cast<NamedExpr>(e);
      c.f("target", expr(*n.target)).f("value", expr(*n.value));
      break;
    }
    case ExprKind::BinOp: {
      auto& n = cast<BinOp>(e);
      c.f("left", expr(*n.left)).f("op", op(to_string(n.op))).f("right", expr(*n.right));
      break;
    }
    case ExprKind::UnaryOp: {
      auto& n = cast<UnaryOp>(e);
      c.f("op", op(to_string(n.op))).f("operand", expr(*n.operand));
      break;
    }
    case ExprKind::Lambda: {
      auto& n = cast<Lambda>(e);
      c.f("args", arguments(n.args)).f("body", expr(*n.body));
      break;
    }
    case ExprKind::IfExp: {
      auto& n = cast<IfExp>(e);
      c.f("test", expr(*n.test)).f("body", expr(*n.body)).f("orelse", expr(*n.orelse));
      break;
    }
    case ExprKind::Dict: {
      auto& n = cast<Dict>(e);
      c.f("keys", exprs(n.keys)).f("values", exprs(n.values));
      break;
    }
    case ExprKind::Set:
      c.f("elts", exprs(cast<Set>(e).elts));
      break;
    case ExprKind::ListComp: {
      auto& n = cast<ListComp>(e);
      c.f("elt", expr(*n.elt)).f("generators", generators(n.generators));
      break;
    }
    case ExprKind::SetComp: {
      auto& n = cast<SetComp>(e);
      c.f("elt", expr(*n.elt)).f("generators", generators(n.generators));
      break;
    }
    case ExprKind::GeneratorExp: {
      auto& n = cast<GeneratorExp>(e);
      c.f("elt", expr(*n.elt)).f("generators", generators(n.generators));
      break;
    }
    case ExprKind::DictComp: {
      auto& n = cast<DictComp>(e);
      c.f("key", expr(*n.key)).f("value", expr(*n.value));
      c.f("generators", generators(n.generators));
      break;
    }
    case ExprKind::Await:
      c.f("value", expr(*cast<Await>(e).value));
      break;
    case ExprKind::Yield:
      opt(c, "value", cast<Yield>(e).value);
      break;
    case ExprKind::YieldFrom:
      c.f("value", expr(*cast<YieldFrom>(e).value));
      break;
    case ExprKind::Compare: {
      auto& n = cast<Compare>(e);
      c.f("left", expr(*n.left));
      c.f("ops", list(n.ops, [&](CmpKind k) { return op(to_string(k)); }));
      c.f("comparators", exprs(n.comparators));
      break;
    }
    case ExprKind::Call: {
      auto& n = cast<Call>(e);
      c.f("func", expr(*n.func)).f("args", exprs(n.args)).f("keywords", keywords(n.keywords));
      break;
    }
    case ExprKind::FormattedValue: {
      auto& n = cast<FormattedValue>(e);
      c.f("value", expr(*n.value)).f("conversion", std::to_string(n.conversion));
      opt(c, "format_spec", n.format_spec);
      break;
    }
    case ExprKind::JoinedStr:
      c.f("values", exprs(cast<JoinedStr>(e).values));
      break;
    case ExprKind::Constant:
      c.f("value", constant_repr(cast<Constant>(e)));
      break;
    case ExprKind::Attribute: {
      auto& n = cast<Attribute>(e);
      c.f("value", expr(*n.value)).f("attr", quoted(n.attr)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::Subscript: {
      auto& n = cast<Subscript>(e);
      c.f("value", expr(*n.value)).f("slice", expr(*n.slice)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::Starred: {
      auto& n = cast<Starred>(e);
      c.f("value", expr(*n.value)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::Name: {
      auto& n = cast<Name>(e);
      c.f("id", quoted(n.id)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::List: {
      auto& n = cast<List>(e);
      c.f("elts", exprs(n.elts)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::Tuple: {
      auto& n = cast<Tuple>(e);
      c.f("elts", exprs(n.elts)).f("ctx", op(to_string(n.ctx)));
      break;
    }
    case ExprKind::Slice: {
      auto& n = cast<Slice>(e);
      opt(c, "lower", n.lower);
      opt(c, "upper", n.upper);
      opt(c, "step", n.step);
      break;
    }
  }
  return finish(c, e.span);
}

}  // namespace

std::string dump_ast(const Module& module, bool include_spans) {
  return Dumper(include_spans).module(module);
}

}  // namespace ufora::lower
