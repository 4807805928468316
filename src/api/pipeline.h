// The whole compiler in one place: source text -> AST -> checks -> IR -> LLVM -> native code.
#pragma once

#include <memory>
#include <string>

#include "jit/compiled_module.h"
#include "lower/source.h"

namespace ufora::api {

// Compiles a module. Throws lower::UserError for problems in the program (syntax, mutation,
// unsupported constructs) and std::runtime_error for internal failures. Stages are dumped to
// stderr as UFORA_DUMP (ast, ir, llvm) asks.
std::unique_ptr<jit::CompiledModule> compile_module(const lower::SourceFile& source, const std::string& module_name);

}  // namespace ufora::api
