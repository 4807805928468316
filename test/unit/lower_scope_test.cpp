// Scope analysis against CPython's rules (the answers were checked with the
// `symtable` module).
#include <catch2/catch.hpp>

#include "lower/ast_walk.h"
#include "lower/parse_python.h"
#include "lower/scope_analysis.h"

using namespace ufora::lower;

namespace {
// Collects every Name node with the kind scope analysis gave it.
struct NameKinds : AstVisitor {
  const ScopeTable* table = nullptr;
  std::vector<std::pair<std::string, NameKind>> seen;
  void visit(const Expr& e) override {
    if (auto n = dyn_cast<Name>(&e)) seen.emplace_back(n->id, table->resolve(n));
    visit_children(e);
  }
};

struct Analyzed {
  std::unique_ptr<Module> module;
  ScopeTable table;
  std::vector<std::pair<std::string, NameKind>> names;
};

Analyzed analyze(const std::string& src) {
  auto m = parse_module(SourceFile("t.py", src));
  ScopeTable t = analyze_scopes(*m);
  NameKinds k;
  k.table = &t;
  k.visit_module(*m);
  return Analyzed{std::move(m), std::move(t), std::move(k.seen)};
}

const ScopeInfo& child(const ScopeInfo& s, size_t i) {
  REQUIRE(i < s.children.size());
  return *s.children[i];
}

using Names = std::vector<std::string>;
}  // namespace

TEST_CASE("scopes: locals, globals and builtins", "[lower][scope]") {
  auto a = analyze("x = 1\ndef f(a, *b, c, **d):\n    y = a + x\n    return len(y)\n");
  const ScopeInfo& f = child(a.table.module(), 0);
  CHECK(f.kind == ScopeKind::Function);
  CHECK(f.name == "f");
  CHECK(f.locals == Names{"a", "c", "b", "d", "y"});  // CPython's co_varnames order
  CHECK(f.param_count == 4);
  CHECK(f.lookup("x") == NameKind::Global);
  CHECK(f.lookup("len") == NameKind::Builtin);
  CHECK(f.lookup("y") == NameKind::Local);
  CHECK(a.table.module().lookup("x") == NameKind::Global);
  CHECK(&a.table.at(a.module->body[1].get()) == &f);
}

TEST_CASE("scopes: closures make cells and free variables", "[lower][scope]") {
  auto a = analyze(
      "def outer(n):\n"
      "    k = 2\n"
      "    def mid():\n"
      "        def inner():\n"
      "            return n * k\n"
      "        return inner\n"
      "    return mid\n");
  const ScopeInfo& outer = child(a.table.module(), 0);
  const ScopeInfo& mid = child(outer, 0);
  const ScopeInfo& inner = child(mid, 0);
  CHECK(outer.cellvars == Names{"n", "k"});
  CHECK(outer.lookup("n") == NameKind::Cell);
  CHECK(mid.freevars == Names{"n", "k"});  // passed through to inner
  CHECK(inner.freevars == Names{"n", "k"});
  CHECK(inner.lookup("k") == NameKind::Free);
}

TEST_CASE("scopes: class bodies do not enclose methods", "[lower][scope]") {
  auto a = analyze(
      "def make():\n"
      "    v = 1\n"
      "    class K:\n"
      "        v = 2\n"
      "        w = 3\n"
      "        def m(self):\n"
      "            return v + w + super().m()\n"
      "    return K\n");
  const ScopeInfo& make = child(a.table.module(), 0);
  const ScopeInfo& k = child(make, 0);
  const ScopeInfo& m = child(k, 0);
  CHECK(k.kind == ScopeKind::Class);
  CHECK(m.lookup("v") == NameKind::Free);    // make's v, not the class attribute
  CHECK(m.lookup("w") == NameKind::Global);  // class-level w is invisible
  CHECK(make.lookup("v") == NameKind::Cell);
  CHECK(k.lookup("v") == NameKind::Local);
  CHECK(m.lookup("__class__") == NameKind::Free);  // super() needs it
  CHECK(k.cellvars == Names{"__class__"});
}

TEST_CASE("scopes: comprehensions are scopes; the first iterable is outside", "[lower][scope]") {
  auto a = analyze("def f(xs, ys):\n    return [x + y for x in xs for y in ys if x]\n");
  const ScopeInfo& f = child(a.table.module(), 0);
  const ScopeInfo& comp = child(f, 0);
  CHECK(comp.kind == ScopeKind::Comprehension);
  CHECK(comp.locals == Names{".0", "x", "y"});
  CHECK(comp.lookup("ys") == NameKind::Free);
  CHECK(f.lookup("ys") == NameKind::Cell);
  CHECK(f.lookup("xs") == NameKind::Local);  // evaluated in f, so not captured
}

TEST_CASE("scopes: walrus in a comprehension binds in the function", "[lower][scope]") {
  auto a = analyze("def f(xs):\n    ys = [last := x for x in xs]\n    return last\n");
  const ScopeInfo& f = child(a.table.module(), 0);
  CHECK(f.lookup("last") == NameKind::Cell);
  CHECK(child(f, 0).lookup("last") == NameKind::Free);
}

TEST_CASE("scopes: global and nonlocal declarations", "[lower][scope]") {
  auto a = analyze(
      "def f():\n"
      "    global g\n"
      "    g = 1\n"
      "    c = 0\n"
      "    def h():\n"
      "        nonlocal c\n"
      "        c = c + 1\n"
      "        return g\n"
      "    return h\n");
  const ScopeInfo& f = child(a.table.module(), 0);
  const ScopeInfo& h = child(f, 0);
  CHECK(f.lookup("g") == NameKind::Global);
  CHECK(h.lookup("g") == NameKind::Global);
  CHECK(h.lookup("c") == NameKind::Free);
  CHECK(f.lookup("c") == NameKind::Cell);
}

TEST_CASE("scopes: generators and lambdas", "[lower][scope]") {
  auto a = analyze(
      "def gen(n):\n"
      "    yield n\n"
      "    def not_gen():\n"
      "        return 1\n"
      "def plain():\n"
      "    return (i for i in range(3))\n"
      "k = 2\n"
      "f = lambda x, y=k: x + y\n");
  const ScopeInfo& m = a.table.module();
  CHECK(child(m, 0).is_generator);
  CHECK_FALSE(child(child(m, 0), 0).is_generator);
  CHECK_FALSE(child(m, 1).is_generator);
  CHECK(child(child(m, 1), 0).is_generator);  // the generator expression
  const ScopeInfo& lam = child(m, 2);
  CHECK(lam.kind == ScopeKind::Lambda);
  CHECK(lam.locals == Names{"x", "y"});
}

TEST_CASE("scopes: every Name node resolves", "[lower][scope]") {
  auto a = analyze("import os.path\nfor i in range(3):\n    print(i, os)\n");
  using P = std::pair<std::string, NameKind>;
  CHECK(a.names == std::vector<P>{{"i", NameKind::Global}, {"range", NameKind::Builtin},
                                  {"print", NameKind::Builtin}, {"i", NameKind::Global},
                                  {"os", NameKind::Global}});
  CHECK(a.table.module().locals == Names{"os", "i"});
}

TEST_CASE("scopes: a module-level binding shadows a builtin", "[lower][scope]") {
  auto a = analyze("def f():\n    return len\nlen = 3\n");
  CHECK(child(a.table.module(), 0).lookup("len") == NameKind::Global);
}
