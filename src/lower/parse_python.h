// Source text -> our AST, using the embedded CPython parser.
#pragma once

#include <memory>

#include "lower/ast.h"
#include "lower/diagnostics.h"
#include "lower/source.h"

namespace ufora::lower {

// Parses (and, to surface the same syntax errors `python3 file.py` would
// report, also compiles) the source with CPython, then converts the tree into
// our AST; no Python object outlives the call. Thread-safe: CPython is started
// once per process on first use and each call takes the GIL for its duration.
// Throws UserError (kind SyntaxError) for SyntaxError/IndentationError/TabError.
std::unique_ptr<Module> parse_module(const SourceFile& source);

}  // namespace ufora::lower
