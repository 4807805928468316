// What identifies a module's machine code: its IR (after move_addresses_to_table), which of
// its functions are entries, and the compiler that turns it into code. Two modules with the
// same fingerprint compile to the same object, whatever this process named their functions.
#pragma once

#include <string>
#include <vector>

#include "jit/llvm_headers.h"
#include "jit/object_cache.h"

namespace ufora::jit {

// `entries`: the functions the caller looks up, in order. `compiler`: every setting the code
// depends on beyond the IR (LLVM version, CPU and features, optimisation level).
Fingerprint module_fingerprint(llvm::Module& m, const std::vector<std::string>& entries, const std::string& compiler);

}  // namespace ufora::jit
