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
  llvm::Value* chunks_at = b.CreateConstGEP1_64(b.getInt8Ty(), header, offsetof(PackedHeader, chunks));
  llvm::Value* chunks = invariant_load(b, b.getPtrTy(), chunks_at);
  llvm::Value* chunk_at = b.CreateGEP(b.getPtrTy(), chunks, b.CreateLShr(index, uint64_t(kChunkShift)));
  llvm::Value* chunk = invariant_load(b, b.getPtrTy(), chunk_at);
  llvm::Value* element_at = b.CreateGEP(element_type, chunk, b.CreateAnd(index, uint64_t(kChunkMask)));
  return invariant_load(b, element_type, element_at);
}

}  // namespace ufora::jit
