// The code generator of typed kernels (see typed_codegen.h), shared by the files that
// implement its parts: typed_codegen.cpp (kernels, calls, comprehensions, fork-join) and
// loop_reduction.cpp (`for` loops run as parallel reductions).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "jit/kernel_sequences.h"
#include "jit/typed_codegen.h"
#include "runtime/parallel_reduce.h"
#include "runtime/scheduler.h"
#include "values/packed_seq.h"
#include "lower/ast.h"
#include "lower/dump_options.h"
#include "lower/loop_reductions.h"
#include "runtime/call_depth.h"
#include "runtime/interrupt.h"

namespace ufora::jit::detail {

using ir::Op;
using ir::Scalar;
using lower::BinOpKind;
using lower::CmpKind;
using lower::UnaryKind;

// UFORA_NO_PARALLEL=1 compiles kernels without fork points or parallel reductions: the
// baseline against which the cost of parallel code on one thread is measured.
inline bool parallel_code() {
  static bool on = [] {
    const char* e = std::getenv("UFORA_NO_PARALLEL");
    return !(e && *e && *e != '0');
  }();
  return on;
}

// Calls deeper than this in the Python stack run the sequential twin (see set_sequential).
constexpr int32_t kForkDepth = 12;

// Largest magnitude an int can have and still convert to a double exactly.
constexpr int64_t kExactInDouble = int64_t(1) << 53;

using KernelKey = std::pair<int32_t, std::vector<Scalar>>;

class KernelCodegen {
 public:
  KernelCodegen(llvm::Module& m, const ir::Program& p, const ir::TypedFunction& t, llvm::Function* fn,
                const std::map<KernelKey, llvm::Function*>& kernels, ModuleObj* globals, ConstantPool& pool,
                const FunctionIndex& index_of)
      : m_(m), ctx_(m.getContext()), b_(ctx_), p_(p), f_(p.functions[size_t(t.function)]), t_(t), fn_(fn),
        kernels_(kernels), globals_(globals), pool_(pool), index_of_(index_of) {}

  // Every kernel is compiled twice: with fork points and parallel reductions, for calls near
  // the top of the Python stack, and without (`sequential`), which the first one hands deeper
  // calls to, so that the small pieces of a recursion pay nothing for parallelism.
  void set_sequential() { sequential_ = true; }
  void set_sequential_twin(llvm::Function* twin) { sequential_twin_ = twin; }

  void generate() {
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
    bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
    b_.SetInsertPoint(bail_);
    b_.CreateRet(b_.getInt1(false));
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

  // The entry of a list comprehension kernel: `i1 (ptr result, i32 depth, ptr args)` where
  // args are the source (range: next, stop, step; sequence: header, index) and then the free
  // variables; the result is a new unboxed list (an owned Obj*).
  void generate_list_entry() {
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
    bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
    b_.SetInsertPoint(entry);
    depth_ = fn_->getArg(1);
    size_t next_arg = 0;
    auto arg = [&] { return b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP1_64(b_.getInt64Ty(), fn_->getArg(2), next_arg++)); };
    Scalar element = t_.element;
    IterState source;
    if (t_.args[0] == Scalar::Int) {
      source.kind = IterSource::Range;
      source.cursor = slot_holding(arg());
      source.stop = slot_holding(arg());
      source.step = slot_holding(arg());
    } else {
      source.kind = IterSource::Sequence;
      source.sequence = slot_holding(b_.CreateIntToPtr(arg(), b_.getPtrTy()));
      source.cursor = slot_holding(arg());
      source.element = ir::element_of(t_.args[0]);
    }
    std::vector<Slot> free;
    for (size_t i = 1; i < t_.args.size(); ++i)
      free.push_back(Slot{slot_holding(from_bits(arg(), t_.args[i])), slot_holding(b_.getInt1(true)), t_.args[i]});
    if (parallel_enabled()) {
      // The items are independent: parts over slices of the source build lists that the
      // fixed tree of parallel_reduce concatenates in order.
      std::vector<Scalar> free_types;
      llvm::Value* env = part_environment(source, free, free_types);
      llvm::Function* part = make_part("list", t_, element, source.kind == IterSource::Range ? Scalar::Int : source.element,
                                       source.kind == IterSource::Range, free_types);
      llvm::Value* out = scratch(llvm::ArrayType::get(b_.getInt64Ty(), 2));
      llvm::Value* ok = b_.CreateCall(parallel_reduce_fn(), {b_.getInt32(int32_t(ReduceOp::Concat)), remaining_items(source), part, env, out});
      guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
      llvm::Value* built = b_.CreateIntToPtr(b_.CreateLoad(b_.getInt64Ty(), out), b_.getPtrTy());
      llvm::Value* list = b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_finish", b_.getPtrTy(), b_.getPtrTy()), {built});
      b_.CreateStore(b_.CreatePtrToInt(list, b_.getInt64Ty()), fn_->getArg(0));
      b_.CreateRet(b_.getInt1(true));
      b_.SetInsertPoint(bail_);
      b_.CreateRet(b_.getInt1(false));  // a part gave up: the parts' lists are gone already
      return;
    }
    llvm::Value* builder = b_.CreateCall(list_new_fn(), {b_.getInt64(int64_t(element == Scalar::Float ? PackedKind::Float : PackedKind::Int))});
    llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "list_done", fn_);
    generate_inline(*this, source, std::move(free),
                    [&](llvm::Value* v, Scalar s) { b_.CreateCall(list_push_fn(), {builder, to_bits(v, s)}); }, done);
    llvm::Value* list = b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_finish", b_.getPtrTy(), b_.getPtrTy()), {builder});
    b_.CreateStore(b_.CreatePtrToInt(list, b_.getInt64Ty()), fn_->getArg(0));
    b_.CreateRet(b_.getInt1(true));
    // Giving up frees what was built so far.
    b_.SetInsertPoint(bail_);
    b_.CreateCall(list_discard_fn(), {builder});
    b_.CreateRet(b_.getInt1(false));
  }

 private:
  // A local (or cell) as stack slots: its value and whether it is bound.
  struct Slot {
    llvm::Value* value;
    llvm::Value* bound;
    Scalar type;
  };

