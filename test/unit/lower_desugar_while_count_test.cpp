// Counting while loops become for loops over `.while_count` (lower/desugar_while_count.h),
// only where nothing observable changes.
#include <catch2/catch.hpp>

#include "lower/desugar_while_count.h"
#include "lower/parse_python.h"
#include "lower/unparse.h"
#include "lower_desugar_support.h"

using namespace ufora::lower;

namespace {

// Rewrites `def f(xs, n):` with `body` and returns how many loops changed and the unparsed
// iterable of statement `at` when it is a for loop.
std::pair<int, std::string> desugared(const std::string& body, size_t at = 2) {
  auto m = parse_module(SourceFile("t.py", function_of(body)));
  ScopeTable scopes = analyze_scopes(*m);
  int n = desugar_while_count(*m, scopes, "t.py");
  analyze_scopes(*m);  // the rewritten module must still analyse
  const auto& f = cast<FunctionDef>(*m->body[0]);
  if (auto* loop = dyn_cast<For>(f.body[at].get())) return {n, unparse(*loop->target) + " in " + unparse(*loop->iter)};
  return {n, "(not a for loop)"};
}

}  // namespace

TEST_CASE("counting while loops become for loops") {
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    s += i\n    i += 1\nreturn s") ==
        std::make_pair(1, std::string("i in .while_count(i, n)")));
  CHECK(desugared("s = 0\nk = 0\nwhile k < len(xs):\n    s = s + xs[k]\n    k = k + 1\nreturn s") ==
        std::make_pair(1, std::string("k in .while_count(k, len(xs))")));
  CHECK(desugared("s = 0\ni = 0\nwhile i < 10:\n    s += i\n    i += 1\nreturn s").first == 1);
}

TEST_CASE("while loops stay where the rewrite could be observed") {
  // the counter is read after the loop
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    s += i\n    i += 1\nreturn i").first == 0);
  // the body assigns the counter or the bound
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    i = i + 2\n    i += 1\nreturn s").first == 0);
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    n = n - 1\n    i += 1\nreturn s").first == 0);
  // continue would skip the increment; break, else, other tests and steps
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    if s:\n        continue\n    i += 1\nreturn s").first == 0);
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    s += 1\n    i += 1\nelse:\n    s = 1\nreturn s").first == 0);
  CHECK(desugared("s = 0\ni = 0\nwhile i <= n:\n    s += 1\n    i += 1\nreturn s").first == 0);
  CHECK(desugared("s = 0\ni = 0\nwhile i < n:\n    s += 1\n    i += 2\nreturn s").first == 0);
  // the bound is not a name, a constant or len() of a name
  CHECK(desugared("s = 0\ni = 0\nwhile i < n * 2:\n    s += 1\n    i += 1\nreturn s").first == 0);
  // inside another loop, the counter's last value reaches the next round
  CHECK(desugared("for j in xs:\n    i = 0\n    while i < n:\n        i += 1\nreturn 0", 0).first == 0);
}
