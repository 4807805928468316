// The process-wide LLVM ORC LLJIT instance: entry points registered once, an O2 pipeline
// without floating-point contraction or reassociation (results must equal CPython's bit for
// bit), and one JITDylib that every compiled module is added to.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jit/compile_stats.h"
#include "jit/llvm_headers.h"

namespace ufora::jit {

class JitEngine {
 public:
  static JitEngine& instance();
  // Adds a module and returns the addresses of `symbols` (in order). Throws std::runtime_error.
  // `optimise`: run the O2 pipeline on it first (typed kernels); boxed code is added as is.
  std::vector<void*> add(std::unique_ptr<llvm::Module> module, std::unique_ptr<llvm::LLVMContext> context,
                         const std::vector<std::string>& symbols, bool optimise = false);
  const llvm::DataLayout& data_layout() const;
  CompileStats compile_stats() const;

 private:
  JitEngine();
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> target_;  // the host, for the optimiser's cost models
  mutable std::mutex mutex_;                     // add() runs one module at a time
  CompileStats stats_;
};


}  // namespace ufora::jit
