// Two passes, as CPython's symtable.c: collect what each scope binds, declares
// and uses; then decide every name's kind top-down, marking cells bottom-up.
#include "lower/scope_analysis.h"

#include <algorithm>
#include <unordered_set>

#include "lower/ast_walk.h"
#include "lower/diagnostics.h"

namespace ufora::lower {

const char* to_string(NameKind k) {
  switch (k) {
    case NameKind::Local: return "Local";
    case NameKind::Cell: return "Cell";
    case NameKind::Free: return "Free";
    case NameKind::Global: return "Global";
    case NameKind::Builtin: return "Builtin";
  }
  return "?";
}

namespace {

bool is_builtin(std::string_view n) {
  static const std::unordered_set<std::string_view> names = {
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
      "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning",
      "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
      "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
      "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError",
      "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
      "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
      "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
      "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented",
      "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
      "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
      "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
      "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError",
      "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
      "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
      "Warning", "ZeroDivisionError", "__build_class__", "__debug__", "__import__", "abs",
      "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
      "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr",
      "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
      "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int",
      "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
      "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
      "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
      "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
      ".while_count"};  // made by desugar_while_count, not nameable in Python
  return names.count(n) != 0;
}

// What pass 1 learns about one name in one scope.
struct Facts {
  bool bound = false;
  bool global_decl = false;
  bool nonlocal_decl = false;  // also: walrus target seen from a comprehension
};

// Pass-1 state of one scope, kept beside its ScopeInfo.
struct Pending {
  ScopeInfo* info;
  std::unordered_map<std::string, Facts> facts;
  std::vector<std::string> order;  // every name in first-mention order
  std::vector<std::string> params;
  std::vector<const Name*> names;  // Name nodes occurring in this scope
};

bool function_like(ScopeKind k) {
  return k == ScopeKind::Function || k == ScopeKind::Lambda || k == ScopeKind::Comprehension;
}

class Collector : public AstVisitor {
 public:
  Collector(std::vector<std::unique_ptr<ScopeInfo>>& all,
                     std::unordered_map<const ScopeInfo*, Pending>& pending)
      : all_(all), pending_(pending) {}

  Pending& open(ScopeKind kind, const Node& node, std::string name) {
    auto info = std::make_unique<ScopeInfo>();
    info->kind = kind;
    info->node = &node;
    info->name = std::move(name);
    if (!stack_.empty()) {
      info->parent = stack_.back()->info;
      const_cast<ScopeInfo*>(info->parent)->children.push_back(info.get());
    }
    Pending& p = pending_[info.get()];
    p.info = info.get();
    all_.push_back(std::move(info));
    stack_.push_back(&p);
    return p;
  }
  void close() { stack_.pop_back(); }

  void visit(const Stmt& s) override;
  void visit(const Expr& e) override;

 private:
  std::vector<std::unique_ptr<ScopeInfo>>& all_;
  std::unordered_map<const ScopeInfo*, Pending>& pending_;
  std::vector<Pending*> stack_;

  Pending& cur() { return *stack_.back(); }
  Facts& mention(Pending& p, const std::string& n) {
    auto [it, fresh] = p.facts.try_emplace(n);
    if (fresh) p.order.push_back(n);
    return it->second;
  }
  void bind(const std::string& n) { mention(cur(), n).bound = true; }
  void use(const std::string& n) {
    mention(cur(), n);
    // super() needs the implicit `__class__` cell of the enclosing class.
    if (n == "super" && cur().info->kind != ScopeKind::Class && cur().info->kind != ScopeKind::Module)
      mention(cur(), "__class__");
  }
  void params(const Arguments& a) {
    auto add = [&](const Arg& arg) {
      bind(arg.name);
      cur().params.push_back(arg.name);
    };
    for (auto& p : a.posonly) add(p);
    for (auto& p : a.args) add(p);
    for (auto& p : a.kwonly) add(p);
    if (a.vararg) add(*a.vararg);
    if (a.kwarg) add(*a.kwarg);
  }
  void comprehension(const Expr& node, const std::vector<Comprehension>& gens, const char* name,
                     const std::vector<const Expr*>& elts);
  void walrus_target(const Name& target);
};

void Collector::visit(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      auto& f = cast<FunctionDef>(s);
      visit_all(f.decorators);
      visit_arguments(f.args);  // defaults and annotations: evaluated outside
      visit_opt(f.returns);
      bind(f.name);
      open(ScopeKind::Function, f, f.name);
      params(f.args);
      visit_body(f.body);
      close();
      return;
    }
    case StmtKind::ClassDef: {
      auto& c = cast<ClassDef>(s);
      visit_all(c.decorators);
      visit_all(c.bases);
      for (auto& k : c.keywords) visit(*k.value);
      bind(c.name);
      open(ScopeKind::Class, c, c.name);
      visit_body(c.body);
      close();
      return;
    }
    case StmtKind::Global:
      for (auto& n : cast<Global>(s).names) mention(cur(), n).global_decl = true;
      return;
    case StmtKind::Nonlocal:
      for (auto& n : cast<Nonlocal>(s).names) mention(cur(), n).nonlocal_decl = true;
      return;
    case StmtKind::Import:
      for (auto& a : cast<Import>(s).names)
        bind(a.asname ? *a.asname : a.name.substr(0, a.name.find('.')));
      return;
    case StmtKind::ImportFrom:
      for (auto& a : cast<ImportFrom>(s).names)
        if (a.name != "*") bind(a.asname ? *a.asname : a.name);
      return;
    case StmtKind::Try:
      for (auto& h : cast<Try>(s).handlers)
        if (h.name) bind(*h.name);
      break;
    case StmtKind::Match:
      for (auto& c : cast<Match>(s).cases)
        for (auto& n : c.bound_names) bind(n);
      break;
    default: break;
  }
  visit_children(s);
}

