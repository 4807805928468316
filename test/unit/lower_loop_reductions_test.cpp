// Which `for` loops are parallel reductions (lower/loop_reductions.h), and why the others
// stay sequential.
#include <catch2/catch.hpp>

#include "lower/loop_reductions.h"
#include "lower/lower_to_ir.h"
#include "lower/parse_python.h"
#include "lower/scope_analysis.h"

using namespace ufora;
using ir::Scalar;

namespace {

// describe_loops of function `name` in `src`; with `args`, the slots get the types that
// type inference gives them for those arguments.
std::string loops(const std::string& src, const std::string& name, std::vector<Scalar> args = {}) {
  lower::SourceFile file("t.py", src);
  auto module = lower::parse_module(file);
  lower::ScopeTable scopes = lower::analyze_scopes(*module);
  ir::Program p = lower::lower_to_ir(*module, scopes, file);
  int32_t index = -1;
  for (size_t i = 0; i < p.functions.size(); ++i)
    if (p.functions[i].qualname == name) index = int32_t(i);
  REQUIRE(index >= 0);
  auto globals = [&](int64_t slot) -> ir::GlobalTarget {
    const std::string& g = p.global_names[size_t(slot)];
    static const std::map<std::string, ir::GlobalTarget::Kind> builtins = {
        {"range", ir::GlobalTarget::Range}, {"min", ir::GlobalTarget::Min}, {"max", ir::GlobalTarget::Max},
        {"len", ir::GlobalTarget::Len}};
    auto it = builtins.find(g);
    return it == builtins.end() ? ir::GlobalTarget{} : ir::GlobalTarget{it->second, -1};
  };
  std::vector<Scalar> types;
  if (!args.empty()) {
    std::string why;
    auto kernels = ir::infer_kernel(p, index, args, globals, &why);
    REQUIRE(kernels);
    types = (*kernels)[0].local_types;
  }
  const ir::Function& f = p.functions[size_t(index)];
  return ir::describe_loops(f, ir::analyse_loops(p, f, types, globals));
}

}  // namespace

TEST_CASE("accumulators combined by one associative operation make a parallel loop", "[lower][loops]") {
  const char* src =
      "def dot(xs, ys):\n"
      "    s = 0.0\n"
      "    for i in range(len(xs)):\n"
      "        s += xs[i] * ys[i]\n"
      "    return s\n"
      "def stats(xs):\n"
      "    total = 0.0; hi = xs[0]; count = 0; lo = xs[0]\n"
      "    for x in xs:\n"
      "        if x > 0.5:\n"
      "            count += 1\n"
      "        total = total + x - 1.0\n"
      "        hi = max(hi, x)\n"
      "        lo = min(lo, x, 2.0 * x)\n"
      "    return total, hi, count, lo\n"
      "def temps(n):\n"
      "    s = 0\n"
      "    p = 1\n"
      "    for i in range(n):\n"
      "        t = i * i\n"
      "        if t % 3 == 0:\n"
      "            continue\n"
      "        s = t + s\n"
      "        p *= t % 5 + 1\n"
      "    return s, p\n";
  CHECK(loops(src, "dot") == "line 3: parallel: s (sum)\n");
  CHECK(loops(src, "stats") == "line 8: parallel: total (sum) hi (max) count (sum) lo (min)\n");
  CHECK(loops(src, "temps", {Scalar::Int}) == "line 18: parallel: s (sum) p (product)\n");
}

TEST_CASE("bool and int bitwise accumulators, nested loops over temporaries", "[lower][loops]") {
  const char* src =
      "def flags(xs):\n"
      "    a = True\n"
      "    o = False\n"
      "    for x in xs:\n"
      "        a &= x > 0.0\n"
      "        o = o | (x > 1.0)\n"
      "    return a, o\n"
      "def grid(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        for j in range(i):\n"
      "            s += i ^ j\n"
      "    return s\n";
  CHECK(loops(src, "flags", {Scalar::FloatSeq}) == "line 4: parallel: a (&) o (|)\n");
  // The inner loop reads `i`, assigned earlier in the outer iteration: both qualify.
  CHECK(loops(src, "grid", {Scalar::Int}) == "line 10: parallel: s (sum)\nline 11: parallel: s (sum)\n");
}