  struct RangeArgs {
    llvm::Value* start;
    llvm::Value* stop;
    llvm::Value* step;
  };
  // Something a kernel loops over: range(...), a sequence, or enumerate/zip of those.
  struct IterSource {
    // Counted: items base + step * k for k from cursor up to stop (a part of a range).
    enum Kind { Range, Sequence, Enumerate, Zip, Counted } kind = Range;
    RangeArgs range{};
    llvm::Value* sequence = nullptr;  // PackedHeader*
    Scalar element = Scalar::Unknown;
    std::vector<IterSource> parts;
  };
  // A running loop: its cursor lives in stack slots (promoted to registers at O2).
  struct IterState {
    IterSource::Kind kind = IterSource::Range;
    llvm::Value* cursor = nullptr;  // range: current value; sequence: index; enumerate: count
    llvm::Value* stop = nullptr;    // range, counted; for a sequence, an end before its size
    llvm::Value* step = nullptr;    // range, counted
    llvm::Value* base = nullptr;    // counted
    llvm::Value* first = nullptr;   // range: its start and step as computed (maybe constants)
    llvm::Value* stride = nullptr;
    llvm::Value* sequence = nullptr;
    Scalar element = Scalar::Unknown;
    std::vector<IterState> parts;
  };

  struct Lazy {
    std::vector<Slot> cells;
    IterState source;
  };
  struct InlineContext {
    KernelCodegen* parent;
    IterState source;
    std::vector<Slot> free;
    std::function<void(llvm::Value*, Scalar)> on_element;
    llvm::BasicBlock* done;
  };

  llvm::Type* type(Scalar s) {
    switch (s) {
      case Scalar::Bool: return b_.getInt1Ty();
      case Scalar::Float: return b_.getDoubleTy();
      case Scalar::FloatSeq:
      case Scalar::IntSeq: return b_.getPtrTy();
      default: return b_.getInt64Ty();
    }
  }

  llvm::Value* from_bits(llvm::Value* bits, Scalar s) {
    if (s == Scalar::Float) return b_.CreateBitCast(bits, b_.getDoubleTy());
    if (s == Scalar::Bool) return b_.CreateTrunc(bits, b_.getInt1Ty());
    if (ir::is_sequence(s)) return b_.CreateIntToPtr(bits, b_.getPtrTy());
    return bits;
  }

  llvm::Value* to_bits(llvm::Value* v, Scalar s) {
    if (s == Scalar::Float) return b_.CreateBitCast(v, b_.getInt64Ty());
    if (s == Scalar::Bool) return b_.CreateZExt(v, b_.getInt64Ty());
    if (ir::is_sequence(s)) return b_.CreatePtrToInt(v, b_.getInt64Ty());
    return v;
  }

  // Continues only when `ok`; otherwise the kernel gives up.
  void guard(llvm::Value* ok) {
    llvm::BasicBlock* cont = llvm::BasicBlock::Create(ctx_, "ok", fn_);
    b_.CreateCondBr(ok, cont, bail_, llvm::MDBuilder(ctx_).createBranchWeights(1000, 1));
    b_.SetInsertPoint(cont);
  }

  Scalar ty(ir::ValueId v) const { return t_.value_types[size_t(v)]; }
  llvm::Value* get(ir::ValueId v) { return b_.CreateLoad(type(ty(v)), values_[size_t(v)]); }
  void set(ir::ValueId v, llvm::Value* x) { b_.CreateStore(x, values_[size_t(v)]); }

  // The value converted to int64 (bools widen) or double.
  llvm::Value* as_int(ir::ValueId v) {
    llvm::Value* x = get(v);
    return ty(v) == Scalar::Bool ? b_.CreateZExt(x, b_.getInt64Ty()) : x;
  }
  llvm::Value* as_float(ir::ValueId v) {
    llvm::Value* x = get(v);
    if (ty(v) == Scalar::Float) return x;
    if (ty(v) == Scalar::Bool) return b_.CreateUIToFP(x, b_.getDoubleTy());
    return b_.CreateSIToFP(x, b_.getDoubleTy());
  }

  llvm::Value* constant_ptr(const void* p) { return b_.CreateIntToPtr(b_.getInt64(reinterpret_cast<uint64_t>(p)), b_.getPtrTy()); }

  llvm::FunctionCallee helper(const char* name, llvm::Type* value_type) {
    return m_.getOrInsertFunction(name, llvm::FunctionType::get(b_.getInt32Ty(), {value_type, value_type, b_.getPtrTy()}, false));
  }

  // Calls an `int32 f(a, b, out*)` helper and gives up when it says so.
  llvm::Value* checked_helper(const char* name, llvm::Value* a, llvm::Value* b, llvm::Type* t) {
    llvm::Value* out = scratch(t);
    llvm::Value* ok = b_.CreateCall(helper(name, t), {a, b, out});
    guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
    return b_.CreateLoad(t, out);
  }

