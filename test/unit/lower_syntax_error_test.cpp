// Syntax errors must read exactly as CPython 3.11 reports an uncaught
// SyntaxError in a script; each expected text is /usr/bin/python3's stderr
// for `python3 bad.py` on that source.
#include <catch2/catch.hpp>

#include "lower/diagnostics.h"
#include "lower/parse_python.h"

using namespace ufora::lower;

namespace {
std::string syntax_report(const std::string& src) {
  SourceFile file("bad.py", src);
  try {
    parse_module(file);
  } catch (const UserError& e) {
    CHECK(e.kind() == UserErrorKind::SyntaxError);
    return format_user_error(file, e);
  }
  return "(parsed without error)";
}
}  // namespace

TEST_CASE("syntax error: unclosed paren", "[lower][syntax]") {
  CHECK(syntax_report("x = (1,\ny = 2\n") ==
        "  File \"bad.py\", line 1\n"
        "    x = (1,\n"
        "        ^\n"
        "SyntaxError: '(' was never closed\n");
}

TEST_CASE("syntax error: missing indented block", "[lower][syntax]") {
  CHECK(syntax_report("def f():\nreturn 1\n") ==
        "  File \"bad.py\", line 2\n"
        "    return 1\n"
        "    ^\n"
        "IndentationError: expected an indented block after function definition on line 1\n");
}

TEST_CASE("syntax error: unexpected indent", "[lower][syntax]") {
  CHECK(syntax_report("if x:\n    a = 1\n      b = 2\n") ==
        "  File \"bad.py\", line 3\n"
        "    b = 2\n"
        "IndentationError: unexpected indent\n");
}

TEST_CASE("syntax error: unindent mismatch", "[lower][syntax]") {
  CHECK(syntax_report("if x:\n        a = 1\n    b = 2\n") ==
        "  File \"bad.py\", line 3\n"
        "    b = 2\n"
        "         ^\n"
        "IndentationError: unindent does not match any outer indentation level\n");
}

TEST_CASE("syntax error: double equals", "[lower][syntax]") {
  CHECK(syntax_report("x = = 1\n") ==
        "  File \"bad.py\", line 1\n"
        "    x = = 1\n"
        "        ^\n"
        "SyntaxError: invalid syntax\n");
}

