#include "jit/codegen.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "lower/ast.h"
#include "lower/diagnostics.h"
#include "values/number_ops.h"
#include "runtime/entry_points.h"
#include "runtime/interrupt.h"
#include "values/operators.h"

namespace ufora::jit {

namespace {

using ir::Op;

// The runtime's operator codes for the front end's operator kinds.
int32_t binary_code(int64_t k) {
  using B = lower::BinOpKind;
  switch (B(k)) {
    case B::Add: return int32_t(BinaryOp::Add);
    case B::Sub: return int32_t(BinaryOp::Sub);
    case B::Mult: return int32_t(BinaryOp::Mul);
    case B::MatMult: return int32_t(BinaryOp::MatMul);
    case B::Div: return int32_t(BinaryOp::TrueDiv);
    case B::Mod: return int32_t(BinaryOp::Mod);
    case B::Pow: return int32_t(BinaryOp::Pow);
    case B::LShift: return int32_t(BinaryOp::LShift);
    case B::RShift: return int32_t(BinaryOp::RShift);
    case B::BitOr: return int32_t(BinaryOp::BitOr);
    case B::BitXor: return int32_t(BinaryOp::BitXor);
    case B::BitAnd: return int32_t(BinaryOp::BitAnd);
    case B::FloorDiv: return int32_t(BinaryOp::FloorDiv);
  }
  return 0;
}

int32_t unary_code(int64_t k) {
  using U = lower::UnaryKind;
  switch (U(k)) {
    case U::Invert: return int32_t(UnaryOp::Invert);
    case U::Not: return int32_t(UnaryOp::Not);
    case U::UAdd: return int32_t(UnaryOp::Pos);
    case U::USub: return int32_t(UnaryOp::Neg);
  }
  return 0;
}

int32_t compare_code(int64_t k) {
  using C = lower::CmpKind;
  switch (C(k)) {
    case C::Eq: return int32_t(CompareOp::Eq);
    case C::NotEq: return int32_t(CompareOp::Ne);
    case C::Lt: return int32_t(CompareOp::Lt);
    case C::LtE: return int32_t(CompareOp::Le);
    case C::Gt: return int32_t(CompareOp::Gt);
    case C::GtE: return int32_t(CompareOp::Ge);
    default: return 0;
  }
}

// Obj's reference count sits right after the vtable pointer.
constexpr int64_t kRefcountOffset = sizeof(void*);

class FunctionCodegen {
 public:
  FunctionCodegen(llvm::Module& m, const ir::Function& f, const CodeInfo* code, ModuleObj* globals,
                  const std::vector<CodeInfo*>& codes, ConstantPool& pool, llvm::Function* fn)
      : m_(m), ctx_(m.getContext()), b_(ctx_), f_(f), code_(code), globals_(globals), codes_(codes), pool_(pool), fn_(fn) {
    ptr_ = llvm::PointerType::get(ctx_, 0);
    i64_ = llvm::Type::getInt64Ty(ctx_);
    i32_ = llvm::Type::getInt32Ty(ctx_);
  }

  void generate() {
    classify_values();
    llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
    b_.SetInsertPoint(entry);
    value_slots_.assign(size_t(f_.n_values), nullptr);
    for (int32_t i = 0; i < f_.n_values; ++i)
      if (crosses_[size_t(i)]) value_slots_[size_t(i)] = b_.CreateAlloca(ptr_, nullptr, "v" + std::to_string(i));
    for (size_t i = 0; i < f_.local_names.size(); ++i) local_slots_.push_back(b_.CreateAlloca(ptr_, nullptr, "l" + std::to_string(i)));
    for (int k = 0; k < 2; ++k) scratch_[k] = b_.CreateAlloca(ptr_, b_.getInt64(std::max<size_t>(max_args_, 1)), "scratch");
    llvm::Value* null = llvm::ConstantPointerNull::get(ptr_);
    for (auto* s : value_slots_)
      if (s) b_.CreateStore(null, s);
    for (auto* s : local_slots_) b_.CreateStore(null, s);
    params_ = fn_->getArg(0);
    cells_ = fn_->getArg(1);
    for (size_t i = 0; i < f_.params.size(); ++i) {
      llvm::Value* p = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(ptr_, params_, i));
      incref(p);
      b_.CreateStore(p, local_slots_[i]);
    }
    for (size_t i = 0; i < f_.blocks.size(); ++i) blocks_.push_back(llvm::BasicBlock::Create(ctx_, "b" + std::to_string(i), fn_));
    return_block_ = llvm::BasicBlock::Create(ctx_, "return", fn_);
    error_exit_ = llvm::BasicBlock::Create(ctx_, "error", fn_);
    b_.CreateBr(blocks_[0]);