  llvm::Value* scratch(llvm::Type* t) {
    llvm::IRBuilder<> eb(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
    return eb.CreateAlloca(t);
  }

  llvm::Value* overflow_op(llvm::Intrinsic::ID id, llvm::Value* a, llvm::Value* b) {
    llvm::Value* r = b_.CreateBinaryIntrinsic(id, a, b);
    guard(b_.CreateNot(b_.CreateExtractValue(r, 1)));
    return b_.CreateExtractValue(r, 0);
  }

  llvm::Value* int_binary(BinOpKind k, llvm::Value* a, llvm::Value* b) {
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

  [[noreturn]] static void UFORA_UNREACHABLE_KERNEL() { throw std::logic_error("typed codegen: operator the inference accepted"); }

  llvm::Value* float_binary(BinOpKind k, llvm::Value* a, llvm::Value* b) {
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

  void guard_exact_in_double(llvm::Value* i) {
    llvm::Value* lo = b_.CreateICmpSGE(i, b_.getInt64(-kExactInDouble));
    guard(b_.CreateAnd(lo, b_.CreateICmpSLE(i, b_.getInt64(kExactInDouble))));
  }

  llvm::Value* compare(CmpKind k, ir::ValueId x, ir::ValueId y) {
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

  llvm::Value* truth(ir::ValueId v) { return truth_of(get(v), ty(v)); }
  llvm::Value* truth_of(llvm::Value* x, Scalar s) {
    switch (s) {
      case Scalar::Bool: return x;
      case Scalar::Float: return b_.CreateFCmpUNE(x, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0));
      default: return b_.CreateICmpNE(x, b_.getInt64(0));
    }
  }

  void poll_interrupt() {
    // Volatile: another thread sets the flag, so the load must not be hoisted out of the loop.
    llvm::Value* flag = b_.CreateLoad(b_.getInt8Ty(), constant_ptr(&g_interrupt_requested), /*isVolatile=*/true);
    guard(b_.CreateICmpEQ(flag, b_.getInt8(0)));
  }

  llvm::Value* constant_of(Obj* g) {
    switch (g->tag) {
      case Tag::Int: return b_.getInt64(uint64_t(static_cast<IntObj*>(g)->v));
      case Tag::Bool: return b_.getInt1(static_cast<BoolObj*>(g)->v);
      default: return llvm::ConstantFP::get(b_.getDoubleTy(), static_cast<FloatObj*>(g)->v);
    }
  }

  // The module global `slot` must still be what it was when this kernel was specialised.
  void guard_global(int64_t slot) {
    Obj* expected = globals_->globals[size_t(slot)];
    if (expected) pool_.keep(newref(expected));  // keeps the address from being reused
    llvm::Value* now = b_.CreateLoad(b_.getPtrTy(), constant_ptr(&globals_->globals[size_t(slot)]));
    guard(b_.CreateICmpEQ(now, expected ? constant_ptr(expected) : llvm::ConstantPointerNull::get(b_.getPtrTy())));
  }

  void gen(const ir::Instr& in) {
    switch (in.op) {
      case Op::ConstInt: set(in.result, b_.getInt64(uint64_t(in.imm))); return;
      case Op::ConstFloat: set(in.result, llvm::ConstantFP::get(b_.getDoubleTy(), in.fimm)); return;
      case Op::ConstTrue: set(in.result, b_.getInt1(true)); return;
      case Op::ConstFalse: set(in.result, b_.getInt1(false)); return;
      case Op::LoadLocal:
        if (inline_ && in.imm == 0) {  // `.0` of an inlined comprehension: the loop it runs
          iters_[in.result] = inline_->source;
          return;
        }
        [[fallthrough]];
      case Op::LoadDeref:  // a kernel's cells are plain locals: nothing outside sees them
        guard(b_.CreateLoad(b_.getInt1Ty(), bound_[size_t(in.imm)]));
        set(in.result, b_.CreateLoad(type(t_.local_types[size_t(in.imm)]), locals_[size_t(in.imm)]));
        return;
      case Op::StoreLocal:
        if (new_cells_.count(in.args[0])) return;
        [[fallthrough]];
      case Op::StoreDeref:
        b_.CreateStore(get(in.args[0]), locals_[size_t(in.imm)]);
        b_.CreateStore(b_.getInt1(true), bound_[size_t(in.imm)]);
        return;
      case Op::MakeCell: new_cells_.insert(in.result); return;
      case Op::ConstNone: return;
      case Op::LoadCellObj: cells_[in.result] = Slot{locals_[size_t(in.imm)], bound_[size_t(in.imm)], t_.local_types[size_t(in.imm)]}; return;
      case Op::LoadFreeCellObj: cells_[in.result] = inline_->free[size_t(in.imm)]; return;
      case Op::LoadFree: {
        const Slot& cell = inline_->free[size_t(in.imm)];
        guard(b_.CreateLoad(b_.getInt1Ty(), cell.bound));  // NameError in Python
        set(in.result, b_.CreateLoad(type(ty(in.result)), cell.value));
        return;
      }
      case Op::MakeFunction: {
        std::vector<Slot>& cells = closures_[in.result];
        for (size_t i = 2; i < in.args.size(); ++i) cells.push_back(cells_.at(in.args[i]));
        return;
      }
      case Op::Yield: emit_element(get(in.args[0]), ty(in.args[0])); return;
      case Op::AccAppend: emit_element(get(in.args[1]), ty(in.args[1])); return;
      case Op::AccNew:
      case Op::AccFinish: return;
      case Op::Release: return;
      case Op::Binary: {
        auto k = BinOpKind(in.imm);
        Scalar r = ty(in.result);
        if (r == Scalar::Float) {
          set(in.result, float_binary(k, as_float(in.args[0]), as_float(in.args[1])));
        } else if (k == BinOpKind::Div) {
          set(in.result, float_binary(k, as_float(in.args[0]), as_float(in.args[1])));
        } else if (r == Scalar::Bool) {
          llvm::Value* a = get(in.args[0]);
          llvm::Value* b = get(in.args[1]);
          set(in.result, k == BinOpKind::BitAnd ? b_.CreateAnd(a, b) : k == BinOpKind::BitOr ? b_.CreateOr(a, b) : b_.CreateXor(a, b));
        } else {
          set(in.result, int_binary(k, as_int(in.args[0]), as_int(in.args[1])));
        }
        return;
      }
      case Op::Unary: {
        ir::ValueId a = in.args[0];
        switch (UnaryKind(in.imm)) {
          case UnaryKind::Not: set(in.result, b_.CreateNot(truth(a))); return;
          case UnaryKind::UAdd: set(in.result, ty(a) == Scalar::Float ? get(a) : as_int(a)); return;
          case UnaryKind::USub:
            if (ty(a) == Scalar::Float)
              set(in.result, b_.CreateFNeg(get(a)));
            else
              set(in.result, overflow_op(llvm::Intrinsic::ssub_with_overflow, b_.getInt64(0), as_int(a)));
            return;
          case UnaryKind::Invert: set(in.result, b_.CreateNot(as_int(a))); return;
        }
        return;
      }
      case Op::Compare: set(in.result, compare(CmpKind(in.imm), in.args[0], in.args[1])); return;
      case Op::Truthy: set(in.result, truth(in.args[0])); return;
      case Op::LoadGlobal: {
        guard_global(in.imm);
        Obj* g = globals_->globals[size_t(in.imm)];
        if (g && (g->tag == Tag::Int || g->tag == Tag::Float || g->tag == Tag::Bool)) {  // a numeric constant
          set(in.result, constant_of(g));
          return;
        }
        callee_slot_[in.result] = in.imm;
        return;
      }
      case Op::Call: gen_call(in); return;
      case Op::BuildTuple: {
        std::vector<llvm::Value*> items;
        for (ir::ValueId a : in.args) items.push_back(get(a));  // evaluated before any target is assigned
        tuples_[in.result] = items;
        return;
      }
      case Op::UnpackSeq: tuples_[in.result] = tuples_.at(in.args[0]); return;
      case Op::TupleItem: set(in.result, tuples_.at(in.args[0])[size_t(in.imm)]); return;
      case Op::GetItem: {
        llvm::Value* seq = get(in.args[0]);
        llvm::Value* i = as_int(in.args[1]);
        llvm::Value* size = emit_sequence_size(b_, seq);
        i = b_.CreateSelect(b_.CreateICmpSLT(i, b_.getInt64(0)), b_.CreateAdd(i, size), i);
        guard(b_.CreateICmpULT(i, size));  // IndexError in Python
        set(in.result, emit_sequence_element(b_, seq, i, type(ty(in.result))));
        return;
      }
      case Op::GetIter: iters_[in.result] = start_iteration(iterable(in.args[0])); return;
      case Op::ForIter: {
        // A loop whose locals only accumulate runs as a parallel reduction (loop_reduction.cpp).
        if (parallel_enabled() && !inline_ && !loop_part_ && gen_parallel_loop(in)) return;
        poll_interrupt();
        std::vector<llvm::Value*> items;
        next_items(iters_.at(in.args[0]), items, blocks_[size_t(in.targets[1])]);
        if (items.size() == 1 && ty(in.result) != Scalar::Unknown)
          set(in.result, items[0]);
        else
          tuples_[in.result] = items;
        b_.CreateBr(blocks_[size_t(in.targets[0])]);
        return;
      }
      case Op::Jump:
        if (in.targets[0] <= current_block_) poll_interrupt();  // a loop's back edge
        b_.CreateBr(blocks_[size_t(in.targets[0])]);
        return;
      case Op::Branch: b_.CreateCondBr(truth(in.args[0]), blocks_[size_t(in.targets[0])], blocks_[size_t(in.targets[1])]); return;
      case Op::Return:
        if (inline_) {  // the comprehension is exhausted
          b_.CreateBr(inline_->done);
          return;
        }
        if (auto tuple = tuples_.find(in.args[0]); tuple != tuples_.end() && !t_.result_tuple.empty()) {
          // A tuple result: one 64-bit slot per item.
          for (size_t i = 0; i < t_.result_tuple.size(); ++i)
            b_.CreateStore(to_bits(tuple->second[i], t_.result_tuple[i]), b_.CreateConstGEP1_64(b_.getInt64Ty(), fn_->getArg(0), i));
          b_.CreateRet(b_.getInt1(true));
          return;
        }
        b_.CreateStore(to_bits(get(in.args[0]), ty(in.args[0])), fn_->getArg(0));
        b_.CreateRet(b_.getInt1(true));
        return;
      default: UFORA_UNREACHABLE_KERNEL();
    }
  }

  void gen_call(const ir::Instr& in) {
    if (auto c = closures_.find(in.args[0]); c != closures_.end()) {  // runs where it is consumed
      lazies_[in.result] = Lazy{c->second, iters_.at(in.args[1])};
      return;
    }
    if (in.args.size() == 2 && lazies_.count(in.args[1])) {
      set(in.result, consume(p_.global_names[size_t(callee_slot_.at(in.args[0]))], in.args[1], ty(in.result)));
      return;
    }
    int64_t slot = callee_slot_.at(in.args[0]);
    const std::string& name = p_.global_names[size_t(slot)];
    std::vector<ir::ValueId> args(in.args.begin() + 1, in.args.end());
    Obj* target = globals_->globals[size_t(slot)];
    if (target) {  // a kernel of this module
      std::vector<Scalar> types;
      for (ir::ValueId a : args) types.push_back(ty(a));
      int32_t index = index_of_(static_cast<FunctionObj*>(target)->code);
      llvm::Function* callee = kernels_.at({index, types});
      std::vector<llvm::Value*> call_args = {scratch(b_.getInt64Ty()), b_.CreateAdd(depth_, b_.getInt32(1))};
      for (ir::ValueId a : args) call_args.push_back(to_bits(get(a), ty(a)));
      guard(b_.CreateCall(callee, call_args));
      set(in.result, from_bits(b_.CreateLoad(b_.getInt64Ty(), call_args[0]), ty(in.result)));
      return;
    }
    if (name == "range") {
      RangeArgs r{b_.getInt64(0), nullptr, b_.getInt64(1)};
      if (args.size() == 1) {
        r.stop = as_int(args[0]);
      } else {
        r.start = as_int(args[0]);
        r.stop = as_int(args[1]);
        if (args.size() == 3) r.step = as_int(args[2]);
      }
      guard(b_.CreateICmpNE(r.step, b_.getInt64(0)));  // ValueError in Python
      IterSource src;
      src.kind = IterSource::Range;
      src.range = r;
      iterables_[in.result] = src;
      return;
    }
    if (name == "enumerate" || name == "zip") {
      IterSource src;
      src.kind = name == "zip" ? IterSource::Zip : IterSource::Enumerate;
      for (ir::ValueId a : args) src.parts.push_back(iterable(a));
      iterables_[in.result] = src;
      return;
    }
    ir::ValueId a = args[0];
    if (args.size() == 1 && ir::is_sequence(ty(a))) {
      set(in.result, reduce_sequence(name, get(a), ty(in.result)));
      return;
    }
    if (name == "abs") {
      if (ty(in.result) == Scalar::Float) {
        set(in.result, b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, get(a)));
      } else {
        llvm::Value* x = as_int(a);
        guard(b_.CreateICmpNE(x, b_.getInt64(INT64_MIN)));
        set(in.result, b_.CreateSelect(b_.CreateICmpSLT(x, b_.getInt64(0)), b_.CreateNeg(x), x));
      }
    } else if (name == "float") {
      set(in.result, as_float(a));
    } else if (name == "int") {
      if (ty(a) != Scalar::Float) {
        set(in.result, as_int(a));
      } else {
        llvm::Value* x = get(a);
        // Only values strictly inside the int64 range truncate exactly; NaN fails both tests.
        guard(b_.CreateAnd(b_.CreateFCmpOLT(x, llvm::ConstantFP::get(b_.getDoubleTy(), 9.2233720368547758e18)),
                           b_.CreateFCmpOGT(x, llvm::ConstantFP::get(b_.getDoubleTy(), -9.2233720368547758e18))));
        set(in.result, b_.CreateFPToSI(x, b_.getInt64Ty()));
      }
    } else {  // min / max: the first argument that no later one beats, as Python scans them
      bool is_min = name == "min";
      llvm::Value* best = get(args[0]);
      for (size_t i = 1; i < args.size(); ++i) {
        llvm::Value* x = get(args[i]);
        llvm::Value* better;
        if (ty(args[i]) == Scalar::Float)
          better = is_min ? b_.CreateFCmpOLT(x, best) : b_.CreateFCmpOGT(x, best);
        else if (ty(args[i]) == Scalar::Bool)
          better = is_min ? b_.CreateICmpULT(x, best) : b_.CreateICmpUGT(x, best);
        else
          better = is_min ? b_.CreateICmpSLT(x, best) : b_.CreateICmpSGT(x, best);
        best = b_.CreateSelect(better, x, best);
      }
      set(in.result, best);
    }
  }

  IterSource iterable(ir::ValueId v) {
    if (auto it = iterables_.find(v); it != iterables_.end()) return it->second;
    IterSource src;
    src.kind = IterSource::Sequence;
    src.sequence = get(v);
    src.element = ir::element_of(ty(v));
    return src;
  }

  llvm::Value* slot_holding(llvm::Value* v) {
    llvm::Value* slot = scratch(v->getType());
    b_.CreateStore(v, slot);
    return slot;
  }

  IterState start_iteration(const IterSource& src) {
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

  // Appends the next item(s) of `st`; branches to `done` when it is exhausted.
  void next_items(IterState& st, std::vector<llvm::Value*>& items, llvm::BasicBlock* done) {
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

  // ---- fork-join of independent kernel calls (runtime/fork_join.h)

  // The kernel of this module that global `slot` holds, for these argument types.
  llvm::Function* kernel_of(int64_t slot, const std::vector<ir::ValueId>& args) {
    Obj* target = globals_->globals[size_t(slot)];
    if (!target || target->tag != Tag::Function) return nullptr;
    std::vector<Scalar> types;
    for (ir::ValueId a : args) types.push_back(ty(a));
    auto it = kernels_.find({index_of_(static_cast<FunctionObj*>(target)->code), types});
    return it == kernels_.end() ? nullptr : it->second;
  }

  // For a call to a kernel at instrs[k]: the index of a later call to a kernel in the same
  // block that does not depend on its result, with only plain arithmetic between them (as
  // in `f(n - 1) + f(n - 2)`); 0 when there is none.
  size_t fork_partner(const std::vector<ir::Instr>& instrs, size_t k) {
    const ir::Instr& first = instrs[k];
    if (!parallel_enabled() || inline_ || first.op != Op::Call || !first.names.empty() || !callee_slot_.count(first.args[0])) return 0;
    if (!kernel_of(callee_slot_.at(first.args[0]), {first.args.begin() + 1, first.args.end()})) return 0;
    std::set<ir::ValueId> tainted = {first.result};
    std::set<int64_t> deferred_slots;
    std::map<ir::ValueId, int64_t> globals_loaded;
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
        if (in.op != Op::Release) return 0;
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
        case Op::LoadLocal:
        case Op::Binary:
        case Op::Unary:
        case Op::Compare:
        case Op::Release: continue;
        case Op::LoadGlobal: globals_loaded[in.result] = in.imm; continue;
        case Op::Call: {
          auto g = globals_loaded.find(in.args[0]);
          if (g == globals_loaded.end() || !in.names.empty()) return 0;
          return kernel_of(g->second, {in.args.begin() + 1, in.args.end()}) ? j : 0;
        }
        default: return 0;
      }
    }
    return 0;
  }

  // `i32 thunk(ptr frame)` for a kernel: frame = [result, depth, args...] as 64-bit slots.
  llvm::Function* thunk_for(llvm::Function* callee, size_t nargs) {
    if (auto it = thunks_.find(callee); it != thunks_.end()) return it->second;
    auto* fn = llvm::Function::Create(llvm::FunctionType::get(b_.getInt32Ty(), {b_.getPtrTy()}, false),
                                      llvm::Function::InternalLinkage, callee->getName() + "_thunk", m_);
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", fn));
    llvm::Value* frame = fn->getArg(0);
    auto slot = [&](size_t i) { return b.CreateLoad(b.getInt64Ty(), b.CreateConstGEP1_64(b.getInt64Ty(), frame, i)); };
    std::vector<llvm::Value*> args = {frame, b.CreateTrunc(slot(1), b.getInt32Ty())};
    for (size_t i = 0; i < nargs; ++i) args.push_back(slot(2 + i));
    b.CreateRet(b.CreateZExt(b.CreateCall(callee, args), b.getInt32Ty()));
    thunks_[callee] = fn;
    return fn;
  }

  // The call at instrs[k] may run on another thread while this one runs instrs (k, j],
  // which end with the second call; when no thread is idle, both run here, in order.
  void gen_forked(const std::vector<ir::Instr>& instrs, size_t k, size_t j) {
    const ir::Instr& first = instrs[k];
    std::vector<ir::ValueId> args(first.args.begin() + 1, first.args.end());
    llvm::Function* callee = kernel_of(callee_slot_.at(first.args[0]), args);
    llvm::Value* frame = scratch(llvm::ArrayType::get(b_.getInt64Ty(), 2 + args.size()));
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
    guard(b_.CreateCall(callee, call_args));
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
    b_.CreateBr(joined);
    b_.SetInsertPoint(joined);
    set(first.result, from_bits(b_.CreateLoad(b_.getInt64Ty(), frame_slot(0)), ty(first.result)));
    for (size_t m : deferred) gen(instrs[m]);
  }

  // ---- comprehensions run inline where a reduction consumes them

  // Compiles this (comprehension) function's body at `parent`'s insertion point: `.0` is
  // `source`, free variable i is `free[i]`, each yielded or appended value goes to
  // `on_element` (emitted with the parent's builder), and the end branches to `done`.
  void generate_inline(KernelCodegen& parent, const IterState& source, std::vector<Slot> free,
                       std::function<void(llvm::Value*, Scalar)> on_element, llvm::BasicBlock* done) {
    inline_ = InlineContext{&parent, source, std::move(free), std::move(on_element), done};
    bail_ = parent.bail_;
    depth_ = parent.depth_;
    b_.SetInsertPoint(parent.b_.GetInsertBlock());
    for (size_t i = 0; i < size_t(f_.n_values); ++i)
      values_.push_back(t_.value_types[i] == Scalar::Unknown ? nullptr : static_cast<llvm::AllocaInst*>(scratch(type(t_.value_types[i]))));
    for (size_t i = 0; i < f_.local_names.size(); ++i) {
      Scalar s = t_.local_types[i];
      locals_.push_back(s == Scalar::Unknown ? nullptr : static_cast<llvm::AllocaInst*>(scratch(type(s))));
      bound_.push_back(static_cast<llvm::AllocaInst*>(scratch(b_.getInt1Ty())));
      b_.CreateStore(b_.getInt1(false), bound_.back());  // each run starts with no locals bound
    }
    for (size_t i = 0; i < f_.blocks.size(); ++i) blocks_.push_back(llvm::BasicBlock::Create(ctx_, "c" + std::to_string(i), fn_));
    b_.CreateBr(blocks_[0]);
    for (size_t i = 0; i < f_.blocks.size(); ++i) {
      b_.SetInsertPoint(blocks_[i]);
      current_block_ = int32_t(i);
      for (const ir::Instr& in : f_.blocks[i].instrs) gen(in);
      if (!b_.GetInsertBlock()->getTerminator()) b_.CreateUnreachable();
    }
    parent.b_.SetInsertPoint(done);
  }

  // Hands a produced value to the consumer, which emits with the parent's builder.
  void emit_element(llvm::Value* v, Scalar s) {
    KernelCodegen& parent = *inline_->parent;
    parent.b_.SetInsertPoint(b_.GetInsertBlock());
    inline_->on_element(v, s);
    b_.SetInsertPoint(parent.b_.GetInsertBlock());
  }

  // ---- reductions of comprehensions: sum / min / max / any / all / len, with Python's
  // results, including where they stop early (any, all) and what they do on no elements.

  struct Reducer {
    std::string name;
    Scalar result;
    llvm::Value* acc;   // the running value, of the result's type
    llvm::Value* seen;  // i1: an element was seen
    llvm::BasicBlock* decided;  // where any/all go once the answer is known
  };

  Reducer begin_reduce(const std::string& name, Scalar result, llvm::BasicBlock* decided) {
    Reducer r{name, result, scratch(type(result)), scratch(b_.getInt1Ty()), decided};
    b_.CreateStore(b_.getInt1(false), r.seen);
    if (name == "sum" || name == "len")
      b_.CreateStore(result == Scalar::Float ? static_cast<llvm::Value*>(llvm::ConstantFP::get(b_.getDoubleTy(), 0.0)) : b_.getInt64(0), r.acc);
    else if (name == "any" || name == "all")
      b_.CreateStore(b_.getInt1(name == "all"), r.acc);
    return r;
  }

  void reduce_element(const Reducer& r, llvm::Value* v, Scalar s) {
    if (r.name == "any" || r.name == "all") {
      llvm::BasicBlock* decided = llvm::BasicBlock::Create(ctx_, "decided", fn_);
      llvm::BasicBlock* more = llvm::BasicBlock::Create(ctx_, "more", fn_);
      llvm::Value* t = truth_of(v, s);
      b_.CreateCondBr(r.name == "any" ? t : b_.CreateNot(t), decided, more);
      b_.SetInsertPoint(decided);
      b_.CreateStore(b_.getInt1(r.name == "any"), r.acc);
      b_.CreateBr(r.decided);
      b_.SetInsertPoint(more);
      return;
    }
    llvm::Value* cur = b_.CreateLoad(type(r.result), r.acc);
    llvm::Value* next;
    if (r.name == "len") {
      next = b_.CreateAdd(cur, b_.getInt64(1));
    } else if (r.name == "sum") {
      if (r.result == Scalar::Float) next = b_.CreateFAdd(cur, v);  // 0 + x is x, and 0.0 + -0.0 is 0.0 as in Python
      else next = overflow_op(llvm::Intrinsic::sadd_with_overflow, cur, s == Scalar::Bool ? b_.CreateZExt(v, b_.getInt64Ty()) : v);
    } else {  // min / max keep the first of equal values, as Python's scan does
      bool is_min = r.name == "min";
      llvm::Value* better = s == Scalar::Float ? (is_min ? b_.CreateFCmpOLT(v, cur) : b_.CreateFCmpOGT(v, cur))
                            : s == Scalar::Bool ? (is_min ? b_.CreateICmpULT(v, cur) : b_.CreateICmpUGT(v, cur))
                                                : (is_min ? b_.CreateICmpSLT(v, cur) : b_.CreateICmpSGT(v, cur));
      better = b_.CreateOr(better, b_.CreateNot(b_.CreateLoad(b_.getInt1Ty(), r.seen)));
      next = b_.CreateSelect(better, v, cur);
    }
    b_.CreateStore(next, r.acc);
    b_.CreateStore(b_.getInt1(true), r.seen);
  }

  // Python gives the int 0 for sum() of no floats and raises for min()/max() of nothing.
  void guard_nonempty(const Reducer& r) {
    if ((r.name == "sum" && r.result == Scalar::Float) || r.name == "min" || r.name == "max")
      guard(b_.CreateLoad(b_.getInt1Ty(), r.seen));
  }

  llvm::Value* consume(const std::string& name, ir::ValueId lazy_value, Scalar result) {
    const Lazy& lazy = lazies_.at(lazy_value);
    const ir::TypedFunction& body = *t_.comprehensions.at(lazy_value);
    if (parallel_enabled() && (lazy.source.kind == IterSource::Range || lazy.source.kind == IterSource::Sequence))
      return consume_in_parallel(name, lazy, body, result);
    if (parallel_enabled() && dump_enabled("parallel"))
      fprintf(stderr, "parallel: %s:%d: %s(...) runs sequentially: it loops over enumerate() or zip(), which are not split yet\n",
              p_.file.c_str(), body.function >= 0 ? p_.functions[size_t(body.function)].span.line : 0, name.c_str());
    llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "comprehension_done", fn_);
    llvm::BasicBlock* exit = llvm::BasicBlock::Create(ctx_, "consumed", fn_);
    Reducer r = begin_reduce(name, result, exit);
    KernelCodegen inner(m_, p_, body, fn_, kernels_, globals_, pool_, index_of_);
    inner.sequential_ = sequential_;
    inner.generate_inline(*this, lazy.source, lazy.cells, [&](llvm::Value* v, Scalar s) { reduce_element(r, v, s); }, done);
    guard_nonempty(r);
    b_.CreateBr(exit);
    b_.SetInsertPoint(exit);
    return b_.CreateLoad(type(result), r.acc);
  }

  // ---- parallel reductions (runtime/parallel_reduce.h)

  static ReduceOp reduce_op(const std::string& name, Scalar result) {
    bool floating = result == Scalar::Float;
    if (name == "sum") return floating ? ReduceOp::SumFloat : ReduceOp::SumInt;
    if (name == "min") return floating ? ReduceOp::MinFloat : ReduceOp::MinInt;
    if (name == "max") return floating ? ReduceOp::MaxFloat : ReduceOp::MaxInt;
    if (name == "any") return ReduceOp::Any;
    if (name == "all") return ReduceOp::All;
    return ReduceOp::Count;
  }

  // The items of a range or sequence source still to come, and where they start.
  llvm::Value* remaining_items(const IterState& src) {
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

  // The reduction runs over the fixed tree of parallel_reduce: the body is compiled into a
  // part function over items [lo, hi), which the runtime calls on whatever threads it uses.
  // Environment slots: the source (range: first value, step; sequence: header, first
  // index), the call depth, then the free variables.
  llvm::Value* consume_in_parallel(const std::string& name, const Lazy& lazy, const ir::TypedFunction& body, Scalar result) {
    const IterState& src = lazy.source;
    std::vector<Scalar> free_types;
    llvm::Value* env = part_environment(src, lazy.cells, free_types);
    llvm::Value* count = remaining_items(src);
    llvm::Function* part = make_part(name, body, result, src.kind == IterSource::Range ? Scalar::Int : src.element,
                                     src.kind == IterSource::Range, free_types);
    llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
    llvm::Value* out = scratch(partial);
    llvm::Value* ok = b_.CreateCall(parallel_reduce_fn(), {b_.getInt32(int32_t(reduce_op(name, result))), count, part, env, out});
    guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
    llvm::Value* acc_bits = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP2_64(partial, out, 0, 0));
    llvm::Value* seen = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP2_64(partial, out, 0, 1));
    if ((name == "sum" && result == Scalar::Float) || name == "min" || name == "max") guard(b_.CreateICmpNE(seen, b_.getInt64(0)));
    return from_bits(acc_bits, result);
  }

