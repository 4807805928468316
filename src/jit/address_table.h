// Compiled code refers to objects of this process (interned strings, function objects, the
// module's global slots) by address. Those addresses change from run to run, so before a
// module is compiled they move out of its instructions into a table that the module defines
// and the engine fills after linking: the machine code is then the same in every process and
// can be kept in the compile cache (object_cache.h) and shared by identical modules.
#pragma once

#include <cstdint>
#include <vector>

#include "jit/llvm_headers.h"

namespace ufora::jit {

// The table's symbol in every module: one JITDylib a module, so the name never clashes.
inline constexpr const char* kAddressTableSymbol = "ufora.addresses";

// Replaces each `inttoptr (i64 C)` in `m` by a load from slot k of the table (marked
// invariant, so the optimiser hoists and merges it like the constant it stands for) and
// returns the values C, slot by slot, in the order the instructions first use them.
std::vector<uint64_t> move_addresses_to_table(llvm::Module& m);

}  // namespace ufora::jit
