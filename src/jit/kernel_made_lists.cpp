// KernelCodegen (kernel_codegen.h): sequences a kernel makes (runtime/kernel_lists.h):
// slices, `+`, list displays, `list(xs)`, and `out = out + [x]` grown in place.
//
// A header may grow in place only while one local holds it. The runtime keeps that as the
// header's `unique` flag; the code here clears it (ufr_kl_share) wherever a second holder
// may appear: a value stored that is not a fresh one (a read of another local, a call's
// result, which may be one of its arguments), a sequence looped over (the loop keeps reading
// it while the body may rebind the local), and, at the entry of a kernel that grows lists in
// place, its list arguments (its caller holds them too).

#include "jit/kernel_codegen.h"
#include "runtime/kernel_lists.h"

namespace ufora::jit::detail {

namespace {

PackedKind kind_of(Scalar s) { return ir::element_of(s) == Scalar::Float ? PackedKind::Float : PackedKind::Int; }

bool is_sequence_add(const ir::Instr& in, const ir::TypedFunction& t) {
  return in.op == Op::Binary && BinOpKind(in.imm) == BinOpKind::Add && ir::is_sequence(t.value_types[size_t(in.result)]);
}

}  // namespace

const KernelCodegen::ListUses& KernelCodegen::list_uses() {
  if (list_uses_) return *list_uses_;
  list_uses_.emplace();
  std::map<ir::ValueId, int> uses;
  std::map<ir::ValueId, const ir::Instr*> producer;
  for (const ir::Block& block : f_.blocks)
    for (const ir::Instr& in : block.instrs) {
      for (ir::ValueId a : in.args)
        if (a != ir::kNoValue && in.op != Op::Release) ++uses[a];  // Release ends a lifetime, it does not use
      if (in.result != ir::kNoValue) producer[in.result] = &in;
    }
  for (const ir::Block& block : f_.blocks)
    for (const ir::Instr& in : block.instrs) {
      bool makes = in.op == Op::BuildList || is_sequence_add(in, t_) ||
                   (in.op == Op::GetItem && ir::is_sequence(t_.value_types[size_t(in.result)]));
      if (makes && uses[in.result] == 1) list_uses_->fresh.insert(in.result);
      // `x = x + [e]`: the display is never made; its item is pushed onto x.
      if (is_sequence_add(in, t_) && in.imm2 == ir::kExtendsReplacedName) {
        const ir::Instr* display = producer.count(in.args[1]) ? producer.at(in.args[1]) : nullptr;
        if (display && display->op == Op::BuildList && display->args.size() == 1 && uses[in.args[1]] == 1)
          list_uses_->pushed[in.args[1]] = display->args[0];
      }
    }
  return *list_uses_;
}

void KernelCodegen::share_list(ir::ValueId v) {
  if (!ir::is_sequence(ty(v))) return;
  auto share = m_.getOrInsertFunction("ufr_kl_share", b_.getVoidTy(), b_.getPtrTy());
  b_.CreateCall(share, {get(v)});
}

void KernelCodegen::share_unless_fresh(ir::ValueId v) {
  if (!list_uses().fresh.count(v)) share_list(v);
}

llvm::Value* KernelCodegen::made_list(llvm::Value* header) {
  guard(b_.CreateIsNotNull(header));  // the call's lists outgrew their arena
  return header;
}

void KernelCodegen::gen_build_list(const ir::Instr& in) {
  if (list_uses().pushed.count(in.result)) return;  // the `+` that consumes it pushes the item
  auto make = m_.getOrInsertFunction("ufr_kl_make", b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty());
  Scalar s = ty(in.result);
  llvm::Value* h = made_list(b_.CreateCall(make, {b_.getInt64(int64_t(kind_of(s))), b_.getInt64(int64_t(in.args.size()))}));
  if (!in.args.empty()) {
    llvm::Value* flat = b_.CreateLoad(b_.getPtrTy(), b_.CreateConstGEP1_64(b_.getInt8Ty(), h, offsetof(PackedHeader, flat)));
    for (size_t i = 0; i < in.args.size(); ++i)
      b_.CreateStore(to_bits(get(in.args[i]), ty(in.args[i])), b_.CreateConstGEP1_64(b_.getInt64Ty(), flat, i));
  }
  set(in.result, h);
}

void KernelCodegen::gen_slice(const ir::Instr& in) {
  const std::array<ir::ValueId, 3>& bounds = slices_.at(in.args[1]);
  llvm::Value* values[3];
  int64_t given = 0;
  for (size_t i = 0; i < 3; ++i) {
    bool present = bounds[i] != ir::kNoValue && ty(bounds[i]) != Scalar::Unknown;
    values[i] = present ? as_int(bounds[i]) : b_.getInt64(0);
    if (present) given |= int64_t(1) << i;
  }
  auto slice = m_.getOrInsertFunction("ufr_kl_slice", b_.getPtrTy(), b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty(),
                                      b_.getInt64Ty(), b_.getInt64Ty());
  // A zero step returns null too: ValueError, raised by the boxed code.
  set(in.result, made_list(b_.CreateCall(slice, {get(in.args[0]), values[0], values[1], values[2], b_.getInt64(given)})));
}

void KernelCodegen::gen_sequence_add(const ir::Instr& in) {
  llvm::Value* left = get(in.args[0]);
  if (auto pushed = list_uses().pushed.find(in.args[1]); pushed != list_uses().pushed.end()) {
    ir::ValueId item = pushed->second;
    set(in.result, push_item(left, to_bits(get(item), ty(item)), false));
    return;
  }
  auto concat = m_.getOrInsertFunction("ufr_kl_concat", b_.getPtrTy(), b_.getPtrTy(), b_.getPtrTy());
  set(in.result, made_list(b_.CreateCall(concat, {left, get(in.args[1])})));
}

void KernelCodegen::gen_list_copy(const ir::Instr& in) {
  auto copy = m_.getOrInsertFunction("ufr_kl_copy", b_.getPtrTy(), b_.getPtrTy());
  set(in.result, made_list(b_.CreateCall(copy, {get(in.args[1])})));
}

llvm::Value* KernelCodegen::materialised_list(ir::ValueId lazy_value) {
  const Lazy& lazy = lazies_.at(lazy_value);
  if (!parallel_enabled() || !splittable(lazy.source)) return list_built_here(lazy_value);
  // In parallel parts only when the list is long enough to share: for the small lists deep
  // in a recursion parts would only cost, a Python list each and its adoption into the
  // arena. (Not gated on an idle thread now: the parts split lazily, as one becomes idle.)
  constexpr int64_t kMinParallelList = 4096;
  llvm::Value* big = b_.CreateICmpSGE(remaining_items(lazy.source), b_.getInt64(kMinParallelList));
  return either(big, [&] { return list_built_in_parts(lazy_value); }, [&] { return list_built_here(lazy_value); });
}

llvm::Value* KernelCodegen::list_built_in_parts(ir::ValueId lazy_value) {
  // As a list comprehension called from boxed code builds it (generate_list_entry); the
  // arena keeps the list until the outermost call returns.
  const Lazy& lazy = lazies_.at(lazy_value);
  const ir::TypedFunction& body = *t_.comprehensions.at(lazy_value);
  std::vector<Scalar> free_types;
  PartSource ps = part_source(lazy.source);
  llvm::Value* env = part_environment(lazy.source, ps, lazy.cells, free_types);
  llvm::Function* part = make_part("list", body, body.element, ps, free_types);
  llvm::Value* out = scratch(llvm::ArrayType::get(b_.getInt64Ty(), 2));
  llvm::Value* ok = b_.CreateCall(parallel_reduce_fn(), {b_.getInt32(int32_t(ReduceOp::Concat)), remaining_items(lazy.source), part, env, out});
  guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
  llvm::Value* built = b_.CreateIntToPtr(b_.CreateLoad(b_.getInt64Ty(), out), b_.getPtrTy());
  llvm::Value* list = b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_finish", b_.getPtrTy(), b_.getPtrTy()), {built});
  return made_list(b_.CreateCall(m_.getOrInsertFunction("ufr_kl_adopt", b_.getPtrTy(), b_.getPtrTy()), {list}));
}

llvm::Value* KernelCodegen::list_built_here(ir::ValueId lazy_value) {
  const Lazy& lazy = lazies_.at(lazy_value);
  const ir::TypedFunction& body = *t_.comprehensions.at(lazy_value);
  // Room for every item the source has, so appends never move it; with a filter (a branch
  // in the body) the room left is given back at the end, or quicksort's three partitions
  // would hold three times the memory their items need.
  bool filtered = false;
  for (const ir::Block& block : p_.functions[size_t(body.function)].blocks)
    for (const ir::Instr& in : block.instrs) filtered |= in.op == Op::Branch;
  llvm::Value* room = splittable(lazy.source) ? remaining_items(lazy.source) : b_.getInt64(0);
  auto reserve = m_.getOrInsertFunction("ufr_kl_reserve", b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty());
  llvm::Value* list = scratch(b_.getPtrTy());
  b_.CreateStore(made_list(b_.CreateCall(reserve, {b_.getInt64(int64_t(kind_of(ty(lazy_value)))), room})), list);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "list_done", fn_);
  llvm::BasicBlock* exit = llvm::BasicBlock::Create(ctx_, "list_made", fn_);
  KernelCodegen inner(m_, p_, body, fn_, kernels_, globals_, pool_, index_of_);
  inner.varying_globals_ = varying_globals_;
  inner.sequential_ = sequential_;
  inner.generate_inline(*this, lazy.source, lazy.cells, [&](llvm::Value* v, Scalar s) {
    b_.CreateStore(push_item(b_.CreateLoad(b_.getPtrTy(), list), to_bits(v, s), true), list);
  }, done);
  b_.CreateBr(exit);
  b_.SetInsertPoint(exit);
  llvm::Value* made = b_.CreateLoad(b_.getPtrTy(), list);
  if (filtered) b_.CreateCall(m_.getOrInsertFunction("ufr_kl_trim", b_.getVoidTy(), b_.getPtrTy()), {made});
  return made;
}

