// The process-wide LLVM ORC LLJIT instance: entry points registered once, an O2 pipeline
// without floating-point contraction or reassociation (results must equal CPython's bit for
// bit), the runtime's entry points in the main JITDylib, and one JITDylib a compiled module.
// Modules go through the compile cache (object_cache.h): machine code compiled before is
// loaded, not compiled again.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jit/compile_stats.h"
#include "jit/llvm_headers.h"
#include "jit/object_cache.h"

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
  std::string compiler_settings(int level) const;
  std::string link(const CachedObject& compiled, const Fingerprint& key, const std::vector<uint64_t>& addresses,
                   std::vector<void*>& out);
  int64_t dylibs_ = 0;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> target_;  // the host at -O2: the optimiser's cost models, kernels' back end
  std::unique_ptr<llvm::TargetMachine> fast_;    // the host at -O0: boxed code's back end
  ObjectCache cache_;
  std::map<std::string, std::vector<void*>> linked_;  // fingerprint and addresses -> entries
  mutable std::mutex mutex_;                     // add() runs one module at a time
  CompileStats stats_;
};


}  // namespace ufora::jit
