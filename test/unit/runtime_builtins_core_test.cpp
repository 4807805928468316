// Builtins (len, range, sum, min/max, numeric, predicates, chr/ord, getattr, iter/next...)
// called the way compiled code calls them. Every expected value is what CPython 3.11
// (/usr/bin/python3) printed for repr() of the same expression, or its exception.
#include <catch2/catch.hpp>

#include "runtime_builtins_eval.h"

namespace {

const builtins_test::Case kLenRangeSum[] = {
    {"len(\"hello\")", "5"},
    {"len(\"héllo\")", "5"},
    {"len([1, 2, 3])", "3"},
    {"len({\"a\": 1})", "1"},
    {"len(range(0, 10, 3))", "4"},
    {"len(5)", "TypeError: object of type 'int' has no len()"},
    {"len()", "TypeError: len() takes exactly one argument (0 given)"},
    {"len([], [])", "TypeError: len() takes exactly one argument (2 given)"},
    {"list(range(5))", "[0, 1, 2, 3, 4]"},
    {"list(range(3, 8))", "[3, 4, 5, 6, 7]"},
    {"list(range(10, 0, -2))", "[10, 8, 6, 4, 2]"},
    {"list(range(-3))", "[]"},
    {"list(range(1, 10, 4))", "[1, 5, 9]"},
    {"range(1, 2, 0)", "ValueError: range() arg 3 must not be zero"},
    {"range(1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"range()", "TypeError: range expected at least 1 argument, got 0"},
    {"range(1, 2, 3, 4)", "TypeError: range expected at most 3 arguments, got 4"},
    {"sum([1, 2, 3])", "6"},
    {"sum([])", "0"},
    {"sum([0.5, 0.25])", "0.75"},
    {"sum(range(101))", "5050"},
    {"sum([1, 2], 10)", "13"},
    {"sum((1.5, 2))", "3.5"},
    {"sum([0.1] * 10)", "0.9999999999999999"},
    {"sum([[1], [2, 3]], [])", "[1, 2, 3]"},
    {"sum([True, True, False])", "2"},
    {"sum([1, 2.5, 3])", "6.5"},
    {"sum([9223372036854775807, 1])", "9223372036854775808"},
    {"sum([9223372036854775807, 1, -2])", "9223372036854775806"},
    {"sum([1e308, 1e308, -1e308])", "inf"},
    {"sum([\"a\", \"b\"], \"\")", "TypeError: sum() can't sum strings [use ''.join(seq) instead]"},
    {"sum([\"a\"])", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
    {"sum([1], start=5)", "6"},
    {"sum([1], foo=5)", "TypeError: 'foo' is an invalid keyword argument for sum()"},
};

const builtins_test::Case kMinMax[] = {
    {"min([3, 1, 2])", "1"},
    {"max([3, 1, 2])", "3"},
    {"max(3, 1, 2)", "3"},
    {"min(\"hello\")", "'e'"},
    {"max([(1, \"b\"), (1, \"a\"), (0, \"z\")])", "(1, 'b')"},
    {"min([\"pear\", \"fig\", \"kiwi\"], key=len)", "'fig'"},
    {"max([\"pear\", \"fig\", \"kiwi\", \"date\"], key=len)", "'pear'"},
    {"max([-7, 3, 5], key=abs)", "-7"},
    {"min([], default=None)", "None"},
    {"max((), default=\"empty\")", "'empty'"},
    {"max([7], default=0)", "7"},
    {"max([])", "ValueError: max() arg is an empty sequence"},
    {"min(())", "ValueError: min() arg is an empty sequence"},
    {"max()", "TypeError: max expected at least 1 argument, got 0"},
    {"max(1, 2, default=3)", "TypeError: Cannot specify a default for max() with multiple positional arguments"},
    {"max([1, 2], foo=1)", "TypeError: 'foo' is an invalid keyword argument for max()"},
    {"max([1, \"a\"])", "TypeError: '>' not supported between instances of 'str' and 'int'"},
    {"max(-1, -5, key=abs)", "-5"},
    {"max([2, 8, 8, 1], key=str)", "8"},
    {"min([1.0, 1, True])", "1.0"},
    {"max([1, 1.0, True])", "1"},
};

const builtins_test::Case kNumeric[] = {
    {"abs(-3)", "3"},
    {"abs(3.5)", "3.5"},
    {"abs(-0.0)", "0.0"},
    {"abs(True)", "1"},
    {"abs(\"a\")", "TypeError: bad operand type for abs(): 'str'"},
    {"abs(-9223372036854775808)", "9223372036854775808"},
    {"round(3.567, 1)", "3.6"},
    {"round(-2.5)", "-2"},
    {"round(2.5)", "2"},
    {"round(7)", "7"},
    {"round(1e15 + 0.5)", "1000000000000000"},
    {"round(2.675, 2)", "2.67"},
    {"round(1234, -2)", "1200"},
    {"round(number=1.5)", "2"},
    {"round(1.5, 1.0)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"round(\"a\")", "TypeError: type str doesn't define __round__ method"},
    {"round()", "TypeError: round() missing required argument 'number' (pos 1)"},
    {"divmod(17, 5)", "(3, 2)"},
    {"divmod(-17, 5)", "(-4, 3)"},
    {"divmod(7.5, 2)", "(3.0, 1.5)"},
    {"divmod(1, 0)", "ZeroDivisionError: integer division or modulo by zero"},
    {"divmod(1.0, 0)", "ZeroDivisionError: float divmod()"},
    {"divmod(\"a\", 1)", "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'"},
    {"divmod(1)", "TypeError: divmod expected 2 arguments, got 1"},
    {"pow(2, 8)", "256"},
    {"pow(2, 8, 5)", "1"},
    {"pow(9, 0.5)", "3.0"},
    {"pow(2, -1)", "0.5"},
    {"pow(2, -1, 5)", "3"},
    {"pow(2, 3, 0)", "ValueError: pow() 3rd argument cannot be 0"},
    {"pow(2.0, 3, 5)", "TypeError: pow() 3rd argument not allowed unless all arguments are integers"},
    {"pow(base=2, exp=10)", "1024"},
    {"pow(2, 100)", "1267650600228229401496703205376"},
    {"pow(\"a\", 2, 3)", "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'"},
};

const builtins_test::Case kPredicates[] = {
    {"any([])", "False"},
    {"all([])", "True"},
    {"any([0, \"\", None])", "False"},
    {"any([0, 1])", "True"},
    {"all([1, \"a\", [0]])", "True"},
    {"all([1, 0])", "False"},
    {"any(1)", "TypeError: 'int' object is not iterable"},
    {"all()", "TypeError: all() takes exactly one argument (0 given)"},
    {"isinstance(3, int)", "True"},
    {"isinstance(True, int)", "True"},
    {"isinstance(3, float)", "False"},
    {"isinstance(3.0, (int, float))", "True"},
    {"isinstance(\"x\", (list, (dict, str)))", "True"},
    {"isinstance(None, object)", "True"},
    {"isinstance([], (int, 2))", "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"},
    {"isinstance(1, (int, 2))", "True"},
    {"isinstance(1, 2)", "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"},
    {"isinstance(1)", "TypeError: isinstance expected 2 arguments, got 1"},
    {"issubclass(bool, int)", "True"},
    {"issubclass(int, bool)", "False"},
    {"issubclass(bool, (str, int))", "True"},
    {"issubclass(1, int)", "TypeError: issubclass() arg 1 must be a class"},
    {"issubclass(int, 1)", "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union"},
    {"issubclass(ValueError, Exception)", "True"},
    {"issubclass(KeyError, LookupError)", "True"},
    {"issubclass(ModuleNotFoundError, ImportError)", "True"},
    {"callable(len)", "True"},
    {"callable(1)", "False"},
    {"callable(int)", "True"},
    {"callable()", "TypeError: callable() takes exactly one argument (0 given)"},
};

const builtins_test::Case kMisc[] = {
    {"chr(65)", "'A'"},
    {"chr(233)", "'é'"},
    {"chr(8364)", "'€'"},
    {"chr(128512)", "'😀'"},
    {"chr(-1)", "ValueError: chr() arg not in range(0x110000)"},
    {"chr(1114112)", "ValueError: chr() arg not in range(0x110000)"},
    {"chr(1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"ord(\"A\")", "65"},
    {"ord(\"é\")", "233"},
    {"ord(\"€\")", "8364"},
    {"ord(\"ab\")", "TypeError: ord() expected a character, but string of length 2 found"},
    {"ord(\"\")", "TypeError: ord() expected a character, but string of length 0 found"},
    {"ord(1)", "TypeError: ord() expected string of length 1, but int found"},
    {"hash(1)", "1"},
    {"hash(-1)", "-2"},
    {"hash(True)", "1"},
    {"hash(1.0)", "1"},
    {"hash([])", "TypeError: unhashable type: 'list'"},
    {"repr(\"a'b\")", "'\"a\\'b\"'"},
    {"repr([1, \"x\"])", "\"[1, 'x']\""},
    {"repr()", "TypeError: repr() takes exactly one argument (0 given)"},
    {"format(3.14159, \".2f\")", "'3.14'"},
    {"format(42)", "'42'"},
    {"format(42, \"08b\")", "'00101010'"},
    {"format(\"x\", \">3\")", "'  x'"},
    {"format(1, 2)", "TypeError: format() argument 2 must be str, not int"},
    {"format(1, \"d\", 3)", "TypeError: format expected at most 2 arguments, got 3"},
    {"getattr(\"a,b\", \"split\")(\",\")", "['a', 'b']"},
    {"getattr(1, \"nope\", \"dflt\")", "'dflt'"},
    {"getattr(1, \"nope\")", "AttributeError: 'int' object has no attribute 'nope'"},
    {"getattr(1, 2)", "TypeError: attribute name must be string, not 'int'"},
    {"getattr(1)", "TypeError: getattr expected at least 2 arguments, got 1"},
    {"hasattr(\"a\", \"upper\")", "True"},
    {"hasattr(\"a\", \"nope\")", "False"},
    {"hasattr(1, 2)", "TypeError: attribute name must be string, not 'int'"},
    {"next(iter([10, 20]))", "10"},
    {"next(iter([]), \"done\")", "'done'"},
    {"next(iter([]))", "StopIteration: "},
    {"next([1])", "TypeError: 'list' object is not an iterator"},
    {"next()", "TypeError: next expected at least 1 argument, got 0"},
    {"iter(5)", "TypeError: 'int' object is not iterable"},
    {"list(iter([1, 2]))", "[1, 2]"},
    {"str(ValueError(\"bad\"))", "'bad'"},
    {"ValueError", "<class 'ValueError'>"},
};

}  // namespace

TEST_CASE("len, range and sum", "[runtime][builtins]") { builtins_test::check_cases(kLenRangeSum); }
TEST_CASE("min and max", "[runtime][builtins]") { builtins_test::check_cases(kMinMax); }
TEST_CASE("abs, round, divmod and pow", "[runtime][builtins]") { builtins_test::check_cases(kNumeric); }
TEST_CASE("any, all, isinstance, issubclass, callable", "[runtime][builtins]") {
  builtins_test::check_cases(kPredicates);
}
TEST_CASE("chr, ord, hash, repr, format, getattr, iter and next", "[runtime][builtins]") {
  builtins_test::check_cases(kMisc);
}

TEST_CASE("builtins dict holds every exception class", "[runtime][builtins]") {
  for (size_t k = 0; k < size_t(ufora::ExcKind::Count); ++k) {
    auto kind = ufora::ExcKind(k);
    INFO(ufora::exc_kind_name(kind));
    CHECK(ufora::dict_find_str(ufora::builtins_dict(), ufora::exc_kind_name(kind)) == ufora::builtin_exception(kind));
  }
}
