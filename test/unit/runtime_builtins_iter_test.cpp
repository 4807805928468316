// zip, enumerate, map, filter, sorted and reversed. Expected values: repr() of the same
// expression under CPython 3.11 (/usr/bin/python3), or the exception it raised.
#include <catch2/catch.hpp>

#include "runtime_builtins_eval.h"

namespace {

const builtins_test::Case kZipEnumerate[] = {
    {"list(zip([1, 2, 3, 4], \"xyz\"))", "[(1, 'x'), (2, 'y'), (3, 'z')]"},
    {"list(zip([1, 2], \"ab\", (True, None)))", "[(1, 'a', True), (2, 'b', None)]"},
    {"list(zip())", "[]"},
    {"list(zip([1]))", "[(1,)]"},
    {"list(zip(1))", "TypeError: 'int' object is not iterable"},
    {"zip([1], x=1)", "TypeError: 'x' is an invalid keyword argument for zip()"},
    {"list(zip([1], [1, 2], strict=True))", "ValueError: zip() argument 2 is longer than argument 1"},
    {"list(zip([1, 2], [1], strict=True))", "ValueError: zip() argument 2 is shorter than argument 1"},
    {"list(zip([1, 2], [1, 2], [1], strict=True))", "ValueError: zip() argument 3 is shorter than arguments 1-2"},
    {"list(zip([1], [1, 2], [1, 2], strict=True))", "ValueError: zip() argument 2 is longer than argument 1"},
    {"list(zip([1, 2], \"ab\", strict=1))", "[(1, 'a'), (2, 'b')]"},
    {"list(enumerate(\"abc\"))", "[(0, 'a'), (1, 'b'), (2, 'c')]"},
    {"list(enumerate([\"x\", \"y\"], start=10))", "[(10, 'x'), (11, 'y')]"},
    {"list(enumerate([], 5))", "[]"},
    {"list(enumerate(\"ab\", -3))", "[(-3, 'a'), (-2, 'b')]"},
    {"enumerate(1)", "TypeError: 'int' object is not iterable"},
    {"enumerate()", "TypeError: enumerate() missing required argument 'iterable'"},
    {"enumerate([], 1, 2)", "TypeError: enumerate() takes at most 2 arguments (3 given)"},
    {"enumerate([], x=1)", "TypeError: 'x' is an invalid keyword argument for enumerate()"},
    {"enumerate([], 1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"dict(zip(\"ab\", [1, 2]))", "{'a': 1, 'b': 2}"},
};

const builtins_test::Case kMapFilter[] = {
    {"list(map(int, [\"1\", \"22\", \"-3\"]))", "[1, 22, -3]"},
    {"list(map(str.strip, [\" a \", \"b  \"]))", "['a', 'b']"},
    {"list(map(pow, [2, 3, 4], [3, 2, 1]))", "[8, 9, 4]"},
    {"list(map(abs, [-1, 2], [3]))", "TypeError: abs() takes exactly one argument (2 given)"},
    {"list(map(len))", "TypeError: map() must have at least two arguments."},
    {"map(len)", "TypeError: map() must have at least two arguments."},
    {"list(map(len, 1))", "TypeError: 'int' object is not iterable"},
    {"list(filter(None, [0, 1, \"\", \"a\", [], [0], None, 2.5]))", "[1, 'a', [0], 2.5]"},
    {"list(filter(str.isdigit, [\"12\", \"a1\", \"007\", \"\"]))", "['12', '007']"},
    {"list(filter(len))", "TypeError: filter expected 2 arguments, got 1"},
    {"filter(len)", "TypeError: filter expected 2 arguments, got 1"},
    {"list(filter(None, 5))", "TypeError: 'int' object is not iterable"},
    {"sum(map(len, [\"ab\", \"cde\", \"\"]))", "5"},
    {"max(map(abs, [-7, 3, 5]))", "7"},
    {"tuple(map(round, [1.5, 2.5, 3.49, -0.5]))", "(2, 2, 3, 0)"},
};

const builtins_test::Case kSorted[] = {
    {"sorted([5, 3, 9, 1, 3, 7])", "[1, 3, 3, 5, 7, 9]"},
    {"sorted([5, 3, 9, 1, 3, 7], reverse=True)", "[9, 7, 5, 3, 3, 1]"},
    {"sorted(\"sorting\")", "['g', 'i', 'n', 'o', 'r', 's', 't']"},
    {"sorted((3, 1, 2))", "[1, 2, 3]"},
    {"sorted({\"b\": 1, \"a\": 2})", "['a', 'b']"},
    {"sorted([(\"b\", 2), (\"a\", 2), (\"c\", 1), (\"a\", 1)])", "[('a', 1), ('a', 2), ('b', 2), ('c', 1)]"},
    {"sorted([\"bb\", \"a\", \"ccc\", \"dd\"], key=len)", "['a', 'bb', 'dd', 'ccc']"},
    {"sorted([\"bb\", \"a\", \"ccc\", \"dd\"], key=len, reverse=True)", "['ccc', 'bb', 'dd', 'a']"},
    {"sorted([3.5, -1, 2, 0.0])", "[-1, 0.0, 2, 3.5]"},
    {"sorted([-3, 2, -1], key=abs)", "[-1, 2, -3]"},
    {"sorted([-3, 3, -1, 1, 2, -2], key=abs, reverse=True)", "[-3, 3, 2, -2, -1, 1]"},
    {"sorted([1, \"a\"])", "TypeError: '<' not supported between instances of 'str' and 'int'"},
    {"sorted([1, 2], key=len)", "TypeError: object of type 'int' has no len()"},
    {"sorted()", "TypeError: sorted expected 1 argument, got 0"},
    {"sorted([], foo=1)", "TypeError: 'foo' is an invalid keyword argument for sort()"},
    {"sorted([], key=None, reverse=False, x=1)", "TypeError: sort() takes at most 2 keyword arguments (3 given)"},
    {"sorted([3, 1], None, True)", "TypeError: sorted expected 1 argument, got 3"},
    {"sorted([2, 1], reverse=1)", "[2, 1]"},
    {"sorted([2, 1], reverse=1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"sorted([\"b\", \"A\", \"a\", \"B\"], key=str.lower)", "['A', 'a', 'b', 'B']"},
    {"sorted([1.5, 1, True, 0, False, 0.0])", "[0, False, 0.0, 1, True, 1.5]"},
    {"sorted([\"é\", \"e\", \"z\", \"ä\", \"a\"])", "['a', 'e', 'z', 'ä', 'é']"},
    {"sorted([9223372036854775807, -9223372036854775808, 0, 100000000000000000000])", "[-9223372036854775808, 0, 9223372036854775807, 100000000000000000000]"},
    {"sorted(range(30, 0, -1))", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]"},
    {"sorted([31, 7, 2, 99, 15, 1, 64, 8, 23, 42, 5, 77, 18, 3, 11, 90, 36, 12, 4, 60, 29, 6, 13, 88, 21, 10])", "[1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 15, 18, 21, 23, 29, 31, 36, 42, 60, 64, 77, 88, 90, 99]"},
    {"sorted([(2, -5), (1, -1), (1, -4), (0, -9), (2, -2), (0, -6), (2, -8), (0, -3), (1, -7), (0, 0), (2, -11), (1, -19), (1, -13), (2, -17), (0, -15), (1, -10), (0, -12), (0, -18), (2, -14), (1, -16)])", "[(0, -18), (0, -15), (0, -12), (0, -9), (0, -6), (0, -3), (0, 0), (1, -19), (1, -16), (1, -13), (1, -10), (1, -7), (1, -4), (1, -1), (2, -17), (2, -14), (2, -11), (2, -8), (2, -5), (2, -2)]"},
    {"sorted([(2, -5), (1, -1), (1, -4), (0, -9), (2, -2), (0, -6), (2, -8), (0, -3), (1, -7), (0, 0), (2, -11), (1, -19), (1, -13), (2, -17), (0, -15), (1, -10), (0, -12), (0, -18), (2, -14), (1, -16)], key=min)", "[(1, -19), (0, -18), (2, -17), (1, -16), (0, -15), (2, -14), (1, -13), (0, -12), (2, -11), (1, -10), (0, -9), (2, -8), (1, -7), (0, -6), (2, -5), (1, -4), (0, -3), (2, -2), (1, -1), (0, 0)]"},
    {"sorted([(2, 1), (1, 1), (1, 0), (0, 1), (2, 2), (0, 2), (2, 0), (0, 3), (1, 3), (0, 0), (2, 3), (1, 3), (1, 1), (2, 1), (0, 3), (1, 2), (0, 0), (0, 2), (2, 2), (1, 0)], key=max, reverse=True)", "[(0, 3), (1, 3), (2, 3), (1, 3), (0, 3), (2, 1), (2, 2), (0, 2), (2, 0), (2, 1), (1, 2), (0, 2), (2, 2), (1, 1), (1, 0), (0, 1), (1, 1), (1, 0), (0, 0), (0, 0)]"},
    {"sorted([[2, \"b\"], [1, \"z\"], [2, \"a\"], [1, \"a\"]], reverse=True)", "[[2, 'b'], [2, 'a'], [1, 'z'], [1, 'a']]"},
};

const builtins_test::Case kReversed[] = {
    {"list(reversed([5, 3, 9]))", "[9, 3, 5]"},
    {"list(reversed(\"abc\"))", "['c', 'b', 'a']"},
    {"list(reversed(\"héllo\"))", "['o', 'l', 'l', 'é', 'h']"},
    {"list(reversed(range(4)))", "[3, 2, 1, 0]"},
    {"list(reversed(range(10, 0, -3)))", "[1, 4, 7, 10]"},
    {"list(reversed(range(0)))", "[]"},
    {"tuple(reversed((1, 2)))", "(2, 1)"},
    {"list(reversed({\"a\": 1, \"b\": 2}))", "['b', 'a']"},
    {"reversed({1})", "TypeError: 'set' object is not reversible"},
    {"reversed(1)", "TypeError: 'int' object is not reversible"},
    {"reversed()", "TypeError: reversed expected 1 argument, got 0"},
    {"list(reversed([]))", "[]"},
};

const builtins_test::Case kSortedLarge[] = {
    {"sorted(['objb', 'bjrlo', 'wzwg', 'zwpvz', 'qf', 'lbjrc', 'klol', 'lyz', 'ku', 'rytvj', '', 'f', 'gupv', 't', '', 'tzwcd', 'aj', 'tvjrs', '', 'vcdda', 'ytio', 'xjhuw', '', 'l', 'qyqp', 'hanyq', 'iufx', 'jhu', 'ygum', 'f', 'qc', 'b', 'ajrl', 'rlusm', 'krca', 'pyt', 'ml', 'vztpl', '', 'lytmb', 'ku', 'lus', 'ke', 'jhe', 'sc', 'r', 'gekh', 'jbaqc', 'ixgu', 'vfa', 'ol', 'vcx', 'kb', 'bdxwt', '', 'heh', 'eq', 'z', 'aghx', 'ddtpo', '', 'b', 'aany', 'hrluf', 'wp', 'bje', 'yj', 'fawwg', '', 'f', 'grfd', 'psihr', 'ym', 't', 'gkym', 'zjh', '', 'n', 'uw', 'j', 'kh', 'x', 'cd', 'n', 'ml', 'bdqsz', 'ujol', 'headq', 'eq', 'neume', 'oymr', 'plbjk', 'mytf', 'fkehk', 'wg', 'hrfku', '', 'lhnoi', 'upfa', 'l', '', 'rfkbt', '', 't', '', 'b', 'ke', 'nbn', '', 'd', 'uw', 'vjbnr', 'uf', 'l', 'olhk', 'r', 'ovzd', 'ztmyq', 'ib', 'josik'], key=len)", "['', '', '', '', '', '', '', '', '', '', '', '', '', '', 'f', 't', 'l', 'f', 'b', 'r', 'z', 'b', 'f', 't', 'n', 'j', 'x', 'n', 'l', 't', 'b', 'd', 'l', 'r', 'qf', 'ku', 'aj', 'qc', 'ml', 'ku', 'ke', 'sc', 'ol', 'kb', 'eq', 'wp', 'yj', 'ym', 'uw', 'kh', 'cd', 'ml', 'eq', 'wg', 'ke', 'uw', 'uf', 'ib', 'lyz', 'jhu', 'pyt', 'lus', 'jhe', 'vfa', 'vcx', 'heh', 'bje', 'zjh', 'nbn', 'objb', 'wzwg', 'klol', 'gupv', 'ytio', 'qyqp', 'iufx', 'ygum', 'ajrl', 'krca', 'gekh', 'ixgu', 'aghx', 'aany', 'grfd', 'gkym', 'ujol', 'oymr', 'mytf', 'upfa', 'olhk', 'ovzd', 'bjrlo', 'zwpvz', 'lbjrc', 'rytvj', 'tzwcd', 'tvjrs', 'vcdda', 'xjhuw', 'hanyq', 'rlusm', 'vztpl', 'lytmb', 'jbaqc', 'bdxwt', 'ddtpo', 'hrluf', 'fawwg', 'psihr', 'bdqsz', 'headq', 'neume', 'plbjk', 'fkehk', 'hrfku', 'lhnoi', 'rfkbt', 'vjbnr', 'ztmyq', 'josik']"},
    {"sorted(['objb', 'bjrlo', 'wzwg', 'zwpvz', 'qf', 'lbjrc', 'klol', 'lyz', 'ku', 'rytvj', '', 'f', 'gupv', 't', '', 'tzwcd', 'aj', 'tvjrs', '', 'vcdda', 'ytio', 'xjhuw', '', 'l', 'qyqp', 'hanyq', 'iufx', 'jhu', 'ygum', 'f', 'qc', 'b', 'ajrl', 'rlusm', 'krca', 'pyt', 'ml', 'vztpl', '', 'lytmb', 'ku', 'lus', 'ke', 'jhe', 'sc', 'r', 'gekh', 'jbaqc', 'ixgu', 'vfa', 'ol', 'vcx', 'kb', 'bdxwt', '', 'heh', 'eq', 'z', 'aghx', 'ddtpo', '', 'b', 'aany', 'hrluf', 'wp', 'bje', 'yj', 'fawwg', '', 'f', 'grfd', 'psihr', 'ym', 't', 'gkym', 'zjh', '', 'n', 'uw', 'j', 'kh', 'x', 'cd', 'n', 'ml', 'bdqsz', 'ujol', 'headq', 'eq', 'neume', 'oymr', 'plbjk', 'mytf', 'fkehk', 'wg', 'hrfku', '', 'lhnoi', 'upfa', 'l', '', 'rfkbt', '', 't', '', 'b', 'ke', 'nbn', '', 'd', 'uw', 'vjbnr', 'uf', 'l', 'olhk', 'r', 'ovzd', 'ztmyq', 'ib', 'josik'], key=len, reverse=True)", "['bjrlo', 'zwpvz', 'lbjrc', 'rytvj', 'tzwcd', 'tvjrs', 'vcdda', 'xjhuw', 'hanyq', 'rlusm', 'vztpl', 'lytmb', 'jbaqc', 'bdxwt', 'ddtpo', 'hrluf', 'fawwg', 'psihr', 'bdqsz', 'headq', 'neume', 'plbjk', 'fkehk', 'hrfku', 'lhnoi', 'rfkbt', 'vjbnr', 'ztmyq', 'josik', 'objb', 'wzwg', 'klol', 'gupv', 'ytio', 'qyqp', 'iufx', 'ygum', 'ajrl', 'krca', 'gekh', 'ixgu', 'aghx', 'aany', 'grfd', 'gkym', 'ujol', 'oymr', 'mytf', 'upfa', 'olhk', 'ovzd', 'lyz', 'jhu', 'pyt', 'lus', 'jhe', 'vfa', 'vcx', 'heh', 'bje', 'zjh', 'nbn', 'qf', 'ku', 'aj', 'qc', 'ml', 'ku', 'ke', 'sc', 'ol', 'kb', 'eq', 'wp', 'yj', 'ym', 'uw', 'kh', 'cd', 'ml', 'eq', 'wg', 'ke', 'uw', 'uf', 'ib', 'f', 't', 'l', 'f', 'b', 'r', 'z', 'b', 'f', 't', 'n', 'j', 'x', 'n', 'l', 't', 'b', 'd', 'l', 'r', '', '', '', '', '', '', '', '', '', '', '', '', '', '']"},
    {"sorted(['objb', 'bjrlo', 'wzwg', 'zwpvz', 'qf', 'lbjrc', 'klol', 'lyz', 'ku', 'rytvj', '', 'f', 'gupv', 't', '', 'tzwcd', 'aj', 'tvjrs', '', 'vcdda', 'ytio', 'xjhuw', '', 'l', 'qyqp', 'hanyq', 'iufx', 'jhu', 'ygum', 'f', 'qc', 'b', 'ajrl', 'rlusm', 'krca', 'pyt', 'ml', 'vztpl', '', 'lytmb', 'ku', 'lus', 'ke', 'jhe', 'sc', 'r', 'gekh', 'jbaqc', 'ixgu', 'vfa', 'ol', 'vcx', 'kb', 'bdxwt', '', 'heh', 'eq', 'z', 'aghx', 'ddtpo', '', 'b', 'aany', 'hrluf', 'wp', 'bje', 'yj', 'fawwg', '', 'f', 'grfd', 'psihr', 'ym', 't', 'gkym', 'zjh', '', 'n', 'uw', 'j', 'kh', 'x', 'cd', 'n', 'ml', 'bdqsz', 'ujol', 'headq', 'eq', 'neume', 'oymr', 'plbjk', 'mytf', 'fkehk', 'wg', 'hrfku', '', 'lhnoi', 'upfa', 'l', '', 'rfkbt', '', 't', '', 'b', 'ke', 'nbn', '', 'd', 'uw', 'vjbnr', 'uf', 'l', 'olhk', 'r', 'ovzd', 'ztmyq', 'ib', 'josik'])", "['', '', '', '', '', '', '', '', '', '', '', '', '', '', 'aany', 'aghx', 'aj', 'ajrl', 'b', 'b', 'b', 'bdqsz', 'bdxwt', 'bje', 'bjrlo', 'cd', 'd', 'ddtpo', 'eq', 'eq', 'f', 'f', 'f', 'fawwg', 'fkehk', 'gekh', 'gkym', 'grfd', 'gupv', 'hanyq', 'headq', 'heh', 'hrfku', 'hrluf', 'ib', 'iufx', 'ixgu', 'j', 'jbaqc', 'jhe', 'jhu', 'josik', 'kb', 'ke', 'ke', 'kh', 'klol', 'krca', 'ku', 'ku', 'l', 'l', 'l', 'lbjrc', 'lhnoi', 'lus', 'lytmb', 'lyz', 'ml', 'ml', 'mytf', 'n', 'n', 'nbn', 'neume', 'objb', 'ol', 'olhk', 'ovzd', 'oymr', 'plbjk', 'psihr', 'pyt', 'qc', 'qf', 'qyqp', 'r', 'r', 'rfkbt', 'rlusm', 'rytvj', 'sc', 't', 't', 't', 'tvjrs', 'tzwcd', 'uf', 'ujol', 'upfa', 'uw', 'uw', 'vcdda', 'vcx', 'vfa', 'vjbnr', 'vztpl', 'wg', 'wp', 'wzwg', 'x', 'xjhuw', 'ygum', 'yj', 'ym', 'ytio', 'z', 'zjh', 'ztmyq', 'zwpvz']"},
    {"sorted([32, 43.875, 0.5, 37, 124.25, 104.375, 12, 7.125, 85.75, 49, 13.5, 21.625, 26, 95.375, 5.0, 45, 78.75, 36.875, 30, 93.625, 26.25, 31, 65.0, 18.125, 44, 14.875, 0.5, 1, 71.25, 94.375, 32, 83.125, 101.75, 3, 9.5, 110.625, 0, 92.375, 47.0, 37, 83.75, 7.875, 22, 42.625, 84.25, 39, 93.0, 35.125, 26, 2.875, 109.5, 13, 84.25, 68.375, 16, 34.125, 88.75, 29, 55.5, 32.625, 4, 111.375, 121.0, 45, 58.75, 32.875, 6, 88.625, 111.25, 1, 50.0, 36.125, 18, 36.875, 53.5, 45, 79.25, 32.375, 42, 0.125, 120.75, 31, 68.5, 50.625, 16, 105.375, 84.0, 15, 73.75, 107.875, 26, 8.625, 108.25, 17, 105.0, 23.125, 28, 16.875, 95.5, 29, 76.25, 20.375, 38, 14.125, 45.75, 49, 6.5, 7.625, 40, 69.375, 77.0, 9, 78.75, 32.875, 16, 68.625, 91.25, 35, 85.0, 77.125, 8, 72.875, 81.5, 33, 57.25, 46.375, 46, 1.125, 15.75, 45, 59.5, 58.625, 6, 108.375, 116.0, 39, 20.75, 74.875, 26, 3.625, 107.25, 17, 35.0, 80.125, 18, 47.875, 69.5, 27, 113.25, 36.375])", "[0, 0.125, 0.5, 0.5, 1, 1, 1.125, 2.875, 3, 3.625, 4, 5.0, 6, 6, 6.5, 7.125, 7.625, 7.875, 8, 8.625, 9, 9.5, 12, 13, 13.5, 14.125, 14.875, 15, 15.75, 16, 16, 16, 16.875, 17, 17, 18, 18, 18.125, 20.375, 20.75, 21.625, 22, 23.125, 26, 26, 26, 26, 26.25, 27, 28, 29, 29, 30, 31, 31, 32, 32, 32.375, 32.625, 32.875, 32.875, 33, 34.125, 35, 35.0, 35.125, 36.125, 36.375, 36.875, 36.875, 37, 37, 38, 39, 39, 40, 42, 42.625, 43.875, 44, 45, 45, 45, 45, 45.75, 46, 46.375, 47.0, 47.875, 49, 49, 50.0, 50.625, 53.5, 55.5, 57.25, 58.625, 58.75, 59.5, 65.0, 68.375, 68.5, 68.625, 69.375, 69.5, 71.25, 72.875, 73.75, 74.875, 76.25, 77.0, 77.125, 78.75, 78.75, 79.25, 80.125, 81.5, 83.125, 83.75, 84.0, 84.25, 84.25, 85.0, 85.75, 88.625, 88.75, 91.25, 92.375, 93.0, 93.625, 94.375, 95.375, 95.5, 101.75, 104.375, 105.0, 105.375, 107.25, 107.875, 108.25, 108.375, 109.5, 110.625, 111.25, 111.375, 113.25, 116.0, 120.75, 121.0, 124.25]"},
    {"sorted([32, 43.875, 0.5, 37, 124.25, 104.375, 12, 7.125, 85.75, 49, 13.5, 21.625, 26, 95.375, 5.0, 45, 78.75, 36.875, 30, 93.625, 26.25, 31, 65.0, 18.125, 44, 14.875, 0.5, 1, 71.25, 94.375, 32, 83.125, 101.75, 3, 9.5, 110.625, 0, 92.375, 47.0, 37, 83.75, 7.875, 22, 42.625, 84.25, 39, 93.0, 35.125, 26, 2.875, 109.5, 13, 84.25, 68.375, 16, 34.125, 88.75, 29, 55.5, 32.625, 4, 111.375, 121.0, 45, 58.75, 32.875, 6, 88.625, 111.25, 1, 50.0, 36.125, 18, 36.875, 53.5, 45, 79.25, 32.375, 42, 0.125, 120.75, 31, 68.5, 50.625, 16, 105.375, 84.0, 15, 73.75, 107.875, 26, 8.625, 108.25, 17, 105.0, 23.125, 28, 16.875, 95.5, 29, 76.25, 20.375, 38, 14.125, 45.75, 49, 6.5, 7.625, 40, 69.375, 77.0, 9, 78.75, 32.875, 16, 68.625, 91.25, 35, 85.0, 77.125, 8, 72.875, 81.5, 33, 57.25, 46.375, 46, 1.125, 15.75, 45, 59.5, 58.625, 6, 108.375, 116.0, 39, 20.75, 74.875, 26, 3.625, 107.25, 17, 35.0, 80.125, 18, 47.875, 69.5, 27, 113.25, 36.375], reverse=True)", "[124.25, 121.0, 120.75, 116.0, 113.25, 111.375, 111.25, 110.625, 109.5, 108.375, 108.25, 107.875, 107.25, 105.375, 105.0, 104.375, 101.75, 95.5, 95.375, 94.375, 93.625, 93.0, 92.375, 91.25, 88.75, 88.625, 85.75, 85.0, 84.25, 84.25, 84.0, 83.75, 83.125, 81.5, 80.125, 79.25, 78.75, 78.75, 77.125, 77.0, 76.25, 74.875, 73.75, 72.875, 71.25, 69.5, 69.375, 68.625, 68.5, 68.375, 65.0, 59.5, 58.75, 58.625, 57.25, 55.5, 53.5, 50.625, 50.0, 49, 49, 47.875, 47.0, 46.375, 46, 45.75, 45, 45, 45, 45, 44, 43.875, 42.625, 42, 40, 39, 39, 38, 37, 37, 36.875, 36.875, 36.375, 36.125, 35.125, 35, 35.0, 34.125, 33, 32.875, 32.875, 32.625, 32.375, 32, 32, 31, 31, 30, 29, 29, 28, 27, 26.25, 26, 26, 26, 26, 23.125, 22, 21.625, 20.75, 20.375, 18.125, 18, 18, 17, 17, 16.875, 16, 16, 16, 15.75, 15, 14.875, 14.125, 13.5, 13, 12, 9.5, 9, 8.625, 8, 7.875, 7.625, 7.125, 6.5, 6, 6, 5.0, 4, 3.625, 3, 2.875, 1.125, 1, 1, 0.5, 0.5, 0.125, 0]"},
    {"max(['objb', 'bjrlo', 'wzwg', 'zwpvz', 'qf', 'lbjrc', 'klol', 'lyz', 'ku', 'rytvj', '', 'f', 'gupv', 't', '', 'tzwcd', 'aj', 'tvjrs', '', 'vcdda', 'ytio', 'xjhuw', '', 'l', 'qyqp', 'hanyq', 'iufx', 'jhu', 'ygum', 'f', 'qc', 'b', 'ajrl', 'rlusm', 'krca', 'pyt', 'ml', 'vztpl', '', 'lytmb', 'ku', 'lus', 'ke', 'jhe', 'sc', 'r', 'gekh', 'jbaqc', 'ixgu', 'vfa', 'ol', 'vcx', 'kb', 'bdxwt', '', 'heh', 'eq', 'z', 'aghx', 'ddtpo', '', 'b', 'aany', 'hrluf', 'wp', 'bje', 'yj', 'fawwg', '', 'f', 'grfd', 'psihr', 'ym', 't', 'gkym', 'zjh', '', 'n', 'uw', 'j', 'kh', 'x', 'cd', 'n', 'ml', 'bdqsz', 'ujol', 'headq', 'eq', 'neume', 'oymr', 'plbjk', 'mytf', 'fkehk', 'wg', 'hrfku', '', 'lhnoi', 'upfa', 'l', '', 'rfkbt', '', 't', '', 'b', 'ke', 'nbn', '', 'd', 'uw', 'vjbnr', 'uf', 'l', 'olhk', 'r', 'ovzd', 'ztmyq', 'ib', 'josik'], key=len)", "'bjrlo'"},
    {"min(['objb', 'bjrlo', 'wzwg', 'zwpvz', 'qf', 'lbjrc', 'klol', 'lyz', 'ku', 'rytvj', '', 'f', 'gupv', 't', '', 'tzwcd', 'aj', 'tvjrs', '', 'vcdda', 'ytio', 'xjhuw', '', 'l', 'qyqp', 'hanyq', 'iufx', 'jhu', 'ygum', 'f', 'qc', 'b', 'ajrl', 'rlusm', 'krca', 'pyt', 'ml', 'vztpl', '', 'lytmb', 'ku', 'lus', 'ke', 'jhe', 'sc', 'r', 'gekh', 'jbaqc', 'ixgu', 'vfa', 'ol', 'vcx', 'kb', 'bdxwt', '', 'heh', 'eq', 'z', 'aghx', 'ddtpo', '', 'b', 'aany', 'hrluf', 'wp', 'bje', 'yj', 'fawwg', '', 'f', 'grfd', 'psihr', 'ym', 't', 'gkym', 'zjh', '', 'n', 'uw', 'j', 'kh', 'x', 'cd', 'n', 'ml', 'bdqsz', 'ujol', 'headq', 'eq', 'neume', 'oymr', 'plbjk', 'mytf', 'fkehk', 'wg', 'hrfku', '', 'lhnoi', 'upfa', 'l', '', 'rfkbt', '', 't', '', 'b', 'ke', 'nbn', '', 'd', 'uw', 'vjbnr', 'uf', 'l', 'olhk', 'r', 'ovzd', 'ztmyq', 'ib', 'josik'], key=len)", "''"},
};

}  // namespace

TEST_CASE("zip and enumerate", "[runtime][builtins]") { builtins_test::check_cases(kZipEnumerate); }
TEST_CASE("map and filter", "[runtime][builtins]") { builtins_test::check_cases(kMapFilter); }
TEST_CASE("sorted", "[runtime][builtins]") { builtins_test::check_cases(kSorted); }
TEST_CASE("reversed", "[runtime][builtins]") { builtins_test::check_cases(kReversed); }

TEST_CASE("sorted on more items than one merge run (stability, reverse)", "[runtime][builtins]") {
  builtins_test::check_cases(kSortedLarge);
}
