// What compiling has cost so far, for `ufora-run --stats` (no LLVM types: the API layer reads it).
#pragma once

#include <cstdint>

namespace ufora::jit {

struct CompileStats {
  int64_t modules = 0;    // modules added to the JIT
  int64_t optimised = 0;  // of which typed kernels, through the optimising pipeline
  int64_t from_cache = 0; // of which loaded from the compile cache, not compiled
  int64_t shared = 0;     // of which identical to one already linked, whose code they use
  double seconds = 0;     // spent on them (optimiser, back end, cache and linking)
};

CompileStats compile_stats();

}  // namespace ufora::jit