  // What a part function reads (generate_part): the source (range: first value, step;
  // sequence: header, first index), the call depth, then the free variables' values.
  llvm::Value* part_environment(const IterState& src, const std::vector<Slot>& free, std::vector<Scalar>& free_types) {
    size_t n_env = 3 + free.size();
    llvm::Type* env_type = llvm::ArrayType::get(b_.getInt64Ty(), n_env);
    llvm::Value* env = scratch(env_type);
    auto env_slot = [&](size_t i) { return b_.CreateConstGEP2_64(env_type, env, 0, i); };
    if (src.kind == IterSource::Range) {
      b_.CreateStore(b_.CreateLoad(b_.getInt64Ty(), src.cursor), env_slot(0));
      b_.CreateStore(b_.CreateLoad(b_.getInt64Ty(), src.step), env_slot(1));
    } else {
      b_.CreateStore(b_.CreatePtrToInt(b_.CreateLoad(b_.getPtrTy(), src.sequence), b_.getInt64Ty()), env_slot(0));
      b_.CreateStore(b_.CreateLoad(b_.getInt64Ty(), src.cursor), env_slot(1));
    }
    b_.CreateStore(b_.CreateSExt(depth_, b_.getInt64Ty()), env_slot(2));
    for (size_t i = 0; i < free.size(); ++i) {
      const Slot& cell = free[i];
      guard(b_.CreateLoad(b_.getInt1Ty(), cell.bound));  // NameError in Python
      b_.CreateStore(to_bits(b_.CreateLoad(type(cell.type), cell.value), cell.type), env_slot(3 + i));
      free_types.push_back(cell.type);
    }
    return env;
  }

