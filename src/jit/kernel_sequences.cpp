#include "jit/kernel_sequences.h"

#include <cstddef>

#include "values/packed_seq.h"

namespace ufora::jit {

namespace {

llvm::Value* invariant_load(llvm::IRBuilder<>& b, llvm::Type* t, llvm::Value* address) {
  llvm::LoadInst* load = b.CreateLoad(t, address);
  load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(b.getContext(), {}));
  return load;
}

}  // namespace

llvm::Value* emit_sequence_size(llvm::IRBuilder<>& b, llvm::Value* header) {
  static_assert(offsetof(PackedHeader, size) == 0);
  return invariant_load(b, b.getInt64Ty(), header);
}

llvm::Value* emit_sequence_element(llvm::IRBuilder<>& b, llvm::Value* header, llvm::Value* index, llvm::Type* element_type) {
  // Every sequence a kernel sees is one block (Specializer::kernel_value refuses others).
  llvm::Value* flat_at = b.CreateConstGEP1_64(b.getInt8Ty(), header, offsetof(PackedHeader, flat));
  llvm::Value* flat = invariant_load(b, b.getPtrTy(), flat_at);
  return invariant_load(b, element_type, b.CreateGEP(element_type, flat, index));
}

}  // namespace ufora::jit
