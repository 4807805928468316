// print() output and the argument binder (arg_parse.h). Expected output: what CPython 3.11
// (/usr/bin/python3) printed for the same call.
#include <catch2/catch.hpp>

#include "runtime/arg_parse.h"
#include "runtime_builtins_eval.h"

using builtins_test::eval_stdout;
using ufora::Obj;

TEST_CASE("print writes str() of its arguments with sep and end", "[runtime][builtins]") {
  CHECK(eval_stdout("print(\"a\", \"b\", \"c\")") == "a b c\n|None");
  CHECK(eval_stdout("print(\"a\", \"b\", sep=\"\")") == "ab\n|None");
  CHECK(eval_stdout("print(1, 2.0, None, True, sep=\", \", end=\" <end>\\n\")") == "1, 2.0, None, True <end>\n|None");
  CHECK(eval_stdout("print(\"no newline\", end=\"\")") == "no newline|None");
  CHECK(eval_stdout("print()") == "\n|None");
  CHECK(eval_stdout("print(\"\", \"x\", \"\", sep=\"|\")") == "|x|\n|None");
  CHECK(eval_stdout("print([1, (2, 3), {\"k\": [4.5, None]}], (1,), (), [], {})") ==
        "[1, (2, 3), {'k': [4.5, None]}] (1,) () [] {}\n|None");
  CHECK(eval_stdout("print(\"x\", sep=None, end=None)") == "x\n|None");
  CHECK(eval_stdout("print(0.1 + 0.2, 1e16, -0.0)") == "0.30000000000000004 1e+16 -0.0\n|None");
  CHECK(eval_stdout("print(\"a\", flush=True)") == "a\n|None");
}

TEST_CASE("print rejects bad options before writing anything", "[runtime][builtins]") {
  CHECK(eval_stdout("print(1, sep=1)") == "|TypeError: sep must be None or a string, not int");
  CHECK(eval_stdout("print(1, end=3)") == "|TypeError: end must be None or a string, not int");
  CHECK(eval_stdout("print(1, foo=2)") == "|TypeError: 'foo' is an invalid keyword argument for print()");
}

namespace {

// Calls bind_args on a vectorcall argument array built from `pos` and `kw` (name, value).
std::string bind(size_t nargs_pos, std::vector<const char*> kwnames, size_t required, Obj** out) {
  using namespace ufora;
  OwnedVec args, names;
  for (size_t i = 0; i < nargs_pos; ++i) args.push(new_int(int64_t(i) + 1));
  for (size_t k = 0; k < kwnames.size(); ++k) {
    args.push(new_int(100 + int64_t(k)));
    names.push(new_str(kwnames[k]));
  }
  Ref kw(names.size() ? new_tuple(names.take()) : nullptr);
  // The bound values are borrowed from `args`; they stay valid after it is released because
  // small ints are immortal.
  bool ok = bind_args("f", args.v.data(), nargs_pos, kw.get(), {"a", "b", "c"}, required, out);
  return ok ? "ok" : builtins_test::take_error_text();
}

int64_t value(Obj* o) { return o ? static_cast<ufora::IntObj*>(o)->v : -1; }

}  // namespace

TEST_CASE("bind_args binds positionals, keywords and defaults", "[runtime][builtins]") {
  Obj* out[3];
  REQUIRE(bind(1, {"c"}, 1, out) == "ok");
  CHECK(value(out[0]) == 1);
  CHECK(out[1] == nullptr);
  CHECK(value(out[2]) == 100);
  REQUIRE(bind(0, {"b", "a"}, 2, out) == "ok");
  CHECK(value(out[0]) == 101);
  CHECK(value(out[1]) == 100);
  CHECK(out[2] == nullptr);
  REQUIRE(bind(3, {}, 0, out) == "ok");
  CHECK(value(out[2]) == 3);
}

TEST_CASE("bind_args raises CPython's TypeErrors", "[runtime][builtins]") {
  Obj* out[3];
  // Messages as CPython 3.11 gives them for e.g. round(), enumerate(), sorted().
  CHECK(bind(4, {}, 0, out) == "TypeError: f() takes at most 3 arguments (4 given)");
  CHECK(bind(2, {"c", "a"}, 0, out) == "TypeError: f() takes at most 3 arguments (4 given)");
  CHECK(bind(0, {"a", "b", "c", "d"}, 0, out) == "TypeError: f() takes at most 3 keyword arguments (4 given)");
  CHECK(bind(1, {}, 2, out) == "TypeError: f() missing required argument 'b' (pos 2)");
  CHECK(bind(1, {"a"}, 0, out) == "TypeError: argument for f() given by name ('a') and position (1)");
  CHECK(bind(1, {"x"}, 0, out) == "TypeError: 'x' is an invalid keyword argument for f()");
}

TEST_CASE("no_keywords", "[runtime][builtins]") {
  using namespace ufora;
  CHECK(no_keywords("f", nullptr));
  Ref empty(new_tuple({}));
  CHECK(no_keywords("f", empty.get()));
  Ref names(new_tuple({new_str("x")}));
  CHECK(!no_keywords("f", names.get()));
  CHECK(builtins_test::take_error_text() == "TypeError: f() takes no keyword arguments");
}