  llvm::FunctionCallee parallel_reduce_fn() {
    return m_.getOrInsertFunction("ufr_parallel_reduce", b_.getInt32Ty(), b_.getInt32Ty(), b_.getInt64Ty(), b_.getPtrTy(),
                                  b_.getPtrTy(), b_.getPtrTy());
  }
  llvm::FunctionCallee list_new_fn() { return m_.getOrInsertFunction("ufr_k_list_new", b_.getPtrTy(), b_.getInt64Ty()); }
  llvm::FunctionCallee list_push_fn() { return m_.getOrInsertFunction("ufr_k_list_push", b_.getVoidTy(), b_.getPtrTy(), b_.getInt64Ty()); }
  llvm::FunctionCallee list_discard_fn() { return m_.getOrInsertFunction("ufr_k_list_discard", b_.getVoidTy(), b_.getPtrTy()); }

  // `i32 part(ptr env, i64 lo, i64 hi, ptr out)`: the comprehension over items [lo, hi).
  llvm::Function* make_part(const std::string& name, const ir::TypedFunction& body, Scalar result, Scalar item, bool range,
                            const std::vector<Scalar>& free_types) {
    static std::atomic<int64_t> counter{0};
    auto* fn = llvm::Function::Create(
        llvm::FunctionType::get(b_.getInt32Ty(), {b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty(), b_.getPtrTy()}, false),
        llvm::Function::InternalLinkage, "part" + std::to_string(counter++), m_);
    KernelCodegen part(m_, p_, body, fn, kernels_, globals_, pool_, index_of_);
    part.generate_part(name, result, item, range, free_types);
    return fn;
  }

