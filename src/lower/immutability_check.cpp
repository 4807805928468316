#include "lower/immutability_check.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "lower/ast_walk.h"
#include "lower/unparse.h"

namespace ufora::lower {
namespace {

enum class Container { None, List, Dict, Set };

const char* noun(Container c) {
  return c == Container::Dict ? "dict" : c == Container::Set ? "set" : "list";
}

// What kind of container an expression certainly builds, if any.
Container container_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::List:
    case ExprKind::ListComp: return Container::List;
    case ExprKind::Dict:
    case ExprKind::DictComp: return Container::Dict;
    case ExprKind::Set:
    case ExprKind::SetComp: return Container::Set;
    case ExprKind::Call: {
      auto f = dyn_cast<Name>(cast<Call>(e).func.get());
      if (!f) return Container::None;
      if (f->id == "list" || f->id == "sorted") return Container::List;
      if (f->id == "dict") return Container::Dict;
      if (f->id == "set") return Container::Set;
      return Container::None;
    }
    default: return Container::None;
  }
}

using Kinds = std::unordered_map<std::string, Container>;

// Names that some assignment in one scope binds to a container. Flow
// insensitive on purpose: a loop may rebind before the assignment it reaches.
class ContainerNames : public AstVisitor {
 public:
  Kinds kinds;

  void visit(const Stmt& s) override {
    if (s.kind == StmtKind::FunctionDef || s.kind == StmtKind::ClassDef) return;  // other scopes
    if (auto a = dyn_cast<Assign>(&s)) {
      for (auto& t : a->targets) note(*t, *a->value);
    } else if (auto a = dyn_cast<AnnAssign>(&s); a && a->value) {
      note(*a->target, *a->value);
    }
    visit_children(s);
  }
  void visit(const Expr& e) override {
    if (e.kind == ExprKind::Lambda) return;
    if (auto n = dyn_cast<NamedExpr>(&e)) note(*n->target, *n->value);
    visit_children(e);
  }

 private:
  void note(const Expr& target, const Expr& value) {
    auto name = dyn_cast<Name>(&target);
    Container c = container_of(value);
    if (name && c != Container::None) kinds[name->id] = c;
  }
};

Kinds container_names(const StmtList& body) {
  ContainerNames c;
  c.visit_body(body);
  return std::move(c.kinds);
}

// The mutating methods of list, dict and set, with the type they imply.
const std::unordered_map<std::string, Container>& mutating_methods() {
  static const std::unordered_map<std::string, Container> m = {
      {"append", Container::List},  {"extend", Container::List},
      {"insert", Container::List},  {"sort", Container::List},
      {"reverse", Container::List}, {"pop", Container::List},
      {"remove", Container::List},  {"clear", Container::List},
      {"add", Container::Set},      {"discard", Container::Set},
      {"difference_update", Container::Set},
      {"intersection_update", Container::Set},
      {"symmetric_difference_update", Container::Set},
      {"update", Container::Dict},  {"setdefault", Container::Dict},
      {"popitem", Container::Dict}};
  return m;
}

// Method names defined by classes of this module: `obj.update(...)` on a
// user's object is an ordinary call.
class MethodNames : public AstVisitor {
 public:
  std::unordered_set<std::string> names;
  void visit(const Stmt& s) override {
    if (auto c = dyn_cast<ClassDef>(&s))
      for (auto& m : c->body)
        if (auto f = dyn_cast<FunctionDef>(m.get())) names.insert(f->name);
    visit_children(s);
  }
};

std::string code(const std::string& s) { return "`" + s + "`"; }

// Source of `index + 1`, folded for int literals (`xs[0 + 1:]` reads badly).
std::string plus_one(const Expr* index, const std::string& fallback) {
  auto c = dyn_cast<Constant>(index);
  if (c && c->value_kind == ConstKind::Int && c->fits_int64 && c->int_value < INT64_MAX)
    return std::to_string(c->int_value + 1);
  return fallback + " + 1";
}

