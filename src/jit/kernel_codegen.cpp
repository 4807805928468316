// KernelCodegen (kernel_codegen.h): construction, the entry of a kernel, and the small pieces every
// other part builds on: LLVM types of scalars and their 64-bit slot form, guards (the branch to
// `bail`, where the kernel gives up and the boxed code runs instead), and the arithmetic and
// comparisons with Python's results.

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

KernelCodegen::KernelCodegen(llvm::Module& m, const ir::Program& p, const ir::TypedFunction& t, llvm::Function* fn,
                             const std::map<KernelKey, llvm::Function*>& kernels, ModuleObj* globals, ConstantPool& pool,
                             const FunctionIndex& index_of)
    : m_(m), ctx_(m.getContext()), b_(ctx_), p_(p), f_(p.functions[size_t(t.function)]), t_(t), fn_(fn),
      kernels_(kernels), globals_(globals), pool_(pool), index_of_(index_of) {}

void KernelCodegen::generate() {
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
  bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
  b_.SetInsertPoint(bail_);
  b_.CreateRet(kernel_return(b_.getInt64(0), false));
  b_.SetInsertPoint(entry);
  for (size_t i = 0; i < size_t(f_.n_values); ++i)
    values_.push_back(t_.value_types[i] == Scalar::Unknown ? nullptr : b_.CreateAlloca(type(t_.value_types[i])));
  for (size_t i = 0; i < f_.local_names.size(); ++i) {
    Scalar s = t_.local_types[i];
    locals_.push_back(s == Scalar::Unknown ? nullptr : b_.CreateAlloca(type(s)));
    bound_.push_back(b_.CreateAlloca(b_.getInt1Ty()));
    b_.CreateStore(b_.getInt1(i < f_.params.size()), bound_.back());
  }
  for (size_t i = 0; i < f_.params.size(); ++i) b_.CreateStore(from_bits(fn_->getArg(unsigned(i + 2)), t_.args[i]), locals_[i]);
  // A list passed in is the caller's too: growing it in place here would change the caller's.
  // (Checked here, once per call, rather than at every call site: only a kernel that grows
  // lists in place pays for it.)
  if (!list_uses().pushed.empty())
    for (size_t i = 0; i < f_.params.size(); ++i)
      if (ir::is_sequence(t_.args[i]))
        b_.CreateCall(m_.getOrInsertFunction("ufr_kl_share", b_.getVoidTy(), b_.getPtrTy()), {b_.CreateLoad(b_.getPtrTy(), locals_[i])});
  depth_ = fn_->getArg(1);
  // Deep recursion gives up, so the boxed code raises RecursionError where Python would.
  guard(b_.CreateICmpSLT(depth_, b_.getInt32(recursion_limit())));
  if (sequential_twin_) {
    llvm::BasicBlock* deep = llvm::BasicBlock::Create(ctx_, "deep", fn_);
    llvm::BasicBlock* shallow = llvm::BasicBlock::Create(ctx_, "shallow", fn_);
    b_.CreateCondBr(b_.CreateICmpSGE(depth_, b_.getInt32(kForkDepth)), deep, shallow);
    b_.SetInsertPoint(deep);
    std::vector<llvm::Value*> same;
    for (llvm::Argument& a : fn_->args()) same.push_back(&a);
    llvm::CallInst* twin = b_.CreateCall(sequential_twin_, same);
    twin->setTailCall();
    b_.CreateRet(twin);
    b_.SetInsertPoint(shallow);
  }
  for (size_t i = 0; i < f_.blocks.size(); ++i) blocks_.push_back(llvm::BasicBlock::Create(ctx_, "b" + std::to_string(i), fn_));
  b_.CreateBr(blocks_[0]);
  for (size_t i = 0; i < f_.blocks.size(); ++i) gen_block(i);
}

llvm::Value* KernelCodegen::kernel_return(llvm::Value* bits, bool ok) {
  llvm::Value* r = llvm::UndefValue::get(kernel_return_type(ctx_));
  r = b_.CreateInsertValue(r, bits, 0);
  return b_.CreateInsertValue(r, b_.getInt1(ok), 1);
}

llvm::Type* KernelCodegen::type(Scalar s) {
  switch (s) {
    case Scalar::Bool: return b_.getInt1Ty();
    case Scalar::Float: return b_.getDoubleTy();
    default: return ir::is_sequence(s) ? static_cast<llvm::Type*>(b_.getPtrTy()) : b_.getInt64Ty();
  }
}

