// Per-call-signature specialisation of a module's functions (DESIGN.md decision 1): the
// first call of a function with a new tuple of scalar argument types infers types, and when
// the function is a numeric kernel, compiles an unboxed version at O2 and caches it.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "jit/constant_pool.h"
#include "lower/type_inference.h"
#include "runtime/callable.h"

namespace ufora::jit {

class Specializer {
 public:
  Specializer(ir::Program program, ModuleObj* globals, std::vector<CodeInfo*> codes, ConstantPool& pool);
  ~Specializer();
  Specializer(const Specializer&) = delete;
  Specializer& operator=(const Specializer&) = delete;

  // Installs CodeInfo::fast_call on every function that could be a kernel.
  void attach();

 private:
  struct Kernel {
    bool (*entry)(uint64_t* result, int32_t depth, const uint64_t* args) = nullptr;  // null: not a kernel
    ir::Scalar result = ir::Scalar::Unknown;
    std::vector<ir::Scalar> result_tuple;  // instead of `result`, for `return a, b`
    std::vector<std::pair<int64_t, Obj*>> folded_numbers;  // see TypedModule
  };
  struct PerFunction {
    Specializer* owner;
    int32_t index;
    // By argument types; a list kernel's key starts with what `.0` runs over. The int is a
    // dict comprehension's part (TypedFunction::dict_part), 0 for everything else.
    std::map<std::pair<int32_t, std::vector<ir::Scalar>>, Kernel> cache;
    bool explained = false;  // UFORA_DUMP=parallel said why it is boxed
  };

  static bool fast_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result);
  // A list comprehension called with its iterator: builds the list unboxed when it can.
  static bool fast_set_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result);
  static bool fast_list_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result);
  // A generator expression's items as an unboxed list (CodeInfo::fast_items), for at most
  // kMaxGeneratorItems of them: beyond that, memory would matter more than speed.
  static bool fast_generator_items(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** list);
  static bool fast_dict_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result);
  // `dict_part`: for a dict comprehension, the list of its keys (1) or of its values (2).
  static bool build_list(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result, int64_t max_items, int32_t dict_part = 0);
  Kernel compile(int32_t index, const std::vector<ir::Scalar>& types);
  Kernel compile_list(int32_t index, int32_t dict_part, const std::vector<ir::Scalar>& key);
  void explain_sequential(int32_t index, const std::string& why) const;
  // UFORA_DUMP=parallel, once per comprehension: why a list comprehension builds its list
  // sequentially (in the general code). Returns false, for fast_list_call to return.
  static bool explain_list(PerFunction* pf, const std::string& why);
  Kernel install(int32_t index, const std::optional<std::vector<ir::TypedFunction>>& kernels, const std::string& why);
  ir::GlobalTarget resolve_global(int64_t slot) const;
  // After `k`'s entry gave up: whether it was because a number it folded was rebound to
  // another number of the same type. Those globals are then read at run time, and every
  // kernel is compiled again on its next call (the caller retries once).
  bool generalize(std::vector<std::pair<int64_t, Obj*>> folded);
  int32_t index_of(const CodeInfo* code) const;

  ir::Program program_;
  ModuleObj* globals_;
  std::vector<CodeInfo*> codes_;
  ConstantPool& pool_;
  std::vector<std::unique_ptr<PerFunction>> functions_;
  std::set<int64_t> varying_;  // numeric globals that module code rebinds (generate_typed)
};

}  // namespace ufora::jit
