// KernelCodegen (kernel_codegen.h): fork-join of independent kernel calls (runtime/fork_join.h).
// In `f(n - 1) + f(n - 2)` the first call may run on another thread while this one makes the
// second; when no thread is idle both run here, in order.

#include <algorithm>

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

llvm::Function* KernelCodegen::kernel_of(int64_t slot, const std::vector<ir::ValueId>& args) {
  Obj* target = globals_->globals[size_t(slot)];
  if (!target || target->tag != Tag::Function) return nullptr;
  std::vector<Scalar> types;
  for (ir::ValueId a : args) types.push_back(ty(a));
  auto it = kernels_.find({index_of_(static_cast<FunctionObj*>(target)->code), types});
  return it == kernels_.end() ? nullptr : it->second;
}

// For a call to a kernel at instrs[k]: the index of a later call to a kernel in the same
// block that does not depend on its result, with only plain arithmetic, indexing and list
// comprehensions between them (as in `f(n - 1) + f(n - 2)`, or `qsort([x for x in xs if x <
// p]) + [p] + qsort([...])`); 0 when there is none. Pure operations on the first result
// (`qsort(...) + [p]`) wait until after the join (deferred_): in a kernel they cannot raise,
// only give up, and then the boxed code runs the whole call again.
size_t KernelCodegen::fork_partner(const std::vector<ir::Instr>& instrs, size_t k) {
  const ir::Instr& first = instrs[k];
  if (!parallel_enabled() || inline_ || first.op != Op::Call || !first.names.empty() || !callee_slot_.count(first.args[0])) return 0;
  if (!kernel_of(callee_slot_.at(first.args[0]), {first.args.begin() + 1, first.args.end()})) return 0;
  std::set<ir::ValueId> tainted = {first.result};
  std::set<int64_t> deferred_slots;
  std::map<ir::ValueId, int64_t> globals_loaded;
  std::set<ir::ValueId> comprehensions;
  deferred_.clear();
  for (size_t j = k + 1; j < instrs.size(); ++j) {
    const ir::Instr& in = instrs[j];
    bool uses_result = false;
    for (ir::ValueId a : in.args) uses_result |= a != ir::kNoValue && tainted.count(a);
    if (uses_result) {
      // `a = f(x)` before the second call: the store waits until after the join.
      if (in.op == Op::StoreLocal) {
        deferred_slots.insert(in.imm);
        deferred_.push_back(j);
        continue;
      }
      // `left, n = msort(xs[:mid])`: a tuple result is unpacked after the join too.
      if (in.op == Op::UnpackSeq || in.op == Op::TupleItem || in.op == Op::Binary || in.op == Op::Unary ||
          in.op == Op::Compare) {
        tainted.insert(in.result);
        deferred_.push_back(j);
        continue;
      }
      if (in.op != Op::Release) return 0;
      deferred_.push_back(j);
      continue;
    }
    if (in.op == Op::LoadLocal && deferred_slots.count(in.imm)) return 0;
    if (in.op == Op::StoreLocal) {
      if (deferred_slots.count(in.imm)) return 0;
      continue;
    }
    switch (in.op) {
      case Op::ConstInt:
      case Op::ConstFloat:
      case Op::ConstTrue:
      case Op::ConstFalse:
      case Op::ConstNone:
      case Op::BuildSlice:
      case Op::GetItem:  // an index or a slice (`msort(xs[:mid]), msort(xs[mid:])`)
      case Op::LoadLocal:
      case Op::Binary:
      case Op::Unary:
      case Op::Compare:
      case Op::Release: continue;
      case Op::LoadGlobal: globals_loaded[in.result] = in.imm; continue;
      // A list comprehension the kernel builds (materialised_list), over cells it only reads.
      case Op::GetIter:
      case Op::LoadCellObj:
      case Op::LoadDeref: continue;
      case Op::MakeFunction: comprehensions.insert(in.result); continue;
      case Op::Call: {
        if (comprehensions.count(in.args[0])) continue;
        auto g = globals_loaded.find(in.args[0]);
        if (g == globals_loaded.end() || !in.names.empty()) return 0;
        if (kernel_of(g->second, {in.args.begin() + 1, in.args.end()})) return j;
        continue;  // a builtin (len, abs, ...): in a kernel every other call is one, and pure
      }
      default: return 0;
    }
  }
  return 0;
}

llvm::Function* KernelCodegen::thunk_for(llvm::Function* callee, size_t nargs) {
  if (auto it = thunks_.find(callee); it != thunks_.end()) return it->second;
  auto* fn = llvm::Function::Create(llvm::FunctionType::get(b_.getInt32Ty(), {b_.getPtrTy()}, false),
                                    llvm::Function::InternalLinkage, callee->getName() + "_thunk", m_);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", fn));
  llvm::Value* frame = fn->getArg(0);
  auto slot = [&](size_t i) { return b.CreateLoad(b.getInt64Ty(), b.CreateConstGEP1_64(b.getInt64Ty(), frame, i)); };
  std::vector<llvm::Value*> args = {frame, b.CreateTrunc(slot(1), b.getInt32Ty())};
  for (size_t i = 0; i < nargs; ++i) args.push_back(slot(2 + i));
  // The result goes to the frame's slot 0, where the joining code reads it.
  llvm::Value* r = b.CreateCall(callee, args);
  b.CreateStore(b.CreateExtractValue(r, 0), frame);
  b.CreateRet(b.CreateZExt(b.CreateExtractValue(r, 1), b.getInt32Ty()));
  thunks_[callee] = fn;
  return fn;
}