// The immutable way to write `obj.method(args)`.
std::string method_hint(const std::string& method, Container kind, const Call& call,
                        const std::string& o) {
  std::string a0 = call.args.size() > 0 ? unparse(*call.args[0]) : "";
  std::string a1 = call.args.size() > 1 ? unparse(*call.args[1]) : "None";
  std::string build = std::string("build a new ") + noun(kind) + ": ";
  if (method == "append") return build + code(o + " = " + o + " + [" + a0 + "]");
  if (method == "extend") return build + code(o + " = " + o + " + list(" + a0 + ")");
  if (method == "insert")
    return build + code(o + " = " + o + "[:" + a0 + "] + [" + a1 + "] + " + o + "[" + a0 + ":]");
  if (method == "sort") {
    std::string kw;
    for (auto& k : call.keywords)
      if (k.arg) kw += ", " + *k.arg + "=" + unparse(*k.value);
    return "use a sorted copy: " + code(o + " = sorted(" + o + kw + ")");
  }
  if (method == "reverse") return "use a reversed copy: " + code(o + " = " + o + "[::-1]");
  if (method == "clear")
    return "bind a new empty one: " +
           code(o + " = " + (kind == Container::Dict ? "{}" : kind == Container::Set ? "set()" : "[]"));
  if (method == "add") return build + code(o + " = " + o + " | {" + a0 + "}");
  if (method == "discard") return build + code(o + " = " + o + " - {" + a0 + "}");
  if (method == "difference_update") return build + code(o + " = " + o + " - set(" + a0 + ")");
  if (method == "intersection_update") return build + code(o + " = " + o + " & set(" + a0 + ")");
  if (method == "symmetric_difference_update")
    return build + code(o + " = " + o + " ^ set(" + a0 + ")");
  if (method == "setdefault") return build + code(o + " = {" + a0 + ": " + a1 + ", **" + o + "}");
  if (method == "popitem") return build + code(o + " = dict(list(" + o + ".items())[:-1])");
  if (method == "update") {
    if (kind == Container::Set) return build + code(o + " = " + o + " | set(" + a0 + ")");
    std::string parts = "**" + o;
    if (!a0.empty()) parts += ", **" + a0;
    for (auto& k : call.keywords)
      parts += k.arg ? ", '" + *k.arg + "': " + unparse(*k.value) : ", **" + unparse(*k.value);
    return build + code(o + " = {" + parts + "}");
  }
  if (method == "remove") {
    if (kind == Container::Set) return build + code(o + " = " + o + " - {" + a0 + "}");
    return build + code(o + " = " + o + "[:" + o + ".index(" + a0 + ")] + " + o + "[" + o +
                        ".index(" + a0 + ") + 1:]");
  }
  // pop
  if (kind == Container::Dict)
    return "read " + code(o + "[" + a0 + "]") + ", then " +
           code(o + " = {k: v for k, v in " + o + ".items() if k != " + a0 + "}");
  if (kind == Container::Set) return "pick an item, then " + code(o + " = " + o + " - {item}");
  if (a0.empty()) return "read " + code(o + "[-1]") + ", then " + code(o + " = " + o + "[:-1]");
  return "read " + code(o + "[" + a0 + "]") + ", then " +
         code(o + " = " + o + "[:" + a0 + "] + " + o + "[" + plus_one(call.args[0].get(), a0) + ":]");
}

// One scope being checked: which names hold containers, and whether it is a
// class's __init__ (where `self.x = ...` is how objects are built).
struct Scope {
  explicit Scope(Kinds k) : kinds(std::move(k)) {}
  Kinds kinds;
  bool is_init = false;
  std::string self_name;        // first parameter of a method
  std::string class_name;       // set for methods (and the class body itself)
  bool is_class_body = false;
};

class Checker : public AstVisitor {
 public:
  explicit Checker(const Module& m) {
    MethodNames names;
    names.visit_module(m);
    user_methods_ = std::move(names.names);
    scopes_.emplace_back(container_names(m.body));
  }

  std::vector<UserError> found;

  void visit(const Stmt& s) override;
  void visit(const Expr& e) override;

 private:
  std::vector<Scope> scopes_;
  std::unordered_set<std::string> user_methods_;
  // Source of the value being stored by the statement under visit, for hints.
  std::string stored_value_;

