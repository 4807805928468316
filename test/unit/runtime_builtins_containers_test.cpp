// Methods of tuple, list, dict, set and frozenset. Expected values: repr() of the same
// expression under CPython 3.11 (/usr/bin/python3), or the exception it raised. Sets are
// compared through sorted() because their order is not part of the language.
#include <catch2/catch.hpp>

#include "runtime_builtins_eval.h"

namespace {

const builtins_test::Case kSeqMethods[] = {
    {"(1, 2, 1).index(1)", "0"},
    {"(1, 2).index(3)", "ValueError: tuple.index(x): x not in tuple"},
    {"[1, 2].index(3)", "ValueError: 3 is not in list"},
    {"[1, 2].index(\"a\")", "ValueError: 'a' is not in list"},
    {"[1, 2, 1].index(1, 1)", "2"},
    {"[1, 2, 1].index(1, -1)", "2"},
    {"[1, 2, 1].index(1, 0, 100000000000000000000)", "0"},
    {"(1, 2).index(2, 1.0)", "TypeError: slice indices must be integers or have an __index__ method"},
    {"(1,).index()", "TypeError: index expected at least 1 argument, got 0"},
    {"[1, 2, 1, 1].count(1)", "3"},
    {"(1, 1.0, True).count(1)", "3"},
    {"[].count()", "TypeError: list.count() takes exactly one argument (0 given)"},
    {"[1].copy()", "[1]"},
    {"[1].copy(1)", "TypeError: list.copy() takes no arguments (1 given)"},
    {"tuple.count(1)", "TypeError: descriptor 'count' for 'tuple' objects doesn't apply to a 'int' object"},
    {"tuple.count((1, 1), 1)", "2"},
    {"list.index([5, 6], 6)", "1"},
    {"[float(\"nan\")].count(float(\"nan\"))", "0"},
};

const builtins_test::Case kDictMethods[] = {
    {"{\"a\": 1}.get(\"a\")", "1"},
    {"{\"a\": 1}.get(\"b\")", "None"},
    {"{\"a\": 1}.get(\"b\", 0)", "0"},
    {"{}.get()", "TypeError: get expected at least 1 argument, got 0"},
    {"{}.get(1, 2, 3)", "TypeError: get expected at most 2 arguments, got 3"},
    {"{1: 2}.get([])", "TypeError: unhashable type: 'list'"},
    {"sorted({\"b\": 1, \"a\": 2}.keys())", "['a', 'b']"},
    {"list({\"b\": 1, \"a\": 2}.values())", "[1, 2]"},
    {"list({\"b\": 1, \"a\": 2}.items())", "[('b', 1), ('a', 2)]"},
    {"len({\"b\": 1, \"a\": 2}.items())", "2"},
    {"\"a\" in {\"a\": 1}.keys()", "True"},
    {"\"z\" in {\"a\": 1}.keys()", "False"},
    {"{1: 2}.keys() == {1}", "True"},
    {"sorted({1: 2}.keys() | {3})", "[1, 3]"},
    {"(1, 2) in {1: 2}.items()", "True"},
    {"{}.keys(1)", "TypeError: dict.keys() takes no arguments (1 given)"},
    {"{\"a\": 1}.copy()", "{'a': 1}"},
    {"dict.fromkeys([1, 2])", "{1: None, 2: None}"},
    {"dict.fromkeys(\"ab\", 0)", "{'a': 0, 'b': 0}"},
    {"{}.fromkeys([3])", "{3: None}"},
    {"dict.get({\"a\": 1}, \"a\")", "1"},
    {"dict.get()", "TypeError: unbound method dict.get() needs an argument"},
};

const builtins_test::Case kSetMethods[] = {
    {"sorted({1, 2}.union([3], (4,)))", "[1, 2, 3, 4]"},
    {"sorted({1, 2, 3}.intersection([2, 3, 4]))", "[2, 3]"},
    {"sorted({1, 2, 3}.intersection([2, 3], {3}))", "[3]"},
    {"{1}.intersection()", "{1}"},
    {"sorted({1, 2, 3}.difference([1], [2]))", "[3]"},
    {"sorted({1, 2}.symmetric_difference([2, 3]))", "[1, 3]"},
    {"{1}.symmetric_difference()", "TypeError: set.symmetric_difference() takes exactly one argument (0 given)"},
    {"{1}.symmetric_difference([1], [2])", "TypeError: set.symmetric_difference() takes exactly one argument (2 given)"},
    {"{1, 2}.issubset([1, 2, 3])", "True"},
    {"{1, 4}.issubset([1, 2, 3])", "False"},
    {"{1, 2, 3}.issuperset([1, 2])", "True"},
    {"{1}.isdisjoint([2])", "True"},
    {"{1}.isdisjoint([1])", "False"},
    {"{1}.union(1)", "TypeError: 'int' object is not iterable"},
    {"{1}.issubset(1)", "TypeError: 'int' object is not iterable"},
    {"frozenset([1]).union([2])", "frozenset({1, 2})"},
    {"frozenset([1, 2]).intersection([2])", "frozenset({2})"},
    {"{1}.copy()", "{1}"},
    {"frozenset([1]).copy()", "frozenset({1})"},
    {"frozenset([1]).copy(1)", "TypeError: frozenset.copy() takes no arguments (1 given)"},
    {"set.union({1}, [2])", "{1, 2}"},
    {"set.union()", "TypeError: unbound method set.union() needs an argument"},
    {"{1}.union([[]])", "TypeError: unhashable type: 'list'"},
};

}  // namespace

TEST_CASE("tuple and list methods", "[runtime][builtins][containers]") { builtins_test::check_cases(kSeqMethods); }
TEST_CASE("dict methods", "[runtime][builtins][containers]") { builtins_test::check_cases(kDictMethods); }
TEST_CASE("set and frozenset methods", "[runtime][builtins][containers]") { builtins_test::check_cases(kSetMethods); }
