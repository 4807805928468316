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
        {"all", ir::GlobalTarget::All},     {"zip", ir::GlobalTarget::Zip}, {"list", ir::GlobalTarget::List},   {"enumerate", ir::GlobalTarget::Enumerate}};
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
      "def repeat(xs):\n"
      "    return xs * 2\n";
  CHECK(infer(src, "dot", {Scalar::FloatSeq, Scalar::FloatSeq}).signature() == "dot(tuple[float], tuple[float])->float");
  CHECK(infer(src, "first_negative", {Scalar::FloatSeq}).signature() == "first_negative(tuple[float])->int");
  CHECK(infer(src, "spread", {Scalar::IntSeq}).signature() == "spread(tuple[int])->int");
  Inferred r = infer(src, "repeat", {Scalar::FloatSeq});
  CHECK_FALSE(r.kernels);
  CHECK(r.why.find("of a sequence") != std::string::npos);
}

TEST_CASE("kernels make lists: slices, +, displays, list(), tuple results", "[lower][types]") {
  const char* src =
      "def merge(a, b):\n"
      "    out = []\n"
      "    i = j = 0\n"
      "    while i < len(a) and j < len(b):\n"
      "        if a[i] <= b[j]:\n"
      "            out = out + [a[i]]\n"
      "            i += 1\n"
      "        else:\n"
      "            out = out + [b[j]]\n"
      "            j += 1\n"
      "    return out + a[i:] + b[j:]\n"
      "def msort(xs):\n"
      "    if len(xs) <= 1:\n"
      "        return list(xs), 0\n"
      "    mid = len(xs) // 2\n"
      "    left, c1 = msort(xs[:mid])\n"
      "    right, c2 = msort(xs[mid:])\n"
      "    return merge(left, right), c1 + c2 + 1\n"
      "def firsts(t):\n"
      "    return t[::2] + t[1:2]\n"
      "def empty(n):\n"
      "    return []\n"
      "def mixed(xs, t):\n"
      "    return xs + t\n"
      "def flags(x):\n"
      "    return [x > 0]\n"
      "def none_kept(xs):\n"
      "    return None\n";
  CHECK(infer(src, "merge", {Scalar::FloatList, Scalar::FloatList}).signature() == "merge(list[float], list[float])->list[float]");
  // The recursion's assumption covers the tuple; the tuple copy of a tuple is a list.
  CHECK(infer(src, "msort", {Scalar::IntSeq}).signature() == "msort(tuple[int])->(list[int], int)");
  CHECK(infer(src, "firsts", {Scalar::FloatSeq}).signature() == "firsts(tuple[float])->tuple[float]");
  CHECK(infer(src, "empty", {Scalar::Int}).signature() == "empty(int)->list[]");
  Inferred r = infer(src, "mixed", {Scalar::IntList, Scalar::IntSeq});
  CHECK_FALSE(r.kernels);
  CHECK(r.why.find("list[int] + tuple[int]") != std::string::npos);
  r = infer(src, "mixed", {Scalar::IntList, Scalar::FloatList});
  CHECK_FALSE(r.kernels);
  r = infer(src, "flags", {Scalar::Int});
  CHECK_FALSE(r.kernels);
  CHECK(r.why.find("list display") != std::string::npos);
  CHECK_FALSE(infer(src, "none_kept", {Scalar::IntList}).kernels);
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
  CHECK(infer(src, "any_big", {Scalar::FloatSeq, Scalar::Float}).signature() == "any_big(tuple[float], float)->bool");
  CHECK(infer(src, "listed", {Scalar::Int}).signature() == "listed(int)->int");
  // A list that outlives its expression is built as a list of the kernel's.
  CHECK(infer(src, "kept", {Scalar::FloatSeq}).signature() == "kept(tuple[float])->float");
  CHECK(infer(src, "pair", {Scalar::FloatSeq}).signature() == "pair(tuple[float])->(float, int)");
}