  void generate_part(const std::string& name, Scalar result, Scalar item, bool range, const std::vector<Scalar>& free_types) {
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
    bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
    b_.SetInsertPoint(entry);
    // "list": the part builds its slice of a list comprehension's result (ReduceOp::Concat).
    llvm::Value* builder = name == "list" ? b_.CreateCall(list_new_fn(), {b_.getInt64(int64_t(result == Scalar::Float ? PackedKind::Float : PackedKind::Int))}) : nullptr;
    b_.SetInsertPoint(bail_);
    if (builder) b_.CreateCall(list_discard_fn(), {builder});
    b_.CreateRet(b_.getInt32(0));
    b_.SetInsertPoint(entry);
    llvm::Value* env = fn_->getArg(0);
    auto env_value = [&](size_t i) { return b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP1_64(b_.getInt64Ty(), env, i)); };
    llvm::Value* lo = fn_->getArg(1);
    llvm::Value* hi = fn_->getArg(2);
    depth_ = b_.CreateTrunc(env_value(2), b_.getInt32Ty());
    IterState source;
    source.element = item;
    if (range) {  // items first + step * k for k in [lo, hi): each one is a value of the range
      source.kind = IterSource::Counted;
      source.sequence = nullptr;
      source.cursor = slot_holding(lo);
      source.stop = slot_holding(hi);
      source.base = slot_holding(env_value(0));
      source.step = slot_holding(env_value(1));
    } else {
      source.kind = IterSource::Sequence;
      source.sequence = slot_holding(b_.CreateIntToPtr(env_value(0), b_.getPtrTy()));
      llvm::Value* first = env_value(1);
      source.cursor = slot_holding(b_.CreateAdd(first, lo));
      source.stop = slot_holding(b_.CreateAdd(first, hi));
    }
    std::vector<Slot> free;
    for (size_t i = 0; i < free_types.size(); ++i)
      free.push_back(Slot{slot_holding(from_bits(env_value(3 + i), free_types[i])), slot_holding(b_.getInt1(true)), free_types[i]});
    llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "part_done", fn_);
    llvm::BasicBlock* finish = llvm::BasicBlock::Create(ctx_, "part_finish", fn_);
    llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
    if (builder) {
      generate_inline(*this, source, std::move(free),
                      [&](llvm::Value* v, Scalar s) { b_.CreateCall(list_push_fn(), {builder, to_bits(v, s)}); }, done);
      b_.CreateStore(b_.CreatePtrToInt(builder, b_.getInt64Ty()), b_.CreateConstGEP2_64(partial, fn_->getArg(3), 0, 0));
      b_.CreateStore(b_.getInt64(1), b_.CreateConstGEP2_64(partial, fn_->getArg(3), 0, 1));
      b_.CreateRet(b_.getInt32(1));
      finish->eraseFromParent();
      return;
    }
    Reducer r = begin_reduce(name, result, finish);
    generate_inline(*this, source, std::move(free), [&](llvm::Value* v, Scalar s) { reduce_element(r, v, s); }, done);
    b_.CreateBr(finish);
    b_.SetInsertPoint(finish);
    b_.CreateStore(to_bits(b_.CreateLoad(type(result), r.acc), result), b_.CreateConstGEP2_64(partial, fn_->getArg(3), 0, 0));
    b_.CreateStore(b_.CreateZExt(b_.CreateLoad(b_.getInt1Ty(), r.seen), b_.getInt64Ty()), b_.CreateConstGEP2_64(partial, fn_->getArg(3), 0, 1));
    b_.CreateRet(b_.getInt32(1));
  }

  // len / sum / min / max of a sequence, with Python's results (sum adds from the left).
  llvm::Value* reduce_sequence(const std::string& name, llvm::Value* seq, Scalar result) {
    llvm::Value* size = emit_sequence_size(b_, seq);
    if (name == "len") return size;
    bool floating = result == Scalar::Float;
    // sum([]) is the int 0 and min([]) raises: the boxed code handles the empty sequence.
    guard(b_.CreateICmpSGT(size, b_.getInt64(0)));
    llvm::Value* acc = scratch(type(result));
    llvm::Value* index = scratch(b_.getInt64Ty());
    bool is_sum = name == "sum";
    if (is_sum) {
      // 0 + x0 is x0 except for -0.0, which 0.0 + -0.0 also turns into 0.0.
      b_.CreateStore(floating ? llvm::ConstantFP::get(b_.getDoubleTy(), 0.0) : static_cast<llvm::Value*>(b_.getInt64(0)), acc);
      b_.CreateStore(b_.getInt64(0), index);
    } else {
      b_.CreateStore(emit_sequence_element(b_, seq, b_.getInt64(0), type(result)), acc);
      b_.CreateStore(b_.getInt64(1), index);
    }
    llvm::BasicBlock* head = llvm::BasicBlock::Create(ctx_, "reduce_head", fn_);
    llvm::BasicBlock* body = llvm::BasicBlock::Create(ctx_, "reduce_body", fn_);
    llvm::BasicBlock* exit = llvm::BasicBlock::Create(ctx_, "reduce_exit", fn_);
    b_.CreateBr(head);
    b_.SetInsertPoint(head);
    llvm::Value* i = b_.CreateLoad(b_.getInt64Ty(), index);
    b_.CreateCondBr(b_.CreateICmpSLT(i, size), body, exit);
    b_.SetInsertPoint(body);
    llvm::Value* x = emit_sequence_element(b_, seq, i, type(result));
    llvm::Value* best = b_.CreateLoad(type(result), acc);
    llvm::Value* next;
    if (is_sum) {
      next = floating ? b_.CreateFAdd(best, x) : overflow_op(llvm::Intrinsic::sadd_with_overflow, best, x);
    } else {
      bool is_min = name == "min";
      llvm::Value* better = floating ? (is_min ? b_.CreateFCmpOLT(x, best) : b_.CreateFCmpOGT(x, best))
                                     : (is_min ? b_.CreateICmpSLT(x, best) : b_.CreateICmpSGT(x, best));
      next = b_.CreateSelect(better, x, best);
    }
    b_.CreateStore(next, acc);
    b_.CreateStore(b_.CreateAdd(i, b_.getInt64(1)), index);
    b_.CreateBr(head);
    b_.SetInsertPoint(exit);
    return b_.CreateLoad(type(result), acc);
  }

  llvm::Module& m_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  const ir::Program& p_;
  const ir::Function& f_;
  const ir::TypedFunction& t_;
  llvm::Function* fn_;
  const std::map<KernelKey, llvm::Function*>& kernels_;
  ModuleObj* globals_;
  ConstantPool& pool_;
  const FunctionIndex& index_of_;
  llvm::BasicBlock* bail_ = nullptr;
  llvm::Value* depth_ = nullptr;
  int32_t current_block_ = 0;
  std::vector<llvm::AllocaInst*> values_, locals_, bound_;
  std::vector<llvm::BasicBlock*> blocks_;
  std::map<ir::ValueId, int64_t> callee_slot_;
  std::map<ir::ValueId, IterSource> iterables_;
  std::map<ir::ValueId, IterState> iters_;
  std::optional<InlineContext> inline_;  // set while compiling an inlined comprehension
  std::set<ir::ValueId> new_cells_;
  std::map<ir::ValueId, Slot> cells_;
  std::map<ir::ValueId, std::vector<Slot>> closures_;
  std::map<ir::ValueId, Lazy> lazies_;
  std::map<llvm::Function*, llvm::Function*> thunks_;
  std::vector<size_t> deferred_;  // fork_partner's answer: stores of the first result, moved after the join
  bool sequential_ = false;
  llvm::Function* sequential_twin_ = nullptr;

  bool parallel_enabled() const { return parallel_code() && !sequential_; }

  // ---- `for` loops run as parallel reductions (loop_reduction.cpp; lower/loop_reductions.h)
  const ir::LoopPlan* loop_plan(ir::BlockId header);
  bool gen_parallel_loop(const ir::Instr& for_iter);
  // Parts over a range whose start and step are constants get them as constants.
  struct PartSource {
    bool range;
    Scalar item;
    llvm::ConstantInt* first;
    llvm::ConstantInt* step;
  };
  llvm::Function* make_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& source);
  void generate_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& source);
  void gen_block(size_t i);
  llvm::Value* loop_identity(ir::LoopAccOp op, Scalar t);
  std::optional<std::vector<ir::LoopPlan>> loop_plans_;
  std::set<ir::BlockId> dead_blocks_;  // bodies of loops run as parallel reductions
  bool loop_part_ = false;  // compiling one piece of a parallel loop: its inner loops stay sequential
  std::map<ir::ValueId, std::vector<llvm::Value*>> tuples_;
};

}  // namespace ufora::jit::detail
