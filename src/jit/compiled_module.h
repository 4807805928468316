// A Python module compiled to native code: its functions' CodeInfos, its globals, and the
// constants its code refers to. Lives as long as anything created by it may run.
#pragma once

#include <memory>
#include <vector>

#include "jit/constant_pool.h"
#include "jit/specializer.h"
#include "lower/ir.h"
#include "runtime/callable.h"

namespace ufora::jit {

class CompiledModule {
 public:
  // Generates and JIT-compiles every function of `program`. Throws std::runtime_error.
  CompiledModule(const ir::Program& program, const std::string& module_name);
  ~CompiledModule();
  CompiledModule(const CompiledModule&) = delete;
  CompiledModule& operator=(const CompiledModule&) = delete;

  // Runs the module body; nullptr when it raised (the exception is pending).
  Obj* run_body();
  ModuleObj* module() const { return module_; }

 private:
  ConstantPool pool_;
  std::vector<std::unique_ptr<CodeInfo>> codes_;
  ModuleObj* module_;
  std::unique_ptr<Specializer> specializer_;
};

}  // namespace ufora::jit
