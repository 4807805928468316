// A for loop that only appends to a list (tuple) it rebinds becomes a list comprehension,
// and only where nothing observable changes (see desugar_loop_concat.h).
#include <catch2/catch.hpp>

#include "lower/desugar_loop_concat.h"
#include "lower/parse_python.h"
#include "lower/unparse.h"
#include "lower_desugar_support.h"

using namespace ufora::lower;

namespace {

// Rewrites the body of `def f(xs, n):` and returns how many loops changed and the unparsed
// statement number `at` of the body (by default the one after the accumulator's).
std::pair<int, std::string> desugared(const std::string& body, size_t at = 1) {
  auto m = parse_module(SourceFile("t.py", function_of(body)));
  ScopeTable scopes = analyze_scopes(*m);
  int n = desugar_loop_concat(*m, scopes, "t.py");
  analyze_scopes(*m);  // the rewritten module must still analyse
  const auto& f = cast<FunctionDef>(*m->body[0]);
  const Stmt& s = *f.body[at];
  if (auto* a = dyn_cast<Assign>(&s)) return {n, unparse(*a->targets[0]) + " = " + unparse(*a->value)};
  return {n, "(not an assignment)"};
}

}  // namespace

TEST_CASE("loops that only append become list comprehensions") {
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [x * 2]\nreturn out") ==
        std::make_pair(1, std::string("out = out + [x * 2 for x in xs]")));
  CHECK(desugared("out = [0]\nfor i in range(n):\n    if i % 2:\n        out = out + [i]\nreturn out") ==
        std::make_pair(1, std::string("out = out + [i for i in range(n) if i % 2]")));
  CHECK(desugared("t = ()\nfor i in range(n):\n    for j in range(i):\n        if j:\n            t += ((i, j),)\nreturn t") ==
        std::make_pair(1, std::string("t = t + (*[(i, j) for i in range(n) for j in range(i) if j],)")));
  CHECK(desugared("out = []\nfor a, b in zip(xs, xs):\n    out = out + [a - b]\nreturn out") ==
        std::make_pair(1, std::string("out = out + [a - b for a, b in zip(xs, xs)]")));
}

TEST_CASE("the accumulator's list may be bound earlier, or by a loop rewritten before") {
  CHECK(desugared("out = []\nm = n * 2\nfor x in xs:\n    out = out + [x * m]\nreturn out", 2) ==
        std::make_pair(1, std::string("out = out + [x * m for x in xs]")));
  CHECK(desugared("out = [0]\nfor x in xs:\n    out = out + [x]\nfor y in xs:\n    out = out + [-y]\nreturn out", 2) ==
        std::make_pair(2, std::string("out = out + [-y for y in xs]")));
  CHECK(desugared("out = [y for y in xs]\nfor x in xs:\n    out = out + [x]\nreturn out").first == 1);
  // a statement between that reads the list, or a user's own `out = out + [...]`
  CHECK(desugared("out = []\nm = len(out)\nfor x in xs:\n    out = out + [x]\nreturn out").first == 0);
  CHECK(desugared("out = xs\nout = out + [1]\nfor x in xs:\n    out = out + [x]\nreturn out").first == 0);
}

TEST_CASE("a loop variable that other loops rebind before reading it") {
  CHECK(desugared("a = []\nfor i in xs:\n    a = a + [i]\nb = []\nfor i in range(n):\n    b = b + [i * 2]\nreturn a, b").first == 2);
  CHECK(desugared("a = []\nfor i in xs:\n    a = a + [i]\nfor i in range(n):\n    print(i)\nreturn a").first == 1);
  // the later loop reads the old value in its iterable, or in its else clause
  CHECK(desugared("a = []\nfor i in xs:\n    a = a + [i]\nfor i in range(i):\n    pass\nreturn a").first == 0);
  CHECK(desugared("a = []\nfor i in xs:\n    a = a + [i]\nfor i in xs:\n    pass\nelse:\n    print(i)\nreturn a").first == 0);
  // a loop around this one reads the value it leaves
  CHECK(desugared("for i in xs:\n    a = []\n    for i in xs:\n        a = a + [i]\n    print(i)\nreturn 0", 0).first == 0);
}

TEST_CASE("loops stay where the rewrite could be observed") {
  // the loop variable is read after the loop
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [x]\nreturn out, x").first == 0);
  // the accumulator is read inside the loop
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [len(out)]\nreturn out").first == 0);
  // not bound to a list display just before
  CHECK(desugared("out = xs\nfor x in xs:\n    out = out + [x]\nreturn out").first == 0);
  // a tuple appended to a list accumulator, and a list to a tuple one
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + (x,)\nreturn out").first == 0);
  CHECK(desugared("out = ()\nfor x in xs:\n    out = out + [x]\nreturn out").first == 0);
  // two items at once, else clauses, break
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [x, x]\nreturn out").first == 0);
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [x]\nelse:\n    pass\nreturn out").first == 0);
  CHECK(desugared("out = []\nfor x in xs:\n    if x:\n        out = out + [x]\n    else:\n        break\nreturn out").first == 0);
  // a closure sees the accumulator or the loop variable
  CHECK(desugared("out = []\ng = lambda: out\nfor x in xs:\n    out = out + [x]\nreturn g").first == 0);
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [lambda: x]\nreturn out").first == 0);
  // := and yield
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [(y := x)]\nreturn out").first == 0);
  CHECK(desugared("out = []\nfor x in xs:\n    out = out + [(yield x)]\nreturn out").first == 0);
  // inside try: a handler could see the half-built list
  CHECK(desugared("out = []\ntry:\n    for x in xs:\n        out = out + [1 // x]\nexcept ZeroDivisionError:\n    return out").first == 0);
}

TEST_CASE("loops at module level are left as written") {
  auto m = parse_module(SourceFile("t.py", "out = []\nfor x in range(3):\n    out = out + [x]\n"));
  ScopeTable scopes = analyze_scopes(*m);
  CHECK(desugar_loop_concat(*m, scopes, "t.py") == 0);
}
