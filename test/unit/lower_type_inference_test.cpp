// Type inference of numeric kernels: which functions qualify for which argument types, the
// types it settles, and why the others stay boxed.
#include <catch2/catch.hpp>

#include "lower/lower_to_ir.h"
#include "lower/parse_python.h"
#include "lower/scope_analysis.h"
#include "lower/type_inference.h"

using namespace ufora;
using ir::Scalar;

namespace {

struct Inferred {
  std::optional<std::vector<ir::TypedFunction>> kernels;
  std::string why;
  ir::Program program;
  std::string signature() const { return kernels ? (*kernels)[0].signature(program) : "boxed: " + why; }
};

// Infers function `name` of `src` for `args`; module globals resolve to the builtin or the
// module function of that name, as the specializer does at run time.
Inferred infer(const std::string& src, const std::string& name, std::vector<Scalar> args) {
  lower::SourceFile file("t.py", src);
  auto module = lower::parse_module(file);
  lower::ScopeTable scopes = lower::analyze_scopes(*module);
  Inferred r{std::nullopt, "", lower::lower_to_ir(*module, scopes, file)};
  const ir::Program& p = r.program;
  auto index_of = [&](const std::string& n) {
    for (size_t i = 0; i < p.functions.size(); ++i)
      if (p.functions[i].qualname == n) return int32_t(i);
    return int32_t(-1);
  };
  auto globals = [&](int64_t slot) -> ir::GlobalTarget {
    const std::string& g = p.global_names[size_t(slot)];
    if (int32_t f = index_of(g); f >= 0) return {ir::GlobalTarget::Function, f};
    static const std::map<std::string, ir::GlobalTarget::Kind> builtins = {
        {"range", ir::GlobalTarget::Range}, {"abs", ir::GlobalTarget::Abs},   {"float", ir::GlobalTarget::Float},
        {"int", ir::GlobalTarget::Int},     {"min", ir::GlobalTarget::Min},   {"max", ir::GlobalTarget::Max},
        {"len", ir::GlobalTarget::Len},     {"sum", ir::GlobalTarget::Sum},   {"any", ir::GlobalTarget::Any},
        {"all", ir::GlobalTarget::All},     {"zip", ir::GlobalTarget::Zip},   {"enumerate", ir::GlobalTarget::Enumerate}};
    auto it = builtins.find(g);
    return it == builtins.end() ? ir::GlobalTarget{} : ir::GlobalTarget{it->second, -1};
  };
  r.kernels = ir::infer_kernel(p, index_of(name), args, globals, &r.why);
  return r;
}

}  // namespace

TEST_CASE("scalar kernels get one type per value and a result type", "[lower][types]") {
  const char* src =
      "def fib(n):\n"
      "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
      "def mix(a, b):\n"
      "    return a * b + 1\n";
  CHECK(infer(src, "fib", {Scalar::Int}).signature() == "fib(int)->int");
  CHECK(infer(src, "mix", {Scalar::Int, Scalar::Float}).signature() == "mix(int, float)->float");
  CHECK(infer(src, "mix", {Scalar::Bool, Scalar::Bool}).signature() == "mix(bool, bool)->int");
  CHECK(infer(src, "fib", {Scalar::Float}).signature() == "fib(float)->float");
}

TEST_CASE("a local that holds two types keeps the function boxed", "[lower][types]") {
  Inferred r = infer(
      "def f(n):\n"
      "    x = 0\n"
      "    for i in range(n):\n"
      "        x = x + 0.5\n"
      "    return x\n",
      "f", {Scalar::Int});
  CHECK_FALSE(r.kernels);
  CHECK(r.why.find("'x' holds both int and float") != std::string::npos);
}

TEST_CASE("sequences: indexing, loops, enumerate, zip and reductions", "[lower][types]") {
  const char* src =
      "def dot(xs, ys):\n"
      "    s = 0.0\n"
      "    for x, y in zip(xs, ys):\n"
      "        s = s + x * y\n"
      "    return s\n"
      "def first_negative(xs):\n"
      "    for i, x in enumerate(xs):\n"
      "        if x < 0:\n"
      "            return i\n"
      "    return len(xs)\n"
      "def spread(ns):\n"
      "    return max(ns) - min(ns) + ns[0]\n"
      "def concat(xs):\n"
      "    return xs + xs\n";
  CHECK(infer(src, "dot", {Scalar::FloatSeq, Scalar::FloatSeq}).signature() == "dot(seq[float], seq[float])->float");
  CHECK(infer(src, "first_negative", {Scalar::FloatSeq}).signature() == "first_negative(seq[float])->int");
  CHECK(infer(src, "spread", {Scalar::IntSeq}).signature() == "spread(seq[int])->int");
  Inferred r = infer(src, "concat", {Scalar::FloatSeq});
  CHECK_FALSE(r.kernels);
  CHECK(r.why.find("of a sequence") != std::string::npos);
}

TEST_CASE("comprehensions consumed by reductions are inferred inline", "[lower][types]") {
  const char* src =
      "def total(n, k):\n"
      "    return sum(i * k for i in range(n) if i % 2)\n"
      "def any_big(xs, t):\n"
      "    return any(x > t for x in xs)\n"
      "def kept(xs):\n"
      "    ys = [x * 2 for x in xs]\n"
      "    return sum(ys)\n"
      "def pair(xs):\n"
      "    return min(xs), sum(x > 0 for x in xs)\n"
      "def listed(n):\n"
      "    return len([i for i in range(n)])\n";
  Inferred t = infer(src, "total", {Scalar::Int, Scalar::Float});
  REQUIRE(t.kernels);
  CHECK(t.signature() == "total(int, float)->float");
  REQUIRE((*t.kernels)[0].comprehensions.size() == 1);
  CHECK((*t.kernels)[0].comprehensions.begin()->second->element == Scalar::Float);
  CHECK(infer(src, "any_big", {Scalar::FloatSeq, Scalar::Float}).signature() == "any_big(seq[float], float)->bool");
  CHECK(infer(src, "listed", {Scalar::Int}).signature() == "listed(int)->int");
  CHECK_FALSE(infer(src, "kept", {Scalar::FloatSeq}).kernels);  // a list that outlives its expression
  CHECK(infer(src, "pair", {Scalar::FloatSeq}).signature() == "pair(seq[float])->(float, int)");
}
