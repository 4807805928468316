// KernelCodegen (kernel_codegen.h): loops over range(...), sequences, enumerate and zip. A
// source (IterSource) becomes a running loop (IterState) whose cursor lives in stack slots;
// parallel parts also need to know how many items are left.

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

KernelCodegen::IterSource KernelCodegen::iterable(ir::ValueId v) {
  if (auto it = iterables_.find(v); it != iterables_.end()) return it->second;
  IterSource src;
  src.kind = IterSource::Sequence;
  src.sequence = get(v);
  src.element = ir::element_of(ty(v));
  return src;
}

llvm::Value* KernelCodegen::slot_holding(llvm::Value* v) {
  llvm::Value* slot = scratch(v->getType());
  b_.CreateStore(v, slot);
  return slot;
}

KernelCodegen::IterState KernelCodegen::start_iteration(const IterSource& src) {
  IterState st;
  st.kind = src.kind;
  st.element = src.element;
  switch (src.kind) {
    case IterSource::Range:
      st.cursor = slot_holding(src.range.start);
      st.stop = slot_holding(src.range.stop);
      st.step = slot_holding(src.range.step);
      st.first = src.range.start;
      st.stride = src.range.step;
      break;
    case IterSource::Sequence:
      st.cursor = slot_holding(b_.getInt64(0));
      st.sequence = slot_holding(src.sequence);
      break;
    case IterSource::Enumerate:
    case IterSource::Zip:
      st.cursor = slot_holding(b_.getInt64(0));
      for (const IterSource& p : src.parts) st.parts.push_back(start_iteration(p));
      break;
    case IterSource::Counted: break;  // only made by parallel parts (generate_part)
  }
  return st;
}

void KernelCodegen::next_items(IterState& st, std::vector<llvm::Value*>& items, llvm::BasicBlock* done) {
  llvm::Value* cur = b_.CreateLoad(b_.getInt64Ty(), st.cursor);
  llvm::BasicBlock* more_block = llvm::BasicBlock::Create(ctx_, "next", fn_);
  switch (st.kind) {
    case IterSource::Range: {
      llvm::Value* stop = b_.CreateLoad(b_.getInt64Ty(), st.stop);
      llvm::Value* step = b_.CreateLoad(b_.getInt64Ty(), st.step);
      llvm::Value* more = b_.CreateSelect(b_.CreateICmpSGT(step, b_.getInt64(0)), b_.CreateICmpSLT(cur, stop), b_.CreateICmpSGT(cur, stop));
      b_.CreateCondBr(more, more_block, done);
      b_.SetInsertPoint(more_block);
      // cur + step only overflows near the int64 edges, which give up.
      b_.CreateStore(overflow_op(llvm::Intrinsic::sadd_with_overflow, cur, step), st.cursor);
      items.push_back(cur);
      return;
    }
    case IterSource::Counted: {
      llvm::Value* stop = b_.CreateLoad(b_.getInt64Ty(), st.stop);
      b_.CreateCondBr(b_.CreateICmpSLT(cur, stop), more_block, done);
      b_.SetInsertPoint(more_block);
      llvm::Value* base = b_.CreateLoad(b_.getInt64Ty(), st.base);
      llvm::Value* step = b_.CreateLoad(b_.getInt64Ty(), st.step);
      items.push_back(b_.CreateAdd(base, b_.CreateMul(step, cur)));  // a value of the range: no overflow
      b_.CreateStore(b_.CreateAdd(cur, b_.getInt64(1)), st.cursor);
      return;
    }
    case IterSource::Sequence: {
      llvm::Value* seq = b_.CreateLoad(b_.getPtrTy(), st.sequence);
      llvm::Value* end = st.stop ? b_.CreateLoad(b_.getInt64Ty(), st.stop) : emit_sequence_size(b_, seq);
      b_.CreateCondBr(b_.CreateICmpSLT(cur, end), more_block, done);
      b_.SetInsertPoint(more_block);
      items.push_back(emit_sequence_element(b_, seq, cur, type(st.element)));
      b_.CreateStore(b_.CreateAdd(cur, b_.getInt64(1)), st.cursor);
      return;
    }
    case IterSource::Enumerate:
      b_.CreateBr(more_block);
      b_.SetInsertPoint(more_block);
      items.push_back(cur);
      next_items(st.parts[0], items, done);
      b_.CreateStore(b_.CreateAdd(cur, b_.getInt64(1)), st.cursor);
      return;
    case IterSource::Zip:
      // zip stops at the shortest input; the sources are pure, so the order of the tests is unobservable.
      b_.CreateBr(more_block);
      b_.SetInsertPoint(more_block);
      for (IterState& p : st.parts) next_items(p, items, done);
      return;
  }
}

llvm::Value* KernelCodegen::remaining_items(const IterState& src) {
  if (src.kind == IterSource::Enumerate) return remaining_items(src.parts[0]);
  if (src.kind == IterSource::Zip) {  // the shortest input's
    llvm::Value* n = remaining_items(src.parts[0]);
    for (size_t i = 1; i < src.parts.size(); ++i) {
      llvm::Value* m = remaining_items(src.parts[i]);
      n = b_.CreateSelect(b_.CreateICmpSLT(m, n), m, n);
    }
    return n;
  }
  llvm::Value* cur = b_.CreateLoad(b_.getInt64Ty(), src.cursor);
  if (src.kind == IterSource::Sequence)
    return b_.CreateSub(emit_sequence_size(b_, b_.CreateLoad(b_.getPtrTy(), src.sequence)), cur);
  llvm::Value* stop = b_.CreateLoad(b_.getInt64Ty(), src.stop);
  llvm::Value* step = b_.CreateLoad(b_.getInt64Ty(), src.step);
  llvm::Value* zero = b_.getInt64(0);
  llvm::Value* up = b_.CreateICmpSGT(step, zero);
  // (distance - 1) / |step| + 1 items when the distance is positive; computed unsigned, since
  // the distance between two int64 values may not fit in int64.
  llvm::Value* dist = b_.CreateSelect(up, b_.CreateSub(stop, cur), b_.CreateSub(cur, stop));
  llvm::Value* positive = b_.CreateSelect(up, b_.CreateICmpSGT(stop, cur), b_.CreateICmpSGT(cur, stop));
  llvm::Value* mag = b_.CreateSelect(up, step, b_.CreateNeg(step));
  llvm::Value* count = b_.CreateAdd(b_.CreateUDiv(b_.CreateSub(dist, b_.getInt64(1)), mag), b_.getInt64(1));
  return b_.CreateSelect(positive, count, zero);
}

}  // namespace ufora::jit::detail
