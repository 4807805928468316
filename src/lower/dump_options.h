// UFORA_DUMP=ast,ir,llvm: which compiler stages to print to stderr.
#pragma once

namespace ufora {

bool dump_enabled(const char* stage);

}  // namespace ufora