void Collector::walrus_target(const Name& target) {
  // `(y := v)` inside comprehensions binds y in the nearest enclosing
  // non-comprehension scope; each comprehension in between captures it.
  size_t i = stack_.size() - 1;
  while (stack_[i]->info->kind == ScopeKind::Comprehension) --i;
  Pending& owner = *stack_[i];
  mention(owner, target.id).bound = true;
  for (size_t j = i + 1; j < stack_.size(); ++j) {
    Facts& f = mention(*stack_[j], target.id);
    if (owner.info->kind == ScopeKind::Module) f.global_decl = true;
    else f.nonlocal_decl = true;
  }
  cur().names.push_back(&target);
}

void Collector::comprehension(const Expr& node, const std::vector<Comprehension>& gens,
                              const char* name, const std::vector<const Expr*>& elts) {
  visit(*gens.front().iter);  // evaluated in the enclosing scope
  Pending& p = open(ScopeKind::Comprehension, node, name);
  p.info->is_generator = node.kind == ExprKind::GeneratorExp;
  bind(".0");
  p.params.push_back(".0");
  for (size_t i = 0; i < gens.size(); ++i) {
    if (i > 0) visit(*gens[i].iter);
    visit(*gens[i].target);
    visit_all(gens[i].ifs);
  }
  for (auto* e : elts) visit(*e);
  close();
}

void Collector::visit(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: {
      auto& n = cast<Name>(e);
      if (n.ctx == ExprContext::Load) use(n.id);
      else bind(n.id);
      cur().names.push_back(&n);
      return;
    }
    case ExprKind::NamedExpr: {
      auto& n = cast<NamedExpr>(e);
      visit(*n.value);
      auto& target = cast<Name>(*n.target);
      if (cur().info->kind == ScopeKind::Comprehension) walrus_target(target);
      else visit(target);
      return;
    }
    case ExprKind::Lambda: {
      auto& l = cast<Lambda>(e);
      visit_arguments(l.args);
      open(ScopeKind::Lambda, l, "<lambda>");
      params(l.args);
      visit(*l.body);
      close();
      return;
    }
    case ExprKind::ListComp: {
      auto& c = cast<ListComp>(e);
      return comprehension(e, c.generators, "<listcomp>", {c.elt.get()});
    }
    case ExprKind::SetComp: {
      auto& c = cast<SetComp>(e);
      return comprehension(e, c.generators, "<setcomp>", {c.elt.get()});
    }
    case ExprKind::GeneratorExp: {
      auto& c = cast<GeneratorExp>(e);
      return comprehension(e, c.generators, "<genexpr>", {c.elt.get()});
    }
    case ExprKind::DictComp: {
      auto& c = cast<DictComp>(e);
      return comprehension(e, c.generators, "<dictcomp>", {c.key.get(), c.value.get()});
    }
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      cur().info->is_generator = true;
      break;
    default: break;
  }
  visit_children(e);
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Pass 2. `enclosing` holds the names that enclosing function scopes bind
// (visible to closures); returns the free names of this scope.
class Resolver {
 public:
  Resolver(std::unordered_map<const ScopeInfo*, Pending>& pending, const Pending& module)
      : pending_(pending), module_(module) {}