// The call at instrs[k] may run on another thread while this one runs instrs (k, j],
// which end with the second call; when no thread is idle, both run here, in order.
void KernelCodegen::gen_forked(const std::vector<ir::Instr>& instrs, size_t k, size_t j) {
  const ir::Instr& first = instrs[k];
  std::vector<ir::ValueId> args(first.args.begin() + 1, first.args.end());
  llvm::Function* callee = kernel_of(callee_slot_.at(first.args[0]), args);
  // A tuple result: the callee writes its items over the frame (after reading its arguments).
  std::vector<Scalar> tuple = result_tuple_of(callee);
  llvm::Value* frame = scratch(llvm::ArrayType::get(b_.getInt64Ty(), std::max(2 + args.size(), tuple.size())));
  auto frame_slot = [&](size_t i) { return b_.CreateConstGEP1_64(b_.getInt64Ty(), frame, i); };
  llvm::Value* handle = scratch(b_.getPtrTy());
  llvm::Value* depth = b_.CreateAdd(depth_, b_.getInt32(1));
  llvm::BasicBlock* fork = llvm::BasicBlock::Create(ctx_, "fork", fn_);
  llvm::BasicBlock* here = llvm::BasicBlock::Create(ctx_, "call_here", fn_);
  llvm::BasicBlock* forked = llvm::BasicBlock::Create(ctx_, "forked", fn_);
  // The flag is volatile: the scheduler sets it from other threads.
  llvm::Value* wanted = b_.CreateLoad(b_.getInt8Ty(), constant_ptr(&g_split_wanted), /*isVolatile=*/true);
  b_.CreateCondBr(b_.CreateICmpNE(wanted, b_.getInt8(0)), fork, here, llvm::MDBuilder(ctx_).createBranchWeights(1, 1000));
  b_.SetInsertPoint(here);
  std::vector<llvm::Value*> call_args = {frame, depth};
  for (ir::ValueId a : args) call_args.push_back(to_bits(get(a), ty(a)));
  // The first call's result: from the call here, or from the frame once joined (a slot of
  // its own, which the optimiser keeps in a register on the path that did not fork).
  llvm::Value* first_bits = scratch(b_.getInt64Ty());
  llvm::Value* here_result = b_.CreateCall(callee, call_args);
  guard(b_.CreateExtractValue(here_result, 1));
  b_.CreateStore(b_.CreateExtractValue(here_result, 0), first_bits);
  b_.CreateStore(llvm::ConstantPointerNull::get(b_.getPtrTy()), handle);
  b_.CreateBr(forked);
  b_.SetInsertPoint(fork);
  b_.CreateStore(b_.CreateZExt(depth, b_.getInt64Ty()), frame_slot(1));
  for (size_t i = 0; i < args.size(); ++i) b_.CreateStore(to_bits(get(args[i]), ty(args[i])), frame_slot(2 + i));
  auto fork_fn = m_.getOrInsertFunction("ufr_fork", b_.getPtrTy(), b_.getPtrTy(), b_.getPtrTy());
  b_.CreateStore(b_.CreateCall(fork_fn, {thunk_for(callee, args.size()), frame}), handle);
  b_.CreateBr(forked);
  b_.SetInsertPoint(forked);
  // Giving up between the fork and the join must first wait for the forked call: it writes
  // into this frame.
  llvm::BasicBlock* outer_bail = bail_;
  bail_ = llvm::BasicBlock::Create(ctx_, "bail_after_join", fn_);
  {
    llvm::IRBuilder<> eb(bail_);
    llvm::BasicBlock* wait = llvm::BasicBlock::Create(ctx_, "bail_join", fn_);
    llvm::Value* pending = eb.CreateLoad(eb.getPtrTy(), handle);
    eb.CreateCondBr(eb.CreateIsNull(pending), outer_bail, wait);
    eb.SetInsertPoint(wait);
    eb.CreateCall(m_.getOrInsertFunction("ufr_join", eb.getInt32Ty(), eb.getPtrTy()), {pending});
    eb.CreateBr(outer_bail);
  }
  std::vector<size_t> deferred = deferred_;
  for (size_t m = k + 1; m <= j; ++m)
    if (std::find(deferred.begin(), deferred.end(), m) == deferred.end()) gen(instrs[m]);
  bail_ = outer_bail;
  llvm::BasicBlock* join = llvm::BasicBlock::Create(ctx_, "join", fn_);
  llvm::BasicBlock* joined = llvm::BasicBlock::Create(ctx_, "joined", fn_);
  llvm::Value* h = b_.CreateLoad(b_.getPtrTy(), handle);
  b_.CreateCondBr(b_.CreateIsNull(h), joined, join);
  b_.SetInsertPoint(join);
  auto join_fn = m_.getOrInsertFunction("ufr_join", b_.getInt32Ty(), b_.getPtrTy());
  guard(b_.CreateICmpNE(b_.CreateCall(join_fn, {h}), b_.getInt32(0)));
  b_.CreateStore(b_.CreateLoad(b_.getInt64Ty(), frame_slot(0)), first_bits);
  b_.CreateBr(joined);
  b_.SetInsertPoint(joined);
  if (tuple.empty()) {
    set(first.result, from_bits(b_.CreateLoad(b_.getInt64Ty(), first_bits), ty(first.result)));
  } else {
    std::vector<llvm::Value*>& items = tuples_[first.result];
    for (size_t i = 0; i < tuple.size(); ++i)
      items.push_back(from_bits(b_.CreateLoad(b_.getInt64Ty(), frame_slot(i)), tuple[i]));
  }
  for (size_t m : deferred) gen(instrs[m]);
}

}  // namespace ufora::jit::detail
