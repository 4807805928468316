// Text form of the AST, for UFORA_DUMP=ast and for tests.
#pragma once

#include <string>

#include "lower/ast.h"

namespace ufora::lower {

// Prints the tree in the format of CPython 3.11's `ast.dump(tree)`, or of
// `ast.dump(tree, include_attributes=True)` when include_spans is set, so the
// output can be compared with CPython's directly. Differences, by design:
// match patterns print as `<pattern binds a, b>`, and a `u'...'` string prefix is lost.
std::string dump_ast(const Module& module, bool include_spans = false);

}  // namespace ufora::lower
