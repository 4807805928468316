// KernelCodegen (kernel_codegen.h): what a parallel part iterates. A part function runs items
// [lo, hi) of its construct's source; the source's state travels in the part's environment
// (slot 0 the call depth, then per range its first value and step, per sequence its header
// and first index, per enumerate its first count), and the part rebuilds an iteration over
// exactly hi - lo items from it. zip is split like the rest: item k of zip(a, b) is item k of
// a and of b, and the count is the shortest input's.

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

bool KernelCodegen::splittable(const IterState& src) {
  switch (src.kind) {
    case IterSource::Range:
    case IterSource::Sequence: return true;
    case IterSource::Enumerate:
    case IterSource::Zip:
      for (const IterState& p : src.parts)
        if (!splittable(p)) return false;
      return !src.parts.empty();
    case IterSource::Counted: return false;
  }
  return false;
}

size_t KernelCodegen::source_slots(const PartSource& ps) {
  switch (ps.kind) {
    case IterSource::Range:
    case IterSource::Sequence: return 2;
    default: {
      size_t n = ps.kind == IterSource::Enumerate ? 1 : 0;
      for (const PartSource& p : ps.parts) n += source_slots(p);
      return n;
    }
  }
}

KernelCodegen::PartSource KernelCodegen::part_source(const IterState& src) {
  PartSource ps;
  ps.kind = src.kind;
  ps.item = src.kind == IterSource::Range ? Scalar::Int : src.element;
  if (src.kind == IterSource::Range) {
    ps.first = llvm::dyn_cast_or_null<llvm::ConstantInt>(src.first);
    ps.step = llvm::dyn_cast_or_null<llvm::ConstantInt>(src.stride);
  }
  for (const IterState& p : src.parts) ps.parts.push_back(part_source(p));
  ps.head = 1 + source_slots(ps);
  return ps;
}

llvm::Value* KernelCodegen::part_env_head(const IterState& src, const PartSource& ps, size_t more_slots, llvm::Type*& env_type) {
  env_type = llvm::ArrayType::get(b_.getInt64Ty(), ps.head + more_slots);
  llvm::Value* env = scratch(env_type);
  b_.CreateStore(b_.CreateSExt(depth_, b_.getInt64Ty()), b_.CreateConstGEP2_64(env_type, env, 0, 0));
  size_t slot = 1;
  store_source(src, env_type, env, slot);
  return env;
}

// The construct has not started: every cursor is still at its source's first item.
void KernelCodegen::store_source(const IterState& src, llvm::Type* env_type, llvm::Value* env, size_t& slot) {
  auto put = [&](llvm::Value* v) { b_.CreateStore(v, b_.CreateConstGEP2_64(env_type, env, 0, slot++)); };
  switch (src.kind) {
    case IterSource::Range:
      put(b_.CreateLoad(b_.getInt64Ty(), src.cursor));
      put(b_.CreateLoad(b_.getInt64Ty(), src.step));
      return;
    case IterSource::Sequence:
      put(b_.CreatePtrToInt(b_.CreateLoad(b_.getPtrTy(), src.sequence), b_.getInt64Ty()));
      put(b_.CreateLoad(b_.getInt64Ty(), src.cursor));
      return;
    case IterSource::Enumerate:
      put(b_.CreateLoad(b_.getInt64Ty(), src.cursor));
      store_source(src.parts[0], env_type, env, slot);
      return;
    case IterSource::Zip:
      for (const IterState& p : src.parts) store_source(p, env_type, env, slot);
      return;
    case IterSource::Counted: return;  // never split again (splittable)
  }
}

llvm::Value* KernelCodegen::part_env_value(size_t i) {
  return b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP1_64(b_.getInt64Ty(), fn_->getArg(0), i));
}

KernelCodegen::IterState KernelCodegen::part_iteration(const PartSource& ps, llvm::Value* lo, llvm::Value* hi, llvm::Value* env) {
  // 0 <= lo <= hi: lets LLVM drop the negative-index case of xs[i] for i in range(n).
  b_.CreateAssumption(b_.CreateICmpSGE(lo, b_.getInt64(0)));
  b_.CreateAssumption(b_.CreateICmpSLE(lo, hi));
  size_t slot = 1;
  return load_source(ps, lo, hi, slot);
}

KernelCodegen::IterState KernelCodegen::load_source(const PartSource& ps, llvm::Value* lo, llvm::Value* hi, size_t& slot) {
  auto take = [&] { return part_env_value(slot++); };
  IterState source;
  source.element = ps.item;
  switch (ps.kind) {
    case IterSource::Range: {  // items first + step * k for k in [lo, hi): each one is a value of the range
      source.kind = IterSource::Counted;
      source.cursor = slot_holding(lo);
      source.stop = slot_holding(hi);
      llvm::Value* first = take();
      llvm::Value* step = take();
      source.base = slot_holding(ps.first ? static_cast<llvm::Value*>(ps.first) : first);
      source.step = slot_holding(ps.step ? static_cast<llvm::Value*>(ps.step) : step);
      return source;
    }
    case IterSource::Sequence: {
      source.kind = IterSource::Sequence;
      source.sequence = slot_holding(b_.CreateIntToPtr(take(), b_.getPtrTy()));
      llvm::Value* start = take();
      source.cursor = slot_holding(b_.CreateAdd(start, lo));
      source.stop = slot_holding(b_.CreateAdd(start, hi));
      return source;
    }
    case IterSource::Enumerate:
      source.kind = IterSource::Enumerate;
      source.cursor = slot_holding(b_.CreateAdd(take(), lo));
      source.parts.push_back(load_source(ps.parts[0], lo, hi, slot));
      return source;
    case IterSource::Zip:
    case IterSource::Counted:
      source.kind = IterSource::Zip;
      source.cursor = slot_holding(b_.getInt64(0));  // unused by zip itself
      for (const PartSource& p : ps.parts) source.parts.push_back(load_source(p, lo, hi, slot));
      return source;
  }
  return source;
}

}  // namespace ufora::jit::detail
