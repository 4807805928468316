// Typed IR -> LLVM: unboxed numeric kernels (see lower/type_inference.h).
//
// Each specialisation becomes `i1 @k(ptr result, i32 depth, i64 a0, ...)`: arguments and the
// result travel as 64-bit patterns (int as is, float bit-cast, bool zero-extended); the
// function returns 0 to give up, in which case the caller runs the boxed code. An extra
// `i1 @entry(ptr result, i32 depth, ptr args)` wrapper lets C++ call the first one.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "jit/constant_pool.h"
#include "jit/llvm_headers.h"
#include "lower/type_inference.h"
#include "runtime/callable.h"

namespace ufora::jit {

struct TypedModule {
  std::unique_ptr<llvm::Module> module;
  std::string entry_symbol;
  // Numeric globals compiled in as constants (slot, value): when the entry fails because one
  // of them was rebound to another number, the specializer compiles again reading it instead.
  std::vector<std::pair<int64_t, Obj*>> folded_numbers;
};

// Which program function a compiled function object runs (-1 for another module's).
using FunctionIndex = std::function<int32_t(const CodeInfo*)>;

// `varying`: numeric globals that module code rebinds to other numbers of the same type; the
// kernels read them at run time (the entry checks only their type) instead of folding them.
TypedModule generate_typed(const ir::Program& program, const std::vector<ir::TypedFunction>& kernels,
                           ModuleObj* globals, const std::set<int64_t>& varying, ConstantPool& pool,
                           const FunctionIndex& index_of, llvm::LLVMContext& context);

}  // namespace ufora::jit