  Scope& scope() { return scopes_.back(); }
  Container kind_of(const Expr& e) {
    if (auto n = dyn_cast<Name>(&e)) {
      auto it = scope().kinds.find(n->id);
      if (it != scope().kinds.end()) return it->second;
    }
    return Container::None;
  }
  void report(const Node& at, std::string message, std::string hint) {
    found.emplace_back(UserErrorKind::Mutation, at.span, std::move(message), std::move(hint));
  }

  void function(const FunctionDef& f);
  void store_subscript(const Subscript& s);
  void store_attribute(const Attribute& a);
  void call(const Call& c);
  void aug_assign(const AugAssign& a);
  void del(const Delete& d);
};

void Checker::visit(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
      bool global = s.kind == StmtKind::Global;
      auto& names = global ? cast<Global>(s).names : cast<Nonlocal>(s).names;
      std::string list;
      for (auto& n : names) list += (list.empty() ? "" : ", ") + n;
      report(s,
             code(std::string(global ? "global " : "nonlocal ") + list) +
                 (global ? " lets a function change a module-level variable"
                         : " lets a function change a variable of its enclosing function"),
             "pass the value in and return the new one");
      return;
    }
    case StmtKind::Delete: return del(cast<Delete>(s));
    case StmtKind::FunctionDef: return function(cast<FunctionDef>(s));
    case StmtKind::ClassDef: {
      auto& c = cast<ClassDef>(s);
      visit_all(c.decorators);
      visit_all(c.bases);
      for (auto& k : c.keywords) visit(*k.value);
      Scope body(container_names(c.body));
      body.class_name = c.name;
      body.is_class_body = true;
      scopes_.push_back(std::move(body));
      visit_body(c.body);
      scopes_.pop_back();
      return;
    }
    case StmtKind::Assign: {
      auto& a = cast<Assign>(s);
      stored_value_ = unparse(*a.value);
      visit_all(a.targets);
      stored_value_.clear();
      visit(*a.value);
      return;
    }
    case StmtKind::AnnAssign: {
      auto& a = cast<AnnAssign>(s);
      if (a.value) stored_value_ = unparse(*a.value);
      visit(*a.target);
      stored_value_.clear();
      visit(*a.annotation);
      visit_opt(a.value);
      return;
    }
    case StmtKind::AugAssign: return aug_assign(cast<AugAssign>(s));
    default: visit_children(s);
  }
}

void Checker::visit(const Expr& e) {
  if (auto s = dyn_cast<Subscript>(&e); s && s->ctx == ExprContext::Store) store_subscript(*s);
  if (auto a = dyn_cast<Attribute>(&e); a && a->ctx == ExprContext::Store) store_attribute(*a);
  if (auto c = dyn_cast<Call>(&e)) call(*c);
  visit_children(e);
}

void Checker::function(const FunctionDef& f) {
  visit_all(f.decorators);
  visit_arguments(f.args);
  visit_opt(f.returns);
  Scope body(container_names(f.body));
  if (scope().is_class_body) {
    body.class_name = scope().class_name;
    const Arg* first = !f.args.posonly.empty() ? &f.args.posonly[0]
                     : !f.args.args.empty()    ? &f.args.args[0]
                                               : nullptr;
    if (first) body.self_name = first->name;
    body.is_init = f.name == "__init__" && first;
  }
  scopes_.push_back(std::move(body));
  visit_body(f.body);
  scopes_.pop_back();
}

void Checker::store_subscript(const Subscript& s) {
  std::string o = unparse(*s.value);
  std::string i = isa<Slice>(s.slice.get()) ? "i" : unparse(*s.slice);
  std::string v = stored_value_.empty() ? "v" : stored_value_;
  Container kind = kind_of(*s.value);
  std::string dict_way = code(o + " = {**" + o + ", " + i + ": " + v + "}");
  std::string next = plus_one(s.slice.get(), i);
  std::string list_way = code(o + " = " + o + "[:" + i + "] + [" + v + "] + " + o + "[" + next + ":]");
  std::string hint = kind == Container::Dict ? "build a new dict: " + dict_way
                   : kind == Container::List ? "build a new list: " + list_way
                   : "build a new one, e.g. for a dict " + dict_way + ", for a list " + list_way;
  report(s, "item assignment mutates " + code(o), hint);
}

