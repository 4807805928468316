// What compiling has cost so far, for `ufora-run --stats` (no LLVM types: the API layer reads it).
#pragma once

#include <cstdint>

namespace ufora::jit {

struct CompileStats {
  int64_t modules = 0;    // modules added to the JIT
  int64_t optimised = 0;  // of which typed kernels, through the optimising pipeline
  double seconds = 0;     // spent in LLVM on them (optimiser and back end)
};

CompileStats compile_stats();

}  // namespace ufora::jit