TEST_CASE("logical and/or accumulators of bools", "[lower][loops]") {
  const char* src =
      "def checks(xs):\n"
      "    ok = True\n"
      "    seen = False\n"
      "    for x in xs:\n"
      "        ok = ok and x > 0.0 and x < 9.0\n"
      "        seen = seen or x == 3.0\n"
      "    return ok, seen\n"
      "def reads(xs):\n"
      "    ok = True\n"
      "    for x in xs:\n"
      "        ok = ok and (x > 0.0 or ok)\n"
      "    return ok\n"
      "def other(xs):\n"
      "    ok = True\n"
      "    for x in xs:\n"
      "        ok = x > 0.0 and ok\n"
      "    return ok\n";
  CHECK(loops(src, "checks", {Scalar::FloatSeq}) == "line 4: parallel: ok (and) seen (or)\n");
  // ok read inside e, and ok as the right operand (not the start of the update), stay sequential
  CHECK(loops(src, "reads", {Scalar::FloatSeq}).find("sequential") != std::string::npos);
  CHECK(loops(src, "other", {Scalar::FloatSeq}).find("sequential") != std::string::npos);
}

TEST_CASE("loops that carry values, leave early or keep temporaries stay sequential", "[lower][loops]") {
  const char* src =
      "def carried(xs):\n"
      "    prev = 0.0\n"
      "    d = 0.0\n"
      "    for x in xs:\n"
      "        d += x - prev\n"
      "        prev = x\n"
      "    return d\n"
      "def read(xs):\n"
      "    s = 0.0\n"
      "    for x in xs:\n"
      "        s += x\n"
      "        if s > 10.0:\n"
      "            s = 0.0\n"
      "    return s\n"
      "def brk(xs):\n"
      "    s = 0.0\n"
      "    for x in xs:\n"
      "        if x > 100.0:\n"
      "            break\n"
      "        s += x\n"
      "    return s\n"
      "def ret(xs):\n"
      "    s = 0.0\n"
      "    for x in xs:\n"
      "        if x > 100.0:\n"
      "            return x\n"
      "        s += x\n"
      "    return s\n"
      "def last(n):\n"
      "    s = 0\n"
      "    for i in range(n):\n"
      "        s += i\n"
      "    return s + i\n"
      "def twice(n):\n"
      "    s = 1\n"
      "    for i in range(n):\n"
      "        s = s + s\n"
      "    return s\n"
      "def mixed(xs):\n"
      "    s = 0.0\n"
      "    for x in xs:\n"
      "        s += x\n"
      "        s = max(s, x)\n"
      "    return s\n"
      "def fprod(xs):\n"
      "    p = 1.0\n"
      "    for x in xs:\n"
      "        p *= x\n"
      "    return p\n"
      "def maxlast(xs):\n"
      "    m = 0.0\n"
      "    for x in xs:\n"
      "        m = max(x, m)\n"
      "    return m\n";
  CHECK(loops(src, "carried") == "line 4: sequential (line 5): `prev` carries its value from one iteration to the next\n");
  CHECK(loops(src, "read") == "line 10: sequential (line 12): `s` is read inside the loop other than in its own update\n");
  CHECK(loops(src, "brk") == "line 17: sequential (line 19): `break` leaves the loop\n");
  CHECK(loops(src, "ret") == "line 24: sequential (line 26): `return` leaves the loop\n");
  CHECK(loops(src, "last") == "line 31: sequential (line 31): the loop variable `i` is read after the loop\n");
  CHECK(loops(src, "twice") == "line 36: sequential (line 37): `s` carries its value from one iteration to the next\n");
  CHECK(loops(src, "mixed") == "line 41: sequential (line 41): `s` is updated by different operations\n");
  CHECK(loops(src, "fprod", {Scalar::FloatSeq}) ==
        "line 47: sequential (line 47): `p` is a float product, whose rounding depends on the grouping\n");
  CHECK(loops(src, "maxlast") == "line 52: sequential (line 53): `m` carries its value from one iteration to the next\n");
}