llvm::Value* KernelCodegen::push_item(llvm::Value* h, llvm::Value* bits, bool made_here) {
  // ufr_kl_push's common case, inline: a header one local holds, whose view ends where its
  // buffer is used up to, with room after it, grows in place. A list this kernel is building
  // (`made_here`) is that by construction, and nothing else can claim its room: no CAS.
  auto field = [&](llvm::Value* base, size_t offset) { return b_.CreateConstGEP1_64(b_.getInt8Ty(), base, offset); };
  llvm::BasicBlock* slow = llvm::BasicBlock::Create(ctx_, "push_call", fn_);
  llvm::BasicBlock* next = llvm::BasicBlock::Create(ctx_, "pushed", fn_);
  llvm::MDNode* likely = llvm::MDBuilder(ctx_).createBranchWeights(1000, 1);
  if (!made_here) {
    llvm::Value* chunks = b_.CreateLoad(b_.getPtrTy(), field(h, offsetof(PackedHeader, chunks)));
    llvm::Value* marker = b_.CreateIntToPtr(b_.getInt64(reinterpret_cast<uint64_t>(&kKernelListChunks[0])), b_.getPtrTy());
    llvm::BasicBlock* kernel_list = llvm::BasicBlock::Create(ctx_, "push_kernel_list", fn_);
    b_.CreateCondBr(b_.CreateICmpEQ(chunks, marker), kernel_list, slow, likely);
    b_.SetInsertPoint(kernel_list);
  }
  llvm::Value* buf = b_.CreateLoad(b_.getPtrTy(), field(h, offsetof(KernelList, buffer)));
  if (!made_here) {
    llvm::LoadInst* unique = b_.CreateLoad(b_.getInt64Ty(), field(h, offsetof(KernelList, unique)));
    unique->setAtomic(llvm::AtomicOrdering::Monotonic);
    unique->setAlignment(llvm::Align(8));
    llvm::BasicBlock* owned = llvm::BasicBlock::Create(ctx_, "push_owned", fn_);
    b_.CreateCondBr(b_.CreateAnd(b_.CreateICmpNE(unique, b_.getInt64(0)), b_.CreateIsNotNull(buf)), owned, slow, likely);
    b_.SetInsertPoint(owned);
  }
  llvm::Value* size_at = field(h, offsetof(PackedHeader, size));
  llvm::Value* size = b_.CreateLoad(b_.getInt64Ty(), size_at);
  llvm::Value* flat = b_.CreateLoad(b_.getPtrTy(), field(h, offsetof(PackedHeader, flat)));
  llvm::Value* cap = b_.CreateLoad(b_.getInt64Ty(), field(buf, offsetof(KernelListBuffer, capacity)));
  llvm::Value* used_at = field(buf, offsetof(KernelListBuffer, used));
  llvm::Value* end = size;  // where the view ends in its buffer
  if (!made_here) {
    llvm::Value* start = b_.CreatePtrDiff(b_.getInt64Ty(), flat, field(buf, sizeof(KernelListBuffer)));
    end = b_.CreateAdd(start, size);
  }
  llvm::Value* grown_end = b_.CreateAdd(end, b_.getInt64(1));
  llvm::BasicBlock* fits = llvm::BasicBlock::Create(ctx_, "push_fits", fn_);
  b_.CreateCondBr(b_.CreateICmpSLT(end, cap), fits, slow, likely);
  b_.SetInsertPoint(fits);
  if (made_here) {
    llvm::StoreInst* used = b_.CreateStore(grown_end, used_at);
    used->setAtomic(llvm::AtomicOrdering::Monotonic);
    used->setAlignment(llvm::Align(8));
  } else {
    llvm::Value* claim = b_.CreateAtomicCmpXchg(used_at, end, grown_end, llvm::MaybeAlign(8), llvm::AtomicOrdering::Monotonic,
                                                llvm::AtomicOrdering::Monotonic);
    llvm::BasicBlock* claimed = llvm::BasicBlock::Create(ctx_, "push_claimed", fn_);
    b_.CreateCondBr(b_.CreateExtractValue(claim, 1), claimed, slow, likely);
    b_.SetInsertPoint(claimed);
  }
  b_.CreateStore(bits, b_.CreateGEP(b_.getInt64Ty(), flat, size));
  b_.CreateStore(b_.CreateAdd(size, b_.getInt64(1)), size_at);
  llvm::BasicBlock* fast_end = b_.GetInsertBlock();
  b_.CreateBr(next);
  b_.SetInsertPoint(slow);
  auto push = m_.getOrInsertFunction("ufr_kl_push", b_.getPtrTy(), b_.getPtrTy(), b_.getInt64Ty());
  llvm::Value* moved = made_list(b_.CreateCall(push, {h, bits}));
  llvm::BasicBlock* slow_end = b_.GetInsertBlock();
  b_.CreateBr(next);
  b_.SetInsertPoint(next);
  llvm::PHINode* out = b_.CreatePHI(b_.getPtrTy(), 2);
  out->addIncoming(h, fast_end);
  out->addIncoming(moved, slow_end);
  return out;
}

std::vector<Scalar> KernelCodegen::result_tuple_of(llvm::Function* kernel) {
  std::vector<Scalar> out;
  if (!kernel->hasFnAttribute(kResultTupleAttribute)) return out;
  for (char c : kernel->getFnAttribute(kResultTupleAttribute).getValueAsString()) out.push_back(Scalar(c - '0'));
  return out;
}

}  // namespace ufora::jit::detail
