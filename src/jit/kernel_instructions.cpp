// KernelCodegen (kernel_codegen.h): one IR instruction at a time. gen() is the dispatch over
// opcodes; gen_call() the calls: other kernels, builtins over scalars, and the iterables and
// comprehensions that the loops and reductions of the other files consume.

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

void KernelCodegen::gen(const ir::Instr& in) {
  switch (in.op) {
    case Op::ConstInt:
      constant_ints_[in.result] = b_.getInt64(uint64_t(in.imm));
      set(in.result, constant_ints_[in.result]);
      return;
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
      share_unless_fresh(in.args[0]);
      b_.CreateStore(get(in.args[0]), locals_[size_t(in.imm)]);
      b_.CreateStore(b_.getInt1(true), bound_[size_t(in.imm)]);
      return;
    case Op::MakeCell: new_cells_.insert(in.result); return;
    case Op::ConstNone: return;
    case Op::BuildSlice: slices_[in.result] = {in.args[0], in.args[1], in.args[2]}; return;
    case Op::BuildList: gen_build_list(in); return;
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
    case Op::Yield: {  // a constant stays one, so that the consumer can see it (counts_by_one)
      auto c = constant_ints_.find(in.args[0]);
      emit_element(c != constant_ints_.end() ? c->second : get(in.args[0]), ty(in.args[0]));
      return;
    }
    case Op::AccAppend: emit_element(get(in.args[1]), ty(in.args[1])); return;
    case Op::AccSetItem: emit_element(get(in.args[size_t(t_.dict_part)]), ty(in.args[size_t(t_.dict_part)])); return;
    case Op::AccNew:
    case Op::AccFinish: return;
    case Op::Release: return;
    case Op::Binary: {
      auto k = BinOpKind(in.imm);
      Scalar r = ty(in.result);
      if (ir::is_sequence(r)) {
        gen_sequence_add(in);
      } else if (r == Scalar::Float) {
        set(in.result, float_binary(k, as_float(in.args[0]), as_float(in.args[1])));
      } else if (k == BinOpKind::Div) {
        set(in.result, float_binary(k, as_float(in.args[0]), as_float(in.args[1])));
      } else if (r == Scalar::Bool) {
        llvm::Value* a = get(in.args[0]);
        llvm::Value* b = get(in.args[1]);
        set(in.result, k == BinOpKind::BitAnd ? b_.CreateAnd(a, b) : k == BinOpKind::BitOr ? b_.CreateOr(a, b) : b_.CreateXor(a, b));
      } else if (unit_adds_.count(in.result)) {  // a counter's step (unit_step_adds)
        set(in.result, b_.CreateAdd(as_int(in.args[0]), as_int(in.args[1])));
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
    case Op::Compare:
      if (keyed_ && in.result == keyed_->filter.compare) {
        gen_key_check(in);
        return;
      }
      set(in.result, compare(CmpKind(in.imm), in.args[0], in.args[1]));
      return;
    case Op::Truthy: set(in.result, truth(in.args[0])); return;
    case Op::LoadGlobal: {
      // The value seen now is compiled in; the module's entry checks it is still the value
      // (typed_codegen.cpp), and no module code can rebind it while a kernel runs. A number
      // that module code keeps rebinding is read instead (its type checked at the entry).
      Obj* g = globals_->globals[size_t(in.imm)];
      if (g && is_unboxed_number(g)) {
        if (varying_globals_ && varying_globals_->count(in.imm)) {
          set(in.result, load_number_global(in.imm, g->tag));
          return;
        }
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
      if (slices_.count(in.args[1])) {
        gen_slice(in);
        return;
      }
      llvm::Value* seq = get(in.args[0]);
      llvm::Value* i = as_int(in.args[1]);
      llvm::Value* size = emit_sequence_size(b_, seq);
      i = b_.CreateSelect(b_.CreateICmpSLT(i, b_.getInt64(0)), b_.CreateAdd(i, size), i);
      // This piece's indexes are all in range (guarded_part): no check.
      if (!trusted_reads_.count(in.result)) guard(b_.CreateICmpULT(i, size));  // IndexError in Python
      set(in.result, emit_sequence_element(b_, seq, i, type(ty(in.result))));
      return;
    }
    case Op::GetIter:
      share_list(in.args[0]);
      iters_[in.result] = start_iteration(iterable(in.args[0]));
      return;
    case Op::ForIter: {
      // A loop whose locals only accumulate runs as a parallel reduction (loop_reduction.cpp).
      if (parallel_enabled() && !inline_ && !loop_part_ && gen_parallel_loop(in)) return;
      // The interrupt poll of a for loop: here every iteration passes, whichever path (a
      // failed filter, a continue) brought it back. Back edges to this block do not poll.
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
      b_.CreateBr(back_edge_target(in.targets[0]));
      return;
    case Op::Branch: {
      llvm::Value* cond = truth(in.args[0]);
      b_.CreateCondBr(cond, back_edge_target(in.targets[0]), back_edge_target(in.targets[1]));
      return;
    }
    case Op::Return:
      if (inline_) {  // the comprehension is exhausted
        b_.CreateBr(inline_->done);
        return;
      }
      if (auto tuple = tuples_.find(in.args[0]); tuple != tuples_.end() && !t_.result_tuple.empty()) {
        // A tuple result: one 64-bit slot per item.
        for (size_t i = 0; i < t_.result_tuple.size(); ++i)
          b_.CreateStore(to_bits(tuple->second[i], t_.result_tuple[i]), b_.CreateConstGEP1_64(b_.getInt64Ty(), fn_->getArg(0), i));
        b_.CreateRet(kernel_return(to_bits(tuple->second[0], t_.result_tuple[0]), true));
        return;
      }
      b_.CreateRet(kernel_return(to_bits(get(in.args[0]), ty(in.args[0])), true));
      return;
    default: UFORA_UNREACHABLE_KERNEL();
  }
}

llvm::BasicBlock* KernelCodegen::back_edge_target(ir::BlockId target) {
  llvm::BasicBlock* to = blocks_[size_t(target)];
  const std::vector<ir::Instr>& head = f_.blocks[size_t(target)].instrs;
  bool for_header = !head.empty() && head[0].op == Op::ForIter;  // it polls itself
  if (target > current_block_ || for_header) return to;
  // A while loop's back edge (or a continue's): poll for interrupts on the way.
  llvm::BasicBlock* here = b_.GetInsertBlock();
  llvm::BasicBlock* edge = llvm::BasicBlock::Create(ctx_, "back_edge", fn_);
  b_.SetInsertPoint(edge);
  poll_interrupt();
  b_.CreateBr(to);
  b_.SetInsertPoint(here);
  return edge;
}

void KernelCodegen::gen_call(const ir::Instr& in) {
  if (auto c = closures_.find(in.args[0]); c != closures_.end()) {  // runs where it is consumed
    lazies_[in.result] = Lazy{c->second, iters_.at(in.args[1])};
    if (ir::is_list(ty(in.result))) set(in.result, materialised_list(in.result));  // kept as a value: runs now
    return;
  }
  // sum(...), len(...) of a comprehension run it inline; a list built (materialised_list)
  // and passed to a kernel is an argument like any other.
  if (in.args.size() == 2 && lazies_.count(in.args[1]) && !ir::is_list(ty(in.args[1]))) {
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
    std::vector<Scalar> tuple = result_tuple_of(callee);
    llvm::Value* items = scratch(llvm::ArrayType::get(b_.getInt64Ty(), std::max<size_t>(tuple.size(), 1)));
    std::vector<llvm::Value*> call_args = {items, b_.CreateAdd(depth_, b_.getInt32(1))};
    for (ir::ValueId a : args) call_args.push_back(to_bits(get(a), ty(a)));
    llvm::Value* r = b_.CreateCall(callee, call_args);
    guard(b_.CreateExtractValue(r, 1));
    if (tuple.empty()) {
      set(in.result, from_bits(b_.CreateExtractValue(r, 0), ty(in.result)));
    } else {  // only unpacked: its items, read from the slots the callee wrote
      std::vector<llvm::Value*>& out = tuples_[in.result];
      for (size_t i = 0; i < tuple.size(); ++i)
        out.push_back(from_bits(b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP1_64(b_.getInt64Ty(), items, i)), tuple[i]));
    }
    return;
  }
  if (name == "list") {
    gen_list_copy(in);
    return;
  }
  if (name == "range" || name == ".while_count") {  // .while_count(a, b) of ints is range(a, b)
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

}  // namespace ufora::jit::detail