llvm::Value* KernelCodegen::from_bits(llvm::Value* bits, Scalar s) {
  if (s == Scalar::Float) return b_.CreateBitCast(bits, b_.getDoubleTy());
  if (s == Scalar::Bool) return b_.CreateTrunc(bits, b_.getInt1Ty());
  if (ir::is_sequence(s)) return b_.CreateIntToPtr(bits, b_.getPtrTy());
  return bits;
}

llvm::Value* KernelCodegen::to_bits(llvm::Value* v, Scalar s) {
  if (s == Scalar::Float) return b_.CreateBitCast(v, b_.getInt64Ty());
  if (s == Scalar::Bool) return b_.CreateZExt(v, b_.getInt64Ty());
  if (ir::is_sequence(s)) return b_.CreatePtrToInt(v, b_.getInt64Ty());
  return v;
}

llvm::Value* KernelCodegen::either(llvm::Value* cond, const std::function<llvm::Value*()>& yes,
                                   const std::function<llvm::Value*()>& no) {
  llvm::BasicBlock* yes_block = llvm::BasicBlock::Create(ctx_, "yes", fn_);
  llvm::BasicBlock* no_block = llvm::BasicBlock::Create(ctx_, "no", fn_);
  llvm::BasicBlock* join = llvm::BasicBlock::Create(ctx_, "either", fn_);
  b_.CreateCondBr(cond, yes_block, no_block);
  std::pair<llvm::Value*, llvm::BasicBlock*> made[2];
  for (int side = 0; side < 2; ++side) {
    b_.SetInsertPoint(side == 0 ? yes_block : no_block);
    llvm::Value* v = side == 0 ? yes() : no();
    made[side] = {v, b_.GetInsertBlock()};  // where its side ends, after any blocks it made
    b_.CreateBr(join);
  }
  b_.SetInsertPoint(join);
  llvm::PHINode* out = b_.CreatePHI(made[0].first->getType(), 2);
  for (const auto& [v, end] : made) out->addIncoming(v, end);
  return out;
}

void KernelCodegen::guard(llvm::Value* ok) {
  llvm::BasicBlock* cont = llvm::BasicBlock::Create(ctx_, "ok", fn_);
  b_.CreateCondBr(ok, cont, bail_, llvm::MDBuilder(ctx_).createBranchWeights(1000, 1));
  b_.SetInsertPoint(cont);
}

llvm::Value* KernelCodegen::as_int(ir::ValueId v) {
  llvm::Value* x = get(v);
  return ty(v) == Scalar::Bool ? b_.CreateZExt(x, b_.getInt64Ty()) : x;
}

llvm::Value* KernelCodegen::as_float(ir::ValueId v) {
  llvm::Value* x = get(v);
  if (ty(v) == Scalar::Float) return x;
  if (ty(v) == Scalar::Bool) return b_.CreateUIToFP(x, b_.getDoubleTy());
  return b_.CreateSIToFP(x, b_.getDoubleTy());
}

llvm::FunctionCallee KernelCodegen::helper(const char* name, llvm::Type* value_type) {
  return m_.getOrInsertFunction(name, llvm::FunctionType::get(b_.getInt32Ty(), {value_type, value_type, b_.getPtrTy()}, false));
}

llvm::Value* KernelCodegen::checked_helper(const char* name, llvm::Value* a, llvm::Value* b, llvm::Type* t) {
  llvm::Value* out = scratch(t);
  llvm::Value* ok = b_.CreateCall(helper(name, t), {a, b, out});
  guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
  return b_.CreateLoad(t, out);
}