    b_.SetInsertPoint(return_block_);
    ret_phi_ = b_.CreatePHI(ptr_, 4, "result");
    for (size_t i = 0; i < f_.blocks.size(); ++i) {
      b_.SetInsertPoint(blocks_[i]);
      current_ = &f_.blocks[i];
      current_index_ = int32_t(i);
      live_.clear();
      regs_.clear();
      for (const ir::Instr& in : f_.blocks[i].instrs) gen(in);
      if (!b_.GetInsertBlock()->getTerminator()) b_.CreateUnreachable();
    }
    b_.SetInsertPoint(error_exit_);
    b_.CreateBr(return_block_);
    ret_phi_->addIncoming(null, error_exit_);
    b_.SetInsertPoint(return_block_);
    for (auto* s : value_slots_)
      if (s) xdecref(b_.CreateLoad(ptr_, s));
    for (auto* s : local_slots_) xdecref(b_.CreateLoad(ptr_, s));
    b_.CreateRet(ret_phi_);
  }

  // A value used only in the block that defines it lives in a register and is released
  // on every path out of the block; one that crosses blocks lives in a stack slot that the
  // function's exit releases.
  void classify_values() {
    crosses_.assign(size_t(f_.n_values), false);
    std::vector<int32_t> def_block(size_t(f_.n_values), -1);
    for (size_t b = 0; b < f_.blocks.size(); ++b) {
      for (const ir::Instr& in : f_.blocks[b].instrs) {
        for (ir::ValueId a : in.args)
          if (a != ir::kNoValue && def_block[size_t(a)] != int32_t(b)) crosses_[size_t(a)] = true;
        if (in.result != ir::kNoValue) def_block[size_t(in.result)] = int32_t(b);
        max_args_ = std::max(max_args_, std::max(in.args.size(), in.slots.size()));
        // A ForIter result is consumed by the loop body, another block.
        if (in.op == Op::ForIter) crosses_[size_t(in.result)] = true;
      }
    }
  }

 private:
  // ---- helpers
  llvm::Value* constant_ptr(const void* p) { return b_.CreateIntToPtr(b_.getInt64(reinterpret_cast<uint64_t>(p)), ptr_); }

  llvm::FunctionCallee rt(const char* name, llvm::Type* ret, std::vector<llvm::Type*> params) {
    return m_.getOrInsertFunction(name, llvm::FunctionType::get(ret, params, false));
  }

  llvm::Value* refcount_addr(llvm::Value* o) { return b_.CreateConstGEP1_64(b_.getInt8Ty(), o, kRefcountOffset); }

