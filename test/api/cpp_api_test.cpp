// The C++ API as a host uses it: load, call with C++ values and spans, read Values back, and
// receive PythonError / CompileError with what a host needs to report them.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "ufora/ufora.hpp"

namespace {

// Line numbers below refer to this text: keep the lines in place.
const char kSource[] =
    "def add(a, b):\n"                                  // 1
    "    return a + b\n"                                // 2
    "def stats(xs):\n"                                  // 3
    "    m = sum(xs) / len(xs)\n"                       // 4
    "    return (len(xs), m, min(xs), max(xs))\n"       // 5
    "def inner(x):\n"                                   // 6
    "    return [1, 2, 3][x]\n"                         // 7
    "def outer(x):\n"                                   // 8
    "    return inner(x)\n"                             // 9
    "def label(name, pair):\n"                          // 10
    "    return f'{name}: {pair[0]}/{pair[1]}'\n"       // 11
    "def nothing():\n"                                  // 12
    "    return None\n"                                 // 13
    "LIMIT = 2 ** 70\n"                                 // 14
    "def keep(xs):\n"                                   // 15
    "    return (xs, xs[len(xs) - 1])\n";                // 16

struct Fixture {
  ufora::Runtime runtime;
  ufora::Module module = runtime.load_string(kSource, "host.py");
};

}  // namespace

TEST_CASE_METHOD(Fixture, "scalars go in and come back", "[api]") {
  CHECK(module.call("add", {2, 40}).as_int() == 42);
  CHECK(module.call("add", {int64_t(1) << 40, 1}).as_int() == (int64_t(1) << 40) + 1);
  ufora::Value f = module.call("add", {1.5, 2});
  CHECK(f.kind() == ufora::Value::Kind::Float);
  CHECK(f.as_double() == 3.5);
  CHECK(module.call("add", {"ab", std::string("cd")}).as_string() == "abcd");
  CHECK(module.call("add", {true, true}).as_int() == 2);
  CHECK(module.call("nothing").is_none());
}

TEST_CASE_METHOD(Fixture, "spans become immutable lists", "[api]") {
  std::vector<double> xs{4.0, 1.0, 2.5, 0.5};
  ufora::Value r = module.call("stats", {std::span<const double>(xs)});
  REQUIRE(r.kind() == ufora::Value::Kind::Tuple);
  REQUIRE(r.size() == 4);
  CHECK(r[0].as_int() == 4);
  CHECK(r[1].as_double() == 2.0);
  CHECK(r[2].as_double() == 0.5);
  CHECK(r[3].as_double() == 4.0);
  CHECK(r.repr() == "(4, 2.0, 0.5, 4.0)");

  std::vector<int64_t> ks{3, 9, -6};
  CHECK(module.call("stats", {std::span<const int64_t>(ks)}).repr() == "(3, 2.0, -6, 9)");
}

TEST_CASE_METHOD(Fixture, "a span that outlives its call is copied, never dangles", "[api]") {
  ufora::Value kept;
  {
    std::vector<double> xs(70000, 1.0);  // more than one chunk
    xs.back() = 8.5;
    kept = module.call("keep", {std::span<const double>(xs)});
    std::fill(xs.begin(), xs.end(), -3.0);  // the host reuses its memory; the list must not see it
  }
  REQUIRE(kept.size() == 2);
  CHECK(kept[1].as_double() == 8.5);
  CHECK(kept[0].size() == 70000);
  CHECK(kept[0][69999].as_double() == 8.5);
  CHECK(kept[0][0].as_double() == 1.0);
}

TEST_CASE_METHOD(Fixture, "tuples, run-time argument lists and values as arguments", "[api]") {
  CHECK(module.call("label", {"ratio", {3, 4}}).as_string() == "ratio: 3/4");
  std::vector<ufora::Arg> args{"n", ufora::Arg{1, 2.5}};
  CHECK(module.call("label", std::span<const ufora::Arg>(args)).str() == "n: 1/2.5");
  ufora::Value limit = module.get("LIMIT");
  CHECK(limit.kind() == ufora::Value::Kind::Int);
  CHECK(limit.str() == "1180591620717411303424");
  CHECK(module.call("add", {limit, 1}).str() == "1180591620717411303425");
}

TEST_CASE_METHOD(Fixture, "host-side misuse is an Error, not a PythonError", "[api]") {
  CHECK_THROWS_AS(module.get("LIMIT").as_int(), ufora::Error);  // 2**70 does not fit int64
  CHECK_THROWS_AS(module.call("add", {"a", "b"}).as_double(), ufora::Error);
  CHECK_THROWS_AS(module.call("nothing").as_string(), ufora::Error);
  CHECK_THROWS_AS(module.call("nothing")[0], ufora::Error);
  CHECK_THROWS_AS(module.get("missing"), ufora::Error);
  try {
    module.call("missing");
    FAIL("no exception");
  } catch (const ufora::PythonError&) {
    FAIL("a missing global is the host's mistake, not a Python exception");
  } catch (const ufora::Error& e) {
    CHECK(std::string(e.what()).find("missing") != std::string::npos);
  }
}

TEST_CASE_METHOD(Fixture, "a Python exception carries type, message and frames", "[api]") {
  try {
    module.call("outer", {7});
    FAIL("no exception");
  } catch (const ufora::PythonError& e) {
    CHECK(e.type_name() == "IndexError");
    CHECK(e.message() == "list index out of range");
    CHECK(std::string(e.what()) == "IndexError: list index out of range");
    REQUIRE(e.frames().size() == 2);
    CHECK(e.frames()[0].file == "host.py");
    CHECK(e.frames()[0].function == "outer");
    CHECK(e.frames()[0].line == 9);
    CHECK(e.frames()[1].function == "inner");
    CHECK(e.frames()[1].line == 7);
    CHECK(e.traceback() ==
          "Traceback (most recent call last):\n"
          "  File \"host.py\", line 9, in outer\n"
          "    return inner(x)\n"
          "  File \"host.py\", line 7, in inner\n"
          "    return [1, 2, 3][x]\n"
          "IndexError: list index out of range\n");
  }
}

TEST_CASE("refused programs are CompileErrors with the line", "[api]") {
  ufora::Runtime runtime;
  SECTION("syntax error") {
    try {
      runtime.load_string("def f(x):\n    return (x\n\ny = 2\n", "syntax.py");
      FAIL("no exception");
    } catch (const ufora::CompileError& e) {
      CHECK(e.line() == 2);
      CHECK(e.report().find("SyntaxError") != std::string::npos);
      CHECK(e.report().find("syntax.py") != std::string::npos);
    }
  }
  SECTION("mutation") {
    try {
      runtime.load_string("xs = [1]\ndef f():\n    return 0\nxs[0] = 2\n", "mutation.py");
      FAIL("no exception");
    } catch (const ufora::CompileError& e) {
      CHECK(e.line() == 4);
      CHECK(e.report().rfind("mutation.py:4:1:", 0) == 0);
      CHECK(e.report().find("hint:") != std::string::npos);
    }
  }
  SECTION("an exception at top level fails the load") {
    CHECK_THROWS_AS(runtime.load_string("x = 1 / 0\n", "top.py"), ufora::PythonError);
  }
  SECTION("a missing file") {
    CHECK_THROWS_AS(runtime.load_file("/nonexistent/host.py"), ufora::Error);
  }
}
