// map()/filter() consumed whole become generator expressions, and only where that cannot be
// observed (the names are the builtins, the consumer iterates at once, the function is a
// name or a plain lambda).
#include <catch2/catch.hpp>

#include "lower/ast_walk.h"
#include "lower/desugar_map_filter.h"
#include "lower/parse_python.h"
#include "lower/unparse.h"

using namespace ufora::lower;

namespace {

// The module's last expression statement after the rewrite, and how many calls changed.
std::pair<int, std::string> desugared(const std::string& src) {
  auto m = parse_module(SourceFile("t.py", src));
  ScopeTable scopes = analyze_scopes(*m);
  int n = desugar_map_filter(*m, scopes);
  analyze_scopes(*m);  // the rewritten module must still analyse
  const auto& last = cast<ExprStmt>(*m->body.back());
  return {n, unparse(*last.value)};
}

}  // namespace

TEST_CASE("map and filter under a consumer become generator expressions") {
  CHECK(desugared("sum(map(f, xs))") == std::make_pair(1, std::string("sum(f(.m0) for .m0 in xs)")));
  CHECK(desugared("sorted(map(lambda x, y: x * y, a, b))") ==
        std::make_pair(1, std::string("sorted(x * y for x, y in zip(a, b))")));
  CHECK(desugared("list(filter(None, xs))") == std::make_pair(1, std::string("list(.m0 for .m0 in xs if .m0)")));
  CHECK(desugared("max(filter(lambda v: v > 2, xs), default=0)") ==
        std::make_pair(1, std::string("max((v for v in xs if v > 2), default=0)")));
}

TEST_CASE("map and filter stay where the rewrite could be observed") {
  CHECK(desugared("map(f, xs)").first == 0);                      // not consumed
  CHECK(desugared("min(map(f, xs), ys)").first == 0);             // min of two arguments
  CHECK(desugared("sum(map(next, its))").first == 0);             // StopIteration would change meaning
  CHECK(desugared("sum(map(g(), xs))").first == 0);               // the function is computed once by map
  CHECK(desugared("sum(map(lambda x=1: x, xs))").first == 0);     // defaults
  CHECK(desugared("map = 3\nsum(map(f, xs))").first == 0);        // not the builtin map
  CHECK(desugared("def sum(x): pass\nsum(map(f, xs))").first == 0);  // not the builtin sum
  CHECK(desugared("zip = 1\nsum(map(f, a, b))").first == 0);      // zip would not be the builtin
  CHECK(desugared("sum(filter(f, a, b))").first == 0);            // filter takes one iterable
}