  void incref(llvm::Value* o) {
    llvm::Value* addr = refcount_addr(o);
    b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64_, addr), b_.getInt64(1)), addr);
  }

  // Releases are calls, not inline code: each inline release would add two basic blocks, and
  // boxed code is dominated by runtime calls anyway. Typed code has no references to count.
  void decref(llvm::Value* o) { b_.CreateCall(rt("ufr_decref", b_.getVoidTy(), {ptr_}), {o}); }
  void xdecref(llvm::Value* o) { b_.CreateCall(rt("ufr_xdecref", b_.getVoidTy(), {ptr_}), {o}); }

  llvm::MDNode* unlikely() { return llvm::MDBuilder(ctx_).createBranchWeights(1, 1000); }

  llvm::Value* use(ir::ValueId v) {
    if (v == ir::kNoValue) return llvm::ConstantPointerNull::get(ptr_);
    if (!crosses_[size_t(v)]) return regs_.at(v);
    return b_.CreateLoad(ptr_, value_slots_[size_t(v)]);
  }

  // Takes ownership of `v`: into a register, or into the value's slot (releasing a stale
  // value that an exception path left there).
  void define(ir::ValueId id, llvm::Value* v) {
    if (!crosses_[size_t(id)]) {
      regs_[id] = v;
      live_.push_back(id);
      return;
    }
    llvm::Value* old = b_.CreateLoad(ptr_, value_slots_[size_t(id)]);
    b_.CreateStore(v, value_slots_[size_t(id)]);
    xdecref(old);
  }

  void release_value(ir::ValueId id) {
    if (!crosses_[size_t(id)]) {
      auto it = std::find(live_.begin(), live_.end(), id);
      if (it == live_.end()) return;
      live_.erase(it);
      decref(regs_.at(id));
      return;
    }
    llvm::AllocaInst* slot = value_slots_[size_t(id)];
    llvm::Value* v = b_.CreateLoad(ptr_, slot);
    b_.CreateStore(llvm::ConstantPointerNull::get(ptr_), slot);
    xdecref(v);
  }

  // Leaving the block: the registers still owned die here.
  void release_live() {
    for (ir::ValueId id : live_) decref(regs_.at(id));
    live_.clear();
  }

  // The failure path of an instruction: release this block's live registers, record the
  // frame in the traceback, go to the handler.
  void fail_to_handler(const ir::Instr& in, bool add_traceback = true) {
    for (ir::ValueId id : live_) decref(regs_.at(id));
    if (add_traceback) traceback(in);
    b_.CreateBr(handler_block());
  }

  llvm::BasicBlock* handler_block() {
    return current_->handler == ir::kNoBlock ? error_exit_ : blocks_[size_t(current_->handler)];
  }

  // On `failed`, record this frame in the traceback and go to the handler.
  void check(llvm::Value* failed, const ir::Instr& in, bool add_traceback = true) {
    llvm::BasicBlock* fail = llvm::BasicBlock::Create(ctx_, "fail", fn_);
    llvm::BasicBlock* ok = llvm::BasicBlock::Create(ctx_, "ok", fn_);
    b_.CreateCondBr(failed, fail, ok, unlikely());
    b_.SetInsertPoint(fail);
    fail_to_handler(in, add_traceback);
    b_.SetInsertPoint(ok);
  }

  void traceback(const ir::Instr& in) {
    if (f_.lines_to_caller) {  // stands for a loop of the caller: the caller's frame shows this line
      b_.CreateCall(rt("ufr_traceback_line", b_.getVoidTy(), {i32_}), {b_.getInt32(in.span.line)});
      return;
    }
    if (f_.hidden_frame) return;  // stands for map()/filter(), which have no Python frame
    b_.CreateCall(rt("ufr_traceback", b_.getVoidTy(), {ptr_, i32_}), {constant_ptr(code_), b_.getInt32(in.span.line)});
  }

  void define_checked(const ir::Instr& in, llvm::Value* v) {
    check(b_.CreateIsNull(v), in);
    define(in.result, v);
  }

  // Arguments are passed through one of two scratch arrays (a call needs at most two).
  llvm::Value* array_of(const std::vector<llvm::Value*>& vals, int which = 0) {
    if (vals.empty()) return llvm::ConstantPointerNull::get(ptr_);
    llvm::Value* arr = scratch_[which];
    for (size_t i = 0; i < vals.size(); ++i) b_.CreateStore(vals[i], b_.CreateConstGEP1_64(ptr_, arr, i));
    return arr;
  }

  std::vector<llvm::Value*> uses(const std::vector<ir::ValueId>& ids, size_t from = 0) {
    std::vector<llvm::Value*> out;
    for (size_t i = from; i < ids.size(); ++i) out.push_back(use(ids[i]));
    return out;
  }

  llvm::Value* call(const char* name, std::vector<llvm::Value*> args) {
    std::vector<llvm::Type*> types;
    for (auto* a : args) types.push_back(a->getType());
    return b_.CreateCall(rt(name, ptr_, types), args);
  }

  llvm::Value* call_i32(const char* name, std::vector<llvm::Value*> args) {
    std::vector<llvm::Type*> types;
    for (auto* a : args) types.push_back(a->getType());
    return b_.CreateCall(rt(name, i32_, types), args);
  }

  void call_void(const char* name, std::vector<llvm::Value*> args) {
    std::vector<llvm::Type*> types;
    for (auto* a : args) types.push_back(a->getType());
    b_.CreateCall(rt(name, b_.getVoidTy(), types), args);
  }

  void define_const(const ir::Instr& in, Obj* o) {
    llvm::Value* p = constant_ptr(o);
    incref(p);
    define(in.result, p);
  }

  void store_slot(llvm::AllocaInst* slot, llvm::Value* v) {
    incref(v);
    llvm::Value* old = b_.CreateLoad(ptr_, slot);
    b_.CreateStore(v, slot);
    xdecref(old);
  }

  llvm::Value* global_addr(int64_t slot) { return constant_ptr(&globals_->globals[size_t(slot)]); }

  // ---- one instruction
  void gen(const ir::Instr& in) {
    switch (in.op) {
      case Op::ConstInt: define_const(in, pool_.keep(new_int(in.imm))); return;
      case Op::ConstBigInt: define_const(in, pool_.keep(big_int_constant(in.text))); return;
      case Op::ConstFloat: define_const(in, pool_.keep(new_float(in.fimm))); return;
      case Op::ConstStr: define_const(in, pool_.str(in.text)); return;
      case Op::ConstNone: define_const(in, none()); return;
      case Op::ConstTrue: define_const(in, py_true()); return;
      case Op::ConstFalse: define_const(in, py_false()); return;
      case Op::ConstEllipsis: define_const(in, ellipsis()); return;
      case Op::LoadLocal: {
        llvm::Value* v = b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]);
        if (in.imm2 > 0) {  // a class body's name not bound yet: the global, or NameError
          define(in.result, value_or_call(v, "ufr_load_global", {constant_ptr(globals_), b_.getInt64(in.imm2 - 1)}, in));
          return;
        }
        llvm::BasicBlock* unbound = llvm::BasicBlock::Create(ctx_, "unbound", fn_);
        llvm::BasicBlock* ok = llvm::BasicBlock::Create(ctx_, "bound", fn_);
        b_.CreateCondBr(b_.CreateIsNull(v), unbound, ok, unlikely());
        b_.SetInsertPoint(unbound);
        call("ufr_unbound_local", {constant_ptr(pool_.str(in.text.empty() ? f_.local_names[size_t(in.imm)] : in.text))});
        fail_to_handler(in);
        b_.SetInsertPoint(ok);
        incref(v);
        define(in.result, v);
        return;
      }
      case Op::StoreLocal: store_slot(local_slots_[size_t(in.imm)], use(in.args[0])); return;
      case Op::DeleteLocal: {
        llvm::Value* old = b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]);
        b_.CreateStore(llvm::ConstantPointerNull::get(ptr_), local_slots_[size_t(in.imm)]);
        xdecref(old);
        return;
      }
      case Op::DeleteDeref:
        call_void("ufr_cell_set", {b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]), llvm::ConstantPointerNull::get(ptr_)});
        return;
      case Op::DeleteGlobal: {
        llvm::Value* addr = global_addr(in.imm);
        llvm::Value* old = b_.CreateLoad(ptr_, addr);
        b_.CreateStore(llvm::ConstantPointerNull::get(ptr_), addr);
        xdecref(old);
        return;
      }
      case Op::LoadDeref: {
        llvm::Value* cell = b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]);
        define_checked(in, call("ufr_cell_get", {cell, constant_ptr(pool_.str(in.text)), b_.getInt32(0)}));
        return;
      }
      case Op::StoreDeref:
        call_void("ufr_cell_set", {b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]), use(in.args[0])});
        return;
      case Op::StoreFree:
        call_void("ufr_cell_set", {b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(ptr_, cells_, uint64_t(in.imm))), use(in.args[0])});
        return;
      case Op::LoadFree: {
        llvm::Value* cell = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(ptr_, cells_, uint64_t(in.imm)));
        std::string name = in.text.empty() ? f_.free_names[size_t(in.imm)] : in.text;
        define_checked(in, call("ufr_cell_get", {cell, constant_ptr(pool_.str(name)), b_.getInt32(1)}));
        return;
      }
      case Op::LoadCellObj: {
        llvm::Value* cell = b_.CreateLoad(ptr_, local_slots_[size_t(in.imm)]);
        incref(cell);
        define(in.result, cell);
        return;
      }
      case Op::LoadFreeCellObj: {
        llvm::Value* cell = b_.CreateLoad(ptr_, b_.CreateConstGEP1_64(ptr_, cells_, uint64_t(in.imm)));
        incref(cell);
        define(in.result, cell);
        return;
      }
      case Op::MakeCell: define(in.result, call("ufr_make_cell", {})); return;
      case Op::LoadGlobal: {
        llvm::Value* v = b_.CreateLoad(ptr_, global_addr(in.imm));
        define(in.result, value_or_call(v, "ufr_load_global_slow", {constant_ptr(globals_), b_.getInt64(in.imm)}, in));
        return;
      }
      case Op::StoreGlobal: {
        llvm::Value* v = use(in.args[0]);
        incref(v);
        llvm::Value* addr = global_addr(in.imm);
        llvm::Value* old = b_.CreateLoad(ptr_, addr);
        b_.CreateStore(v, addr);
        xdecref(old);
        return;
      }
      case Op::Binary:
        if (in.imm2 != 0) {  // list + list, maybe in place (ir.h, kExtendsTemporary)
          define_checked(in, call("ufr_concat_unshared", {use(in.args[0]), use(in.args[1]), b_.getInt64(in.imm2)}));
          return;
        }
        define_checked(in, call("ufr_binary", {use(in.args[0]), use(in.args[1]), b_.getInt32(binary_code(in.imm))}));
        return;
      case Op::Unary: define_checked(in, call("ufr_unary", {use(in.args[0]), b_.getInt32(unary_code(in.imm))})); return;
      case Op::Compare:
        define_checked(in, call("ufr_compare", {use(in.args[0]), use(in.args[1]), b_.getInt32(compare_code(in.imm))}));
        return;
      case Op::Is: {
        llvm::Value* same = b_.CreateICmpEQ(use(in.args[0]), use(in.args[1]));
        if (in.imm) same = b_.CreateNot(same);
        define_const_select(in, same);
        return;
      }
      case Op::Contains:
        define_checked(in, call("ufr_contains", {use(in.args[0]), use(in.args[1]), b_.getInt32(int32_t(in.imm))}));
        return;
      case Op::GetAttr: define_checked(in, call("ufr_getattr", {use(in.args[0]), constant_ptr(pool_.str(in.text))})); return;
      case Op::SetAttr: {
        llvm::Value* r = call("ufr_setattr", {use(in.args[0]), constant_ptr(pool_.str(in.text)), use(in.args[1])});
        check(b_.CreateIsNull(r), in);
        decref(r);
        return;
      }
      case Op::GetItem: define_checked(in, call("ufr_getitem", {use(in.args[0]), use(in.args[1])})); return;
      case Op::BuildSlice: define(in.result, call("ufr_build_slice", uses(in.args))); return;
      case Op::Call: {
        std::vector<llvm::Value*> args = uses(in.args, 1);
        llvm::Value* kw = in.names.empty() ? llvm::ConstantPointerNull::get(ptr_) : constant_ptr(pool_.kwnames(in.names));
        int64_t nargs = int64_t(args.size() - in.names.size());
        define_checked(in, call("ufr_call", {use(in.args[0]), array_of(args), b_.getInt64(nargs), kw}));
        return;
      }
      case Op::CallEx: define_checked(in, call("ufr_call_ex", {use(in.args[0]), use(in.args[1]), use(in.args[2])})); return;
      case Op::BuildTuple: define(in.result, call("ufr_build_tuple", {array_of(uses(in.args)), b_.getInt64(in.args.size())})); return;
      case Op::BuildList: define(in.result, call("ufr_build_list", {array_of(uses(in.args)), b_.getInt64(in.args.size())})); return;
      case Op::BuildSet:
        define_checked(in, in.imm == 0 ? call("ufr_build_set", {array_of(uses(in.args)), b_.getInt64(in.args.size())})
                                        : call("ufr_build_constant_set", {array_of(uses(in.args)), b_.getInt64(in.args.size()),
                                                                          b_.getInt32(int32_t(in.imm == 2))}));
        return;
      case Op::BuildDict:
        define_checked(in, call("ufr_build_dict", {array_of(uses(in.args)), b_.getInt64(in.args.size() / 2)}));
        return;
      case Op::BuildString:
        define(in.result, call("ufr_build_string", {array_of(uses(in.args)), b_.getInt64(in.args.size())}));
        return;
      case Op::FormatValue:
        define_checked(in, call("ufr_format_value", {use(in.args[0]), use(in.args[1]), b_.getInt32(int32_t(in.imm))}));
        return;
      case Op::AccNew: define(in.result, call("ufr_acc_new", {b_.getInt32(int32_t(in.imm))})); return;
      case Op::AccAppend:
        check(b_.CreateICmpSLT(call_i32("ufr_acc_append", uses(in.args)), b_.getInt32(0)), in);
        return;
      case Op::AccExtend:
        check(b_.CreateICmpSLT(call_i32("ufr_acc_extend", uses(in.args)), b_.getInt32(0)), in);
        return;
      case Op::AccSetItem:
        check(b_.CreateICmpSLT(call_i32("ufr_acc_setitem", uses(in.args)), b_.getInt32(0)), in);
        return;
      case Op::AccFinish: define(in.result, call("ufr_acc_finish", {use(in.args[0]), b_.getInt32(int32_t(in.imm))})); return;
      case Op::GetIter: define_checked(in, call("ufr_get_iter", {use(in.args[0])})); return;
      case Op::UnpackSeq: define_checked(in, call("ufr_unpack_seq", {use(in.args[0]), b_.getInt64(in.imm)})); return;
      case Op::UnpackStar:
        define_checked(in, call("ufr_unpack_star", {use(in.args[0]), b_.getInt64(in.imm), b_.getInt64(in.imm2)}));
        return;
      case Op::TupleItem: define(in.result, call("ufr_tuple_item", {use(in.args[0]), b_.getInt64(in.imm)})); return;
      case Op::MakeFunction: {
        std::vector<llvm::Value*> cells = uses(in.args, 2);
        define(in.result, call("ufr_make_function", {constant_ptr(codes_[size_t(in.imm)]), use(in.args[0]), use(in.args[1]),
                                                     array_of(cells), b_.getInt64(cells.size())}));
        return;
      }
      case Op::MakeClass:
        define_checked(in, call("ufr_make_class", {constant_ptr(pool_.str(in.text)), use(in.args[0]), use(in.args[1]),
                                                   use(in.args[2])}));
        return;
      case Op::LocalsDict: {
        std::vector<llvm::Value*> names, values;
        for (int32_t s : in.slots) {
          names.push_back(constant_ptr(pool_.str(f_.local_names[size_t(s)])));
          values.push_back(b_.CreateLoad(ptr_, local_slots_[size_t(s)]));
        }
        define(in.result, call("ufr_locals_dict", {array_of(names, 0), array_of(values, 1), b_.getInt64(in.slots.size())}));
        return;
      }
      case Op::ImportName: define_checked(in, call("ufr_import", {constant_ptr(pool_.str(in.text))})); return;
      case Op::Super: define_checked(in, call("ufr_super", {use(in.args[0]), use(in.args[1])})); return;
      case Op::Yield: define_checked(in, call("ufr_yield", {use(in.args[0])})); return;
      case Op::IterResult: define(in.result, call("ufr_iter_result", {use(in.args[0])})); return;
      case Op::CurrentException: define(in.result, call("ufr_current_exception", {})); return;
      case Op::ExcMatches: define_checked(in, call("ufr_exc_matches", {use(in.args[0]), use(in.args[1])})); return;
      case Op::Release: release_value(in.args[0]); return;
      case Op::Truthy: define_checked(in, call("ufr_truthy", {use(in.args[0])})); return;
      case Op::Jump:
        release_live();
        if (in.targets[0] <= current_index_) poll_interrupt(in);  // a loop's back edge
        b_.CreateBr(blocks_[size_t(in.targets[0])]);
        return;
      case Op::Branch: gen_branch(in); return;
      case Op::ForIter: gen_for_iter(in); return;
      case Op::Return: {
        llvm::Value* v = use(in.args[0]);
        incref(v);
        release_live();
        ret_phi_->addIncoming(v, b_.GetInsertBlock());
        b_.CreateBr(return_block_);
        return;
      }
      case Op::Raise:
        call_void("ufr_raise", {use(in.args[0]), use(in.args.size() > 1 ? in.args[1] : ir::kNoValue),
                                use(in.args.size() > 2 ? in.args[2] : ir::kNoValue)});
        fail_to_handler(in);
        live_.clear();
        return;
      case Op::Reraise:
        call_void("ufr_reraise", {use(in.args[0])});
        fail_to_handler(in, false);
        live_.clear();
        return;
      case Op::AssertFail:
        call_void("ufr_assert_fail", {use(in.args.empty() ? ir::kNoValue : in.args[0])});
        fail_to_handler(in);
        live_.clear();
        return;
    }
  }

  void define_const_select(const ir::Instr& in, llvm::Value* cond) {
    llvm::Value* v = b_.CreateSelect(cond, constant_ptr(py_true()), constant_ptr(py_false()));
    incref(v);
    define(in.result, v);
  }

  // Loops without calls must still notice Runtime::interrupt(): one load and a rarely taken
  // branch per iteration.
  // `v` (a borrowed slot value) as a new reference, or when it is null what `fallback(args)`
  // returns (a new reference, or null with an exception set: the handler).
  llvm::Value* value_or_call(llvm::Value* v, const char* fallback, std::vector<llvm::Value*> args, const ir::Instr& in) {
    llvm::BasicBlock* slow = llvm::BasicBlock::Create(ctx_, "slot_empty", fn_);
    llvm::BasicBlock* fast = llvm::BasicBlock::Create(ctx_, "slot_set", fn_);
    llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "slot_done", fn_);
    b_.CreateCondBr(b_.CreateIsNull(v), slow, fast);
    b_.SetInsertPoint(fast);
    incref(v);
    llvm::BasicBlock* fast_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    llvm::Value* s = call(fallback, std::move(args));
    check(b_.CreateIsNull(s), in);
    llvm::BasicBlock* slow_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(ptr_, 2);
    phi->addIncoming(v, fast_end);
    phi->addIncoming(s, slow_end);
    return phi;
  }

  void poll_interrupt(const ir::Instr& in) {
    // Volatile: another thread sets the flag, so the load must not be hoisted out of the loop.
    llvm::Value* flag = b_.CreateLoad(b_.getInt8Ty(), constant_ptr(&g_interrupt_requested), /*isVolatile=*/true);
    llvm::BasicBlock* poll = llvm::BasicBlock::Create(ctx_, "poll", fn_);
    llvm::BasicBlock* cont = llvm::BasicBlock::Create(ctx_, "no_interrupt", fn_);
    b_.CreateCondBr(b_.CreateICmpNE(flag, b_.getInt8(0)), poll, cont, unlikely());
    b_.SetInsertPoint(poll);
    check(b_.CreateICmpEQ(call_i32("ufr_poll_interrupt", {}), b_.getInt32(0)), in);
    b_.CreateBr(cont);
    b_.SetInsertPoint(cont);
  }

  void gen_branch(const ir::Instr& in) {
    llvm::Value* v = use(in.args[0]);
    // Fast path for the bools comparisons produce; anything else asks the runtime.
    llvm::Value* is_true = b_.CreateICmpEQ(v, constant_ptr(py_true()));
    llvm::Value* is_bool = b_.CreateOr(is_true, b_.CreateICmpEQ(v, constant_ptr(py_false())));
    llvm::BasicBlock* fast = b_.GetInsertBlock();
    llvm::BasicBlock* slow = llvm::BasicBlock::Create(ctx_, "truth", fn_);
    llvm::BasicBlock* join = llvm::BasicBlock::Create(ctx_, "decided", fn_);
    b_.CreateCondBr(is_bool, join, slow);
    b_.SetInsertPoint(slow);
    llvm::Value* t = call_i32("ufr_truth", {v});
    check(b_.CreateICmpSLT(t, b_.getInt32(0)), in);
    llvm::Value* slow_taken = b_.CreateICmpNE(t, b_.getInt32(0));
    llvm::BasicBlock* slow_end = b_.GetInsertBlock();
    b_.CreateBr(join);
    b_.SetInsertPoint(join);
    llvm::PHINode* taken = b_.CreatePHI(b_.getInt1Ty(), 2);
    taken->addIncoming(is_true, fast);
    taken->addIncoming(slow_taken, slow_end);
    release_live();
    b_.CreateCondBr(taken, blocks_[size_t(in.targets[0])], blocks_[size_t(in.targets[1])]);
  }

  void gen_for_iter(const ir::Instr& in) {
    llvm::Value* v = call("ufr_for_iter", {use(in.args[0])});
    llvm::BasicBlock* got = llvm::BasicBlock::Create(ctx_, "item", fn_);
    llvm::BasicBlock* end = llvm::BasicBlock::Create(ctx_, "iter_end", fn_);
    b_.CreateCondBr(b_.CreateIsNull(v), end, got);
    b_.SetInsertPoint(end);
    check(b_.CreateICmpNE(call_i32("ufr_error_pending", {}), b_.getInt32(0)), in);
    std::vector<ir::ValueId> live = live_;
    release_live();
    b_.CreateBr(blocks_[size_t(in.targets[1])]);
    live_ = live;
    b_.SetInsertPoint(got);
    define(in.result, v);
    release_live();
    b_.CreateBr(blocks_[size_t(in.targets[0])]);
  }

  Obj* big_int_constant(const std::string& digits) {
    Obj* o = int_from_string(digits, 10);
    if (!o) UFORA_INTERNAL_ERROR("bad integer literal " + digits);
    return o;
  }

  llvm::Module& m_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  const ir::Function& f_;
  const CodeInfo* code_;
  ModuleObj* globals_;
  const std::vector<CodeInfo*>& codes_;
  ConstantPool& pool_;
  llvm::Function* fn_;
  llvm::PointerType* ptr_;
  llvm::Type* i64_;
  llvm::Type* i32_;
  llvm::Value* params_ = nullptr;
  llvm::Value* cells_ = nullptr;
  std::vector<llvm::AllocaInst*> value_slots_, local_slots_;
  std::vector<bool> crosses_;
  std::vector<ir::ValueId> live_;                        // registers owned, in definition order
  std::unordered_map<ir::ValueId, llvm::Value*> regs_;
  llvm::AllocaInst* scratch_[2] = {nullptr, nullptr};
  size_t max_args_ = 0;
  std::vector<llvm::BasicBlock*> blocks_;
  llvm::BasicBlock* return_block_ = nullptr;
  llvm::BasicBlock* error_exit_ = nullptr;
  llvm::PHINode* ret_phi_ = nullptr;
  const ir::Block* current_ = nullptr;
  int32_t current_index_ = 0;
};

}  // namespace

CodegenResult generate_llvm(const ir::Program& program, ModuleObj* globals, const std::vector<CodeInfo*>& codes,
                            ConstantPool& pool, llvm::LLVMContext& context) {
  static std::atomic<int64_t> module_counter{0};
  int64_t id = module_counter++;
  CodegenResult result;
  result.module = std::make_unique<llvm::Module>("ufora_module_" + std::to_string(id), context);
  llvm::PointerType* ptr = llvm::PointerType::get(context, 0);
  llvm::FunctionType* type = llvm::FunctionType::get(ptr, {ptr, ptr}, false);
  std::vector<llvm::Function*> fns;
  for (size_t i = 0; i < program.functions.size(); ++i) {
    std::string sym = "ufora_m" + std::to_string(id) + "_f" + std::to_string(i);
    result.symbols.push_back(sym);
    fns.push_back(llvm::Function::Create(type, llvm::Function::ExternalLinkage, sym, *result.module));
  }
  for (size_t i = 0; i < program.functions.size(); ++i) {
    FunctionCodegen g(*result.module, program.functions[i], codes[i], globals, codes, pool, fns[i]);
    g.generate();
  }
  return result;
}

}  // namespace ufora::jit
