#include "lower/unparse.h"

#include "lower/literal_repr.h"

namespace ufora::lower {
namespace {

// Binding strength, weakest first (the order of ast.unparse's _Precedence).
enum Prec {
  kNamedExpr, kTuple, kYield, kTest, kOr, kAnd, kNot, kCmp, kBor, kBxor, kBand, kShift,
  kArith, kTerm, kFactor, kPower, kAwait, kAtom
};

Prec bin_prec(BinOpKind k) {
  switch (k) {
    case BinOpKind::BitOr: return kBor;
    case BinOpKind::BitXor: return kBxor;
    case BinOpKind::BitAnd: return kBand;
    case BinOpKind::LShift:
    case BinOpKind::RShift: return kShift;
    case BinOpKind::Add:
    case BinOpKind::Sub: return kArith;
    case BinOpKind::Pow: return kPower;
    default: return kTerm;
  }
}

std::string up(const Expr& e, int ctx);

std::string join(const ExprList& es, int ctx) {
  std::string out;
  for (size_t i = 0; i < es.size(); ++i) out += (i ? ", " : "") + up(*es[i], ctx);
  return out;
}

std::string params(const Arguments& a) {
  std::vector<std::string> parts;
  size_t positional = a.posonly.size() + a.args.size();
  size_t first_default = positional - a.defaults.size();
  for (size_t i = 0; i < positional; ++i) {
    const Arg& p = i < a.posonly.size() ? a.posonly[i] : a.args[i - a.posonly.size()];
    std::string s = p.name;
    if (i >= first_default) s += "=" + up(*a.defaults[i - first_default], kTest);
    parts.push_back(s);
    if (i + 1 == a.posonly.size()) parts.push_back("/");
  }
  if (a.vararg) parts.push_back("*" + a.vararg->name);
  else if (!a.kwonly.empty()) parts.push_back("*");
  for (size_t i = 0; i < a.kwonly.size(); ++i) {
    std::string s = a.kwonly[i].name;
    if (a.kw_defaults[i]) s += "=" + up(*a.kw_defaults[i], kTest);
    parts.push_back(s);
  }
  if (a.kwarg) parts.push_back("**" + a.kwarg->name);
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string comprehensions(const std::vector<Comprehension>& gs) {
  std::string out;
  for (auto& g : gs) {
    out += g.is_async ? " async for " : " for ";
    out += up(*g.target, kTuple) + " in " + up(*g.iter, kTest + 1);
    for (auto& c : g.ifs) out += " if " + up(*c, kTest + 1);
  }
  return out;
}

std::string fstring_body(const JoinedStr& j);

std::string fstring_part(const Expr& e) {
  if (auto c = dyn_cast<Constant>(&e)) {
    std::string out;
    for (char ch : c->text) out += ch == '{' ? "{{" : ch == '}' ? "}}" : std::string(1, ch);
    return out;
  }
  if (auto f = dyn_cast<FormattedValue>(&e)) {
    std::string inner = up(*f->value, kTest + 1);
    std::string out = "{" + std::string(inner.front() == '{' ? " " : "") + inner;
    if (f->conversion >= 0) out += "!" + std::string(1, static_cast<char>(f->conversion));
    if (auto spec = dyn_cast<JoinedStr>(f->format_spec.get())) out += ":" + fstring_body(*spec);
    return out + "}";
  }
  return "{" + up(e, kTest + 1) + "}";
}

std::string fstring_body(const JoinedStr& j) {
  std::string out;
  for (auto& v : j.values) out += fstring_part(*v);
  return out;
}

// f + the repr of the f-string's source body, so quotes and escapes are right.
std::string fstring_literal(std::string body) {
  Constant c;
  c.value_kind = ConstKind::Str;
  c.text = std::move(body);
  return "f" + constant_repr(c);
}

std::string paren_if(bool p, const std::string& s) { return p ? "(" + s + ")" : s; }

std::string up(const Expr& e, int ctx) {
  switch (e.kind) {
    case ExprKind::Name: return cast<Name>(e).id;
    case ExprKind::Constant: {
      auto& c = cast<Constant>(e);
      if (c.value_kind == ConstKind::Ellipsis) return "...";
      return constant_repr(c);
    }
    case ExprKind::BoolOp: {
      auto& n = cast<BoolOp>(e);
      Prec p = n.op == BoolKind::And ? kAnd : kOr;
      std::string out;
      for (size_t i = 0; i < n.values.size(); ++i)
        out += (i ? (n.op == BoolKind::And ? " and " : " or ") : "") + up(*n.values[i], p + 1);
      return paren_if(ctx > p, out);
    }
    case ExprKind::NamedExpr: {
      auto& n = cast<NamedExpr>(e);
      return paren_if(ctx > kNamedExpr, up(*n.target, kAtom) + " := " + up(*n.value, kAtom));
    }
    case ExprKind::BinOp: {
      auto& n = cast<BinOp>(e);
      Prec p = bin_prec(n.op);
      // ** is right-associative; everything else is left-associative.
      bool right = n.op == BinOpKind::Pow;
      std::string s = up(*n.left, right ? p + 1 : p) + " " + op_symbol(n.op) + " " +
                      up(*n.right, right ? p : p + 1);
      return paren_if(ctx > p, s);
    }
    case ExprKind::UnaryOp: {
      auto& n = cast<UnaryOp>(e);
      if (n.op == UnaryKind::Not) return paren_if(ctx > kNot, "not " + up(*n.operand, kNot));
      const char* sym = n.op == UnaryKind::USub ? "-" : n.op == UnaryKind::UAdd ? "+" : "~";
      return paren_if(ctx > kFactor, sym + up(*n.operand, kFactor));
    }
    case ExprKind::Lambda: {
      auto& n = cast<Lambda>(e);
      std::string ps = params(n.args);
      return paren_if(ctx > kTest, "lambda" + (ps.empty() ? "" : " " + ps) + ": " + up(*n.body, kTest));
    }
    case ExprKind::IfExp: {
      auto& n = cast<IfExp>(e);
      return paren_if(ctx > kTest, up(*n.body, kTest + 1) + " if " + up(*n.test, kTest + 1) +
                                       " else " + up(*n.orelse, kTest));
    }
    case ExprKind::Dict: {
      auto& n = cast<Dict>(e);
      std::string out;
      for (size_t i = 0; i < n.values.size(); ++i) {
        out += i ? ", " : "";
        out += n.keys[i] ? up(*n.keys[i], kTest) + ": " + up(*n.values[i], kTest)
                         : "**" + up(*n.values[i], kBor);
      }
      return "{" + out + "}";
    }
    case ExprKind::Set: return "{" + join(cast<Set>(e).elts, kTest) + "}";
    case ExprKind::ListComp: {
      auto& n = cast<ListComp>(e);
      return "[" + up(*n.elt, kTest) + comprehensions(n.generators) + "]";
    }
    case ExprKind::SetComp: {
      auto& n = cast<SetComp>(e);
      return "{" + up(*n.elt, kTest) + comprehensions(n.generators) + "}";
    }
    case ExprKind::DictComp: {
      auto& n = cast<DictComp>(e);
      return "{" + up(*n.key, kTest) + ": " + up(*n.value, kTest) + comprehensions(n.generators) + "}";
    }
    case ExprKind::GeneratorExp: {
      auto& n = cast<GeneratorExp>(e);
      return "(" + up(*n.elt, kTest) + comprehensions(n.generators) + ")";
    }
    case ExprKind::Await: return paren_if(ctx > kAwait, "await " + up(*cast<Await>(e).value, kAtom));
    case ExprKind::Yield: {
      auto& n = cast<Yield>(e);
      return paren_if(ctx > kYield, n.value ? "yield " + up(*n.value, kTuple) : "yield");
    }
    case ExprKind::YieldFrom:
      return paren_if(ctx > kYield, "yield from " + up(*cast<YieldFrom>(e).value, kTest));
    case ExprKind::Compare: {
      auto& n = cast<Compare>(e);
      std::string s = up(*n.left, kCmp + 1);
      for (size_t i = 0; i < n.ops.size(); ++i)
        s += std::string(" ") + op_symbol(n.ops[i]) + " " + up(*n.comparators[i], kCmp + 1);
      return paren_if(ctx > kCmp, s);
    }
    case ExprKind::Call: {
      auto& n = cast<Call>(e);
      std::string args = join(n.args, kTest);
      for (auto& k : n.keywords) {
        if (!args.empty()) args += ", ";
        args += k.arg ? *k.arg + "=" + up(*k.value, kTest) : "**" + up(*k.value, kTest);
      }
      // A lone generator argument keeps its own parentheses: f(x for x in y).
      if (n.args.size() == 1 && n.keywords.empty() && isa<GeneratorExp>(n.args[0].get()))
        return up(*n.func, kAtom) + args;
      return up(*n.func, kAtom) + "(" + args + ")";
    }
    case ExprKind::FormattedValue: return fstring_literal(fstring_part(e));
    case ExprKind::JoinedStr: return fstring_literal(fstring_body(cast<JoinedStr>(e)));
    case ExprKind::Attribute: {
      auto& n = cast<Attribute>(e);
      std::string v = up(*n.value, kAtom);
      // `1 .real`: an int literal followed by '.' would read as a float.
      auto c = dyn_cast<Constant>(n.value.get());
      if (c && c->value_kind == ConstKind::Int) v += " ";
      return v + "." + n.attr;
    }
    case ExprKind::Subscript: {
      auto& n = cast<Subscript>(e);
      std::string idx;
      if (auto t = dyn_cast<Tuple>(n.slice.get()); t && !t->elts.empty())
        idx = join(t->elts, kTest) + (t->elts.size() == 1 ? "," : "");
      else
        idx = up(*n.slice, kTuple);
      return up(*n.value, kAtom) + "[" + idx + "]";
    }
    case ExprKind::Starred: return "*" + up(*cast<Starred>(e).value, kBor);
    case ExprKind::List: return "[" + join(cast<List>(e).elts, kTest) + "]";
    case ExprKind::Tuple: {
      auto& n = cast<Tuple>(e);
      std::string s = join(n.elts, kTest) + (n.elts.size() == 1 ? "," : "");
      return paren_if(n.elts.empty() || ctx > kTuple, s);
    }
    case ExprKind::Slice: {
      auto& n = cast<Slice>(e);
      std::string s = (n.lower ? up(*n.lower, kTest) : "") + ":" + (n.upper ? up(*n.upper, kTest) : "");
      if (n.step) s += ":" + up(*n.step, kTest);
      return s;
    }
  }
  return "?";
}

}  // namespace

std::string unparse(const Expr& e) { return up(e, kTuple); }

}  // namespace ufora::lower
