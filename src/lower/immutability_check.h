// Refuses programs that change data in place (libufora runs immutable Python).
#pragma once

#include <vector>

#include "lower/ast.h"
#include "lower/diagnostics.h"

namespace ufora::lower {

// Every mutation in the module, sorted by source position, each a UserError
// of kind Mutation with a message and a hint at the immutable spelling.
// Refused:
//  - `global` / `nonlocal` statements, `del`;
//  - item assignment / augmented item assignment (`x[i] = v`, `x[i] += 1`);
//  - attribute assignment, except `self.attr = ...` directly in a class's
//    `__init__` whose first parameter is `self` (any name);
//  - calls `obj.m(...)` of the mutating methods of list/dict/set (append,
//    extend, insert, pop, remove, clear, sort, reverse, add, discard, update,
//    setdefault, popitem, *_update) unless a class in the module defines m;
//  - augmented assignment whose target name is bound in the same scope to a
//    list/dict/set display, comprehension or list()/dict()/set() call, or
//    whose value is such an expression (`acc += [i]`).
// Rebinding names (`i += 1`, `t = t + (x,)`) is fine.
std::vector<UserError> find_mutations(const Module& module);

// Throws the first of find_mutations(module), if any.
void check_immutability(const Module& module);

}  // namespace ufora::lower
