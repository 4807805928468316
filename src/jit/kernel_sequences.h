// How typed kernels read the unboxed sequences of values/packed_seq.h: the IR that loads a
// sequence's length and its i-th element from a `PackedHeader*`.
#pragma once

#include "jit/llvm_headers.h"

namespace ufora::jit {

// The number of elements (int64).
llvm::Value* emit_sequence_size(llvm::IRBuilder<>& b, llvm::Value* header);

// Element `index` (0 <= index < size, checked by the caller) as `element_type`
// (double or i64). The loads are marked invariant: the elements never change.
llvm::Value* emit_sequence_element(llvm::IRBuilder<>& b, llvm::Value* header, llvm::Value* index, llvm::Type* element_type);

}  // namespace ufora::jit