llvm::Value* KernelCodegen::scratch(llvm::Type* t) {
  llvm::IRBuilder<> eb(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
  return eb.CreateAlloca(t);
}

llvm::Value* KernelCodegen::overflow_op(llvm::Intrinsic::ID id, llvm::Value* a, llvm::Value* b) {
  llvm::Value* r = b_.CreateBinaryIntrinsic(id, a, b);
  guard(b_.CreateNot(b_.CreateExtractValue(r, 1)));
  return b_.CreateExtractValue(r, 0);
}

llvm::Value* KernelCodegen::int_binary(BinOpKind k, llvm::Value* a, llvm::Value* b) {
  llvm::Value* zero = b_.getInt64(0);
  switch (k) {
    case BinOpKind::Add: return overflow_op(llvm::Intrinsic::sadd_with_overflow, a, b);
    case BinOpKind::Sub: return overflow_op(llvm::Intrinsic::ssub_with_overflow, a, b);
    case BinOpKind::Mult: return overflow_op(llvm::Intrinsic::smul_with_overflow, a, b);
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
      guard(b_.CreateICmpNE(b, zero));
      guard(b_.CreateNot(b_.CreateAnd(b_.CreateICmpEQ(a, b_.getInt64(INT64_MIN)), b_.CreateICmpEQ(b, b_.getInt64(-1)))));
      llvm::Value* q = b_.CreateSDiv(a, b);
      llvm::Value* r = b_.CreateSRem(a, b);
      // Python rounds toward negative infinity: adjust when the remainder's sign differs.
      llvm::Value* adjust = b_.CreateAnd(b_.CreateICmpNE(r, zero), b_.CreateICmpNE(b_.CreateICmpSLT(r, zero), b_.CreateICmpSLT(b, zero)));
      if (k == BinOpKind::FloorDiv) return b_.CreateSelect(adjust, b_.CreateSub(q, b_.getInt64(1)), q);
      return b_.CreateSelect(adjust, b_.CreateAdd(r, b), r);
    }
    case BinOpKind::Pow: return checked_helper("ufr_k_ipow", a, b, b_.getInt64Ty());
    case BinOpKind::BitAnd: return b_.CreateAnd(a, b);
    case BinOpKind::BitOr: return b_.CreateOr(a, b);
    case BinOpKind::BitXor: return b_.CreateXor(a, b);
    case BinOpKind::LShift: {
      guard(b_.CreateICmpULT(b, b_.getInt64(64)));
      llvm::Value* r = b_.CreateShl(a, b);
      guard(b_.CreateICmpEQ(b_.CreateAShr(r, b), a));  // no bits lost: else a big int
      return r;
    }
    case BinOpKind::RShift: {
      guard(b_.CreateICmpSGE(b, zero));
      llvm::Value* clamped = b_.CreateSelect(b_.CreateICmpUGT(b, b_.getInt64(63)), b_.getInt64(63), b);
      return b_.CreateAShr(a, clamped);
    }
    default: break;
  }
  UFORA_UNREACHABLE_KERNEL();
}

llvm::Value* KernelCodegen::float_binary(BinOpKind k, llvm::Value* a, llvm::Value* b) {
  switch (k) {
    case BinOpKind::Add: return b_.CreateFAdd(a, b);
    case BinOpKind::Sub: return b_.CreateFSub(a, b);
    case BinOpKind::Mult: return b_.CreateFMul(a, b);
    case BinOpKind::Div:
      guard(b_.CreateFCmpUNE(b, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0)));
      return b_.CreateFDiv(a, b);
    case BinOpKind::Mod: return checked_helper("ufr_k_fmod", a, b, b_.getDoubleTy());
    case BinOpKind::FloorDiv: return checked_helper("ufr_k_ffloordiv", a, b, b_.getDoubleTy());
    case BinOpKind::Pow: return checked_helper("ufr_k_fpow", a, b, b_.getDoubleTy());
    default: break;
  }
  UFORA_UNREACHABLE_KERNEL();
}

void KernelCodegen::guard_exact_in_double(llvm::Value* i) {
  llvm::Value* lo = b_.CreateICmpSGE(i, b_.getInt64(-kExactInDouble));
  guard(b_.CreateAnd(lo, b_.CreateICmpSLE(i, b_.getInt64(kExactInDouble))));
}

