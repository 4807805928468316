// UFORA_PERF_MAP=1: write /tmp/perf-<pid>.map, the file in which `perf report` looks up the
// names of JIT-compiled code (kernels, their parallel parts, boxed functions); without it a
// profile shows bare addresses.
#pragma once

#include "jit/llvm_headers.h"

namespace ufora::jit {

bool perf_map_wanted();

// Adds the writer to the JIT's object linking layer when UFORA_PERF_MAP=1; the target
// machines must then put each function in a section of its own.
void attach_perf_map(llvm::orc::LLJIT& jit);

}  // namespace ufora::jit