void Checker::store_attribute(const Attribute& a) {
  auto obj = dyn_cast<Name>(a.value.get());
  bool on_self = obj && !scope().self_name.empty() && obj->id == scope().self_name;
  if (on_self && scope().is_init) return;  // building the object: allowed
  std::string target = unparse(a);
  if (on_self) {
    std::string args = stored_value_.empty() ? "..." : stored_value_;
    report(a, "assignment to " + code(target) + " mutates the object after `__init__`",
           "return a new object instead: " + code("return " + scope().class_name + "(" + args + ")"));
    return;
  }
  report(a, "assignment to " + code(target) + " mutates an existing object",
         "attributes are set only in `__init__`: build a new object with the new value instead");
}

void Checker::call(const Call& c) {
  if (auto fn = dyn_cast<Name>(c.func.get()); fn && (fn->id == "setattr" || fn->id == "delattr")) {
    bool set = fn->id == "setattr";
    report(c, code(unparse(c)) + (set ? " sets an attribute of an existing object" : " deletes an attribute of an existing object"),
           set ? "attributes are set only in `__init__`: build a new object with the new value instead"
               : "objects never lose attributes: build a new object without it instead");
    return;
  }
  auto m = dyn_cast<Attribute>(c.func.get());
  if (!m) return;
  auto it = mutating_methods().find(m->attr);
  if (it == mutating_methods().end() || user_methods_.count(m->attr)) return;
  Container kind = kind_of(*m->value);
  if (kind == Container::None) kind = it->second;
  std::string o = unparse(*m->value);
  report(c, code(unparse(c)) + " mutates a " + noun(kind), method_hint(m->attr, kind, c, o));
}

void Checker::aug_assign(const AugAssign& a) {
  Container kind = kind_of(*a.target);
  if (kind == Container::None) kind = container_of(*a.value);
  std::string t = unparse(*a.target);
  std::string v = unparse(*a.value);
  std::string op = op_symbol(a.op);
  if (kind != Container::None && isa<Name>(a.target.get())) {
    report(a, code(t + " " + op + "= " + v) + " changes the " + noun(kind) + " " + code(t) + " in place",
           std::string("build a new ") + noun(kind) + ": " + code(t + " = " + t + " " + op + " " + v));
  }
  stored_value_ = t + " " + op + " " + v;
  visit(*a.target);
  stored_value_.clear();
  visit(*a.value);
}

void Checker::del(const Delete& d) {
  const Expr& t = *d.targets.front();
  std::string text = "del " + unparse(t);
  if (auto s = dyn_cast<Subscript>(&t)) {
    std::string o = unparse(*s->value);
    std::string i = unparse(*s->slice);
    std::string hint = kind_of(*s->value) == Container::Dict
        ? "build a new dict without it: " + code(o + " = {k: v for k, v in " + o + ".items() if k != " + i + "}")
        : "build a new list without it: " +
              code(o + " = " + o + "[:" + i + "] + " + o + "[" + plus_one(s->slice.get(), i) + ":]");
    report(d, code(text) + " removes an item in place", hint);
  } else if (isa<Attribute>(&t)) {
    report(d, code(text) + " removes an attribute in place", "build a new object without it");
  } else {
    report(d, code(text) + " unbinds a name", "`del` is not supported; rebind the name or stop using it");
  }
  for (auto& target : d.targets)  // e.g. `del xs[ys.pop()]`
    visit_children(*target);
}

}  // namespace

std::vector<UserError> find_mutations(const Module& module) {
  Checker c(module);
  c.visit_module(module);
  std::stable_sort(c.found.begin(), c.found.end(), [](const UserError& a, const UserError& b) {
    return std::pair(a.span().line, a.span().col) < std::pair(b.span().line, b.span().col);
  });
  return std::move(c.found);
}

void check_immutability(const Module& module) {
  auto found = find_mutations(module);
  if (!found.empty()) throw found.front();
}

}  // namespace ufora::lower