  std::vector<std::string> resolve(Pending& p, const std::unordered_set<std::string>& enclosing) {
    ScopeInfo& s = *p.info;
    auto implicit_global = [&](const std::string& n) {
      auto it = module_.facts.find(n);
      bool module_bound = it != module_.facts.end() && it->second.bound;
      return !module_bound && is_builtin(n) ? NameKind::Builtin : NameKind::Global;
    };
    std::vector<std::string> free;
    for (auto& n : p.order) {
      const Facts& f = p.facts.at(n);
      NameKind k;
      if (s.kind == ScopeKind::Module) k = f.bound ? NameKind::Global : implicit_global(n);
      else if (f.global_decl) k = NameKind::Global;
      else if (f.nonlocal_decl) k = NameKind::Free;
      else if (f.bound) k = NameKind::Local;
      else if (enclosing.count(n)) k = NameKind::Free;
      else k = implicit_global(n);
      s.symbols[n] = k;
      if (k == NameKind::Free) free.push_back(n);
    }
    // Parameters first, then the other bound names.
    s.locals = p.params;
    s.param_count = p.params.size();
    for (auto& n : p.order)
      if (s.symbols[n] == NameKind::Local || (s.kind == ScopeKind::Module && p.facts[n].bound))
        add_unique(s.locals, n);

    // What inner scopes can see: class bodies add nothing but `__class__`.
    std::unordered_set<std::string> inner = enclosing;
    if (function_like(s.kind)) {
      for (auto& n : p.order) {
        if (s.symbols[n] == NameKind::Local || s.symbols[n] == NameKind::Free) inner.insert(n);
        if (s.symbols[n] == NameKind::Global) inner.erase(n);
      }
    } else if (s.kind == ScopeKind::Class) {
      inner.insert("__class__");
    } else {
      inner.clear();
    }
    for (auto* child : s.children) {
      for (auto& n : resolve(pending_.at(child), inner)) {
        auto it = s.symbols.find(n);
        NameKind here = it == s.symbols.end() ? NameKind::Global : it->second;
        bool known = it != s.symbols.end();
        if (s.kind == ScopeKind::Class && n == "__class__") {
          add_unique(s.cellvars, n);
        } else if (known && here == NameKind::Local && function_like(s.kind)) {
          it->second = NameKind::Cell;
          add_unique(s.cellvars, n);
        } else if (!known || here != NameKind::Cell) {
          // Passes through this scope on its way to the inner one; a class
          // keeps its own binding of the name for class-level code.
          if (!known) s.symbols[n] = NameKind::Free;
          if (std::find(free.begin(), free.end(), n) == free.end()) free.push_back(n);
        }
      }
    }
    s.freevars = free;
    return free;
  }

 private:
  std::unordered_map<const ScopeInfo*, Pending>& pending_;
  const Pending& module_;
};

}  // namespace

NameKind ScopeInfo::lookup(std::string_view name) const {
  auto it = symbols.find(std::string(name));
  if (it != symbols.end()) return it->second;
  const ScopeInfo* m = this;
  while (m->parent) m = m->parent;
  auto g = m->symbols.find(std::string(name));
  if (g != m->symbols.end() && g->second == NameKind::Global) return NameKind::Global;
  return is_builtin(name) ? NameKind::Builtin : NameKind::Global;
}

const ScopeInfo* ScopeTable::find(const Node* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

const ScopeInfo& ScopeTable::at(const Node* node) const {
  if (auto s = find(node)) return *s;
  UFORA_INTERNAL_ERROR("no scope recorded for this node");
}

const ScopeInfo& ScopeTable::scope_of(const Name* name) const {
  auto it = name_scope_.find(name);
  if (it == name_scope_.end()) UFORA_INTERNAL_ERROR("Name node not seen by scope analysis: " + name->id);
  return *it->second;
}

const ScopeInfo* ScopeTable::find_scope_of(const Name* name) const {
  auto it = name_scope_.find(name);
  return it == name_scope_.end() ? nullptr : it->second;
}

NameKind ScopeTable::resolve(const Name* name) const { return scope_of(name).lookup(name->id); }

ScopeTable analyze_scopes(const Module& module) {
  ScopeTable table;
  std::unordered_map<const ScopeInfo*, Pending> pending;
  Collector collect(table.all_, pending);
  Pending& top = collect.open(ScopeKind::Module, module, "<module>");
  collect.visit_module(module);
  collect.close();
  Resolver(pending, top).resolve(top, {});
  for (auto& s : table.all_) {
    table.by_node_[s->node] = s.get();
    for (auto* n : pending.at(s.get()).names) table.name_scope_[n] = s.get();
  }
  table.module_ = table.all_.front().get();
  return table;
}

}  // namespace ufora::lower
