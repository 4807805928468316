// Ufora IR -> LLVM IR. Each ir::Function becomes one LLVM function
// `ptr @name(ptr params, ptr cells)` matching CodeInfo::Entry; every operation on Python
// values is a call to a runtime entry point (runtime/entry_points.h), reference counting is
// inlined, and a failing operation branches to its block's handler.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jit/constant_pool.h"
#include "jit/llvm_headers.h"
#include "lower/ir.h"
#include "runtime/callable.h"

namespace ufora::jit {

struct CodegenResult {
  std::unique_ptr<llvm::Module> module;
  std::vector<std::string> symbols;  // one per ir::Function, same order
};

CodegenResult generate_llvm(const ir::Program& program, ModuleObj* globals, const std::vector<CodeInfo*>& codes,
                            ConstantPool& pool, llvm::LLVMContext& context);

}  // namespace ufora::jit