llvm::Value* KernelCodegen::compare(CmpKind k, ir::ValueId x, ir::ValueId y) {
  bool floating = ty(x) == Scalar::Float || ty(y) == Scalar::Float;
  if (floating) {
    // Python compares int and float exactly; a conversion that could round gives up.
    if (ty(x) == Scalar::Int) guard_exact_in_double(get(x));
    if (ty(y) == Scalar::Int) guard_exact_in_double(get(y));
    llvm::Value* a = as_float(x);
    llvm::Value* b = as_float(y);
    switch (k) {
      case CmpKind::Eq: return b_.CreateFCmpOEQ(a, b);
      case CmpKind::NotEq: return b_.CreateFCmpUNE(a, b);
      case CmpKind::Lt: return b_.CreateFCmpOLT(a, b);
      case CmpKind::LtE: return b_.CreateFCmpOLE(a, b);
      case CmpKind::Gt: return b_.CreateFCmpOGT(a, b);
      case CmpKind::GtE: return b_.CreateFCmpOGE(a, b);
      default: break;
    }
  } else {
    llvm::Value* a = as_int(x);
    llvm::Value* b = as_int(y);
    switch (k) {
      case CmpKind::Eq: return b_.CreateICmpEQ(a, b);
      case CmpKind::NotEq: return b_.CreateICmpNE(a, b);
      case CmpKind::Lt: return b_.CreateICmpSLT(a, b);
      case CmpKind::LtE: return b_.CreateICmpSLE(a, b);
      case CmpKind::Gt: return b_.CreateICmpSGT(a, b);
      case CmpKind::GtE: return b_.CreateICmpSGE(a, b);
      default: break;
    }
  }
  UFORA_UNREACHABLE_KERNEL();
}

llvm::Value* KernelCodegen::truth_of(llvm::Value* x, Scalar s) {
  if (ir::is_sequence(s)) return b_.CreateICmpNE(emit_sequence_size(b_, x), b_.getInt64(0));
  switch (s) {
    case Scalar::Bool: return x;
    case Scalar::Float: return b_.CreateFCmpUNE(x, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0));
    default: return b_.CreateICmpNE(x, b_.getInt64(0));
  }
}

void KernelCodegen::poll_interrupt() {
  // Volatile: another thread sets the flag, so the load must not be hoisted out of the loop.
  llvm::Value* flag = b_.CreateLoad(b_.getInt8Ty(), constant_ptr(&g_interrupt_requested), /*isVolatile=*/true);
  guard(b_.CreateICmpEQ(flag, b_.getInt8(0)));
}

size_t tag_offset() {
  static const size_t offset = [] {
    IntObj probe(0);
    const Obj* base = &probe;
    return size_t(reinterpret_cast<const char*>(&base->tag) - reinterpret_cast<const char*>(base));
  }();
  return offset;
}

size_t number_value_offset(Tag tag) {
  static const size_t int_at = [] {
    IntObj probe(0);
    return size_t(reinterpret_cast<const char*>(&probe.v) - reinterpret_cast<const char*>(static_cast<const Obj*>(&probe)));
  }();
  static const size_t float_at = [] {
    FloatObj probe(0.0);
    return size_t(reinterpret_cast<const char*>(&probe.v) - reinterpret_cast<const char*>(static_cast<const Obj*>(&probe)));
  }();
  static const size_t bool_at = [] {
    BoolObj probe(false);
    return size_t(reinterpret_cast<const char*>(&probe.v) - reinterpret_cast<const char*>(static_cast<const Obj*>(&probe)));
  }();
  return tag == Tag::Int ? int_at : tag == Tag::Float ? float_at : bool_at;
}

// The global's current object is a number of `tag`'s type (the entry checked it); nothing
// rebinds it while the kernel runs, so the loads are invariant.
llvm::Value* KernelCodegen::load_number_global(int64_t slot, Tag tag) {
  llvm::Value* obj = b_.CreateLoad(b_.getPtrTy(), constant_ptr(&globals_->globals[size_t(slot)]));
  llvm::Value* at = b_.CreateConstGEP1_64(b_.getInt8Ty(), obj, int64_t(number_value_offset(tag)));
  switch (tag) {
    case Tag::Int: return b_.CreateLoad(b_.getInt64Ty(), at);
    case Tag::Float: return b_.CreateLoad(b_.getDoubleTy(), at);
    default: return b_.CreateICmpNE(b_.CreateLoad(b_.getInt8Ty(), at), b_.getInt8(0));
  }
}

llvm::Value* KernelCodegen::constant_of(Obj* g) {
  switch (g->tag) {
    case Tag::Int: return b_.getInt64(uint64_t(static_cast<IntObj*>(g)->v));
    case Tag::Bool: return b_.getInt1(static_cast<BoolObj*>(g)->v);
    default: return llvm::ConstantFP::get(b_.getDoubleTy(), static_cast<FloatObj*>(g)->v);
  }
}

}  // namespace ufora::jit::detail