TEST_CASE("syntax error: print statement", "[lower][syntax]") {
  CHECK(syntax_report("print \"hello\"\n") ==
        "  File \"bad.py\", line 1\n"
        "    print \"hello\"\n"
        "    ^^^^^^^^^^^^^\n"
        "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
}

TEST_CASE("syntax error: f-string invalid expression", "[lower][syntax]") {
  CHECK(syntax_report("x = f\"{a +}\"\n") ==
        "  File \"bad.py\", line 1\n"
        "    (a +)\n"
        "        ^\n"
        "SyntaxError: f-string: invalid syntax\n");
}

TEST_CASE("syntax error: f-string missing brace", "[lower][syntax]") {
  CHECK(syntax_report("x = f\"{a\"\n") ==
        "  File \"bad.py\", line 1\n"
        "    x = f\"{a\"\n"
        "             ^\n"
        "SyntaxError: f-string: expecting '}'\n");
}

TEST_CASE("syntax error: f-string empty expression", "[lower][syntax]") {
  CHECK(syntax_report("x = f\"{}\"\n") ==
        "  File \"bad.py\", line 1\n"
        "    x = f\"{}\"\n"
        "             ^\n"
        "SyntaxError: f-string: empty expression not allowed\n");
}

TEST_CASE("syntax error: missing colon", "[lower][syntax]") {
  CHECK(syntax_report("for x in range(3)\n    print(x)\n") ==
        "  File \"bad.py\", line 1\n"
        "    for x in range(3)\n"
        "                     ^\n"
        "SyntaxError: expected ':'\n");
}

TEST_CASE("syntax error: unterminated string", "[lower][syntax]") {
  CHECK(syntax_report("s = \"abc\n") ==
        "  File \"bad.py\", line 1\n"
        "    s = \"abc\n"
        "        ^\n"
        "SyntaxError: unterminated string literal (detected at line 1)\n");
}

TEST_CASE("syntax error: tab error", "[lower][syntax]") {
  CHECK(syntax_report("if x:\n\tif y:\n        pass\n") ==
        "  File \"bad.py\", line 3\n"
        "    pass\n"
        "TabError: inconsistent use of tabs and spaces in indentation\n");
}

TEST_CASE("syntax error: return outside function (compiler error)", "[lower][syntax]") {
  CHECK(syntax_report("x = 1\nreturn x\n") ==
        "  File \"bad.py\", line 2\n"
        "    return x\n"
        "    ^^^^^^^^\n"
        "SyntaxError: 'return' outside function\n");
}

TEST_CASE("syntax error: duplicate argument (symtable error)", "[lower][syntax]") {
  CHECK(syntax_report("def f(a, a):\n    pass\n") ==
        "  File \"bad.py\", line 1\n"
        "    def f(a, a):\n"
        "             ^\n"
        "SyntaxError: duplicate argument 'a' in function definition\n");
}

TEST_CASE("syntax error: multi-line error range", "[lower][syntax]") {
  CHECK(syntax_report("x = (1 +\n     2 +\n     )\n") ==
        "  File \"bad.py\", line 3\n"
        "    )\n"
        "    ^\n"
        "SyntaxError: invalid syntax\n");
}

TEST_CASE("syntax error: non-ASCII before the caret", "[lower][syntax]") {
  CHECK(syntax_report("a = \"é\" +* 2\n") ==
        "  File \"bad.py\", line 1\n"
        "    a = \"é\" +* 2\n"
        "              ^\n"
        "SyntaxError: invalid syntax\n");
}

TEST_CASE("syntax error: generator argument needs parentheses", "[lower][syntax]") {
  CHECK(syntax_report("f(a for a in b, c)\n") ==
        "  File \"bad.py\", line 1\n"
        "    f(a for a in b, c)\n"
        "      ^^^^^^^^^^^^\n"
        "SyntaxError: Generator expression must be parenthesized\n");
}

TEST_CASE("syntax error: invalid UTF-8 without a coding cookie", "[lower][syntax]") {
  CHECK(syntax_report("x = \"\xff\"\n") ==
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on line 1, but no "
        "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
}

TEST_CASE("syntax error: carries a location", "[lower][syntax]") {
  try {
    parse_module(SourceFile("bad.py", "x = 1\ny = = 2\n"));
    FAIL("no error");
  } catch (const UserError& e) {
    CHECK(e.span().line == 2);
    CHECK(e.message() == "invalid syntax");
    REQUIRE(e.syntax());
    CHECK(e.syntax()->exc_type == "SyntaxError");
  }
}

TEST_CASE("user error format: file:line:col, source line, carets, hint", "[lower][diagnostics]") {
  SourceFile file("prog.py", "def f(xs):\n    xs.append(1)\n");
  UserError e(UserErrorKind::Mutation, Span{2, 4, 2, 16}, "`xs.append(1)` mutates a list",
              "build a new list: `xs = xs + [1]`");
  CHECK(format_user_error(file, e) ==
        "prog.py:2:5: error: `xs.append(1)` mutates a list\n"
        "    xs.append(1)\n"
        "    ^^^^^^^^^^^^\n"
        "hint: build a new list: `xs = xs + [1]`\n");
}

TEST_CASE("internal errors say where in the compiler", "[lower][diagnostics]") {
  try {
    UFORA_INTERNAL_ERROR("boom");
  } catch (const InternalError& e) {
    CHECK(std::string(e.what()).find("lower_syntax_error_test.cpp") != std::string::npos);
    CHECK(std::string(e.what()).find("boom") != std::string::npos);
  }
}
