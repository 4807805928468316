// KernelCodegen (kernel_codegen.h): reductions and list comprehensions run over the fixed tree
// of runtime/parallel_reduce.h. The comprehension's body becomes a part function over items
// [lo, hi), which the runtime calls on whatever threads it uses; it reads the source and the
// free variables from an environment (part_environment).

#include <cstddef>
#include <type_traits>

#include "jit/kernel_codegen.h"
#include "runtime/list_builder.h"
#include "runtime/grouped_reduce.h"

namespace ufora::jit::detail {

ReduceOp KernelCodegen::reduce_op(const std::string& name, Scalar result) {
  bool floating = result == Scalar::Float;
  if (name == "sum") return floating ? ReduceOp::SumFloat : ReduceOp::SumInt;
  if (name == "min") return floating ? ReduceOp::MinFloat : ReduceOp::MinInt;
  if (name == "max") return floating ? ReduceOp::MaxFloat : ReduceOp::MaxInt;
  if (name == "any") return ReduceOp::Any;
  if (name == "all") return ReduceOp::All;
  return ReduceOp::Count;
}

// The reduction runs over the fixed tree of parallel_reduce: the body is compiled into a
// part function over items [lo, hi), which the runtime calls on whatever threads it uses.
// Environment slots: the source (range: first value, step; sequence: header, first
// index), the call depth, then the free variables.
llvm::Value* KernelCodegen::consume_in_parallel(const std::string& name, const Lazy& lazy,
                                                const ir::TypedFunction& body, Scalar result, bool one_leaf) {
  const IterState& src = lazy.source;
  std::vector<Scalar> free_types;
  PartSource ps = part_source(src);
  llvm::Value* env = part_environment(src, ps, lazy.cells, free_types);
  llvm::Value* count = remaining_items(src);
  llvm::Function* part = make_part(name, body, result, ps, free_types);
  llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
  llvm::Value* out = scratch(partial);
  llvm::Value* op = b_.getInt32(int32_t(reduce_op(name, result)));
  llvm::Value* ok;
  if (std::optional<KeyFilter> filter = key_filter(name, body, result)) {
    // Filtered by `key == c`: the runtime may compute it for every c at once (kernel_keyed_parts.cpp).
    llvm::Function* keyed = make_keyed_part(name, body, result, ps, free_types, *filter);
    auto fn = m_.getOrInsertFunction("ufr_parallel_reduce_keyed", b_.getInt32Ty(), b_.getInt32Ty(), b_.getInt64Ty(), b_.getPtrTy(),
                                     b_.getPtrTy(), b_.getPtrTy(), b_.getInt32Ty(), b_.getInt32Ty(), b_.getInt32Ty(), b_.getPtrTy());
    ok = b_.CreateCall(fn, {op, count, part, keyed, env, b_.getInt32(int32_t(ps.head + free_types.size())),
                            b_.getInt32(int32_t(ps.head + filter->free_index)), b_.getInt32(one_leaf ? 1 : 0), out});
    if (dump_enabled("parallel"))
      fprintf(stderr, "parallel: %s:%d: %s(...) filtered by `== %s`: asked again for another value, it is computed for every value in 0..%d at once\n",
              p_.file.c_str(), body.function >= 0 ? p_.functions[size_t(body.function)].span.line : 0, name.c_str(),
              p_.functions[size_t(body.function)].free_names.at(filter->free_index).c_str(), kGroupKeys - 1);
  } else {
    ok = b_.CreateCall(parallel_reduce_fn(), {op, count, part, env, out});
  }
  guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
  llvm::Value* acc_bits = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP2_64(partial, out, 0, 0));
  llvm::Value* seen = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP2_64(partial, out, 0, 1));
  if ((name == "sum" && result == Scalar::Float) || name == "min" || name == "max") guard(b_.CreateICmpNE(seen, b_.getInt64(0)));
  return from_bits(acc_bits, result);
}

// What a part function reads (generate_part): the source (range: first value, step;
// sequence: header, first index), the call depth, then the free variables' values.
llvm::Value* KernelCodegen::part_environment(const IterState& src, const PartSource& ps, const std::vector<Slot>& free,
                                             std::vector<Scalar>& free_types) {
  llvm::Type* env_type = nullptr;
  llvm::Value* env = part_env_head(src, ps, free.size(), env_type);
  auto env_slot = [&](size_t i) { return b_.CreateConstGEP2_64(env_type, env, 0, i); };
  for (size_t i = 0; i < free.size(); ++i) {
    const Slot& cell = free[i];
    guard(b_.CreateLoad(b_.getInt1Ty(), cell.bound));  // NameError in Python
    b_.CreateStore(to_bits(b_.CreateLoad(type(cell.type), cell.value), cell.type), env_slot(ps.head + i));
    free_types.push_back(cell.type);
  }
  return env;
}

llvm::FunctionCallee KernelCodegen::parallel_reduce_fn() {
  return m_.getOrInsertFunction("ufr_parallel_reduce", b_.getInt32Ty(), b_.getInt32Ty(), b_.getInt64Ty(), b_.getPtrTy(),
                                b_.getPtrTy(), b_.getPtrTy());
}

llvm::FunctionCallee KernelCodegen::list_new_fn() {
  return m_.getOrInsertFunction("ufr_k_list_new", b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty());
}

llvm::FunctionCallee KernelCodegen::list_push_fn() {
  return m_.getOrInsertFunction("ufr_k_list_push", b_.getVoidTy(), b_.getPtrTy(), b_.getInt64Ty());
}

void KernelCodegen::emit_list_push(llvm::Value* builder, llvm::Value* tail, llvm::Value* bits) {
  using Tail = ListBuilder::Tail;
  static_assert(std::is_standard_layout_v<Tail>, "kernels read ListBuilder::Tail's fields by offset");
  llvm::Value* size_at = b_.CreateConstGEP1_64(b_.getInt8Ty(), tail, offsetof(Tail, size));
  llvm::Value* size = b_.CreateLoad(b_.getInt64Ty(), size_at);
  llvm::Value* capacity = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP1_64(b_.getInt8Ty(), tail, offsetof(Tail, capacity)));
  llvm::BasicBlock* room = llvm::BasicBlock::Create(ctx_, "push_inline", fn_);
  llvm::BasicBlock* full = llvm::BasicBlock::Create(ctx_, "push_grow", fn_);
  llvm::BasicBlock* pushed = llvm::BasicBlock::Create(ctx_, "pushed", fn_);
  b_.CreateCondBr(b_.CreateICmpSLT(size, capacity), room, full, llvm::MDBuilder(ctx_).createBranchWeights(1000, 1));
  b_.SetInsertPoint(room);
  llvm::Value* data = b_.CreateLoad(b_.getPtrTy(), b_.CreateConstGEP1_64(b_.getInt8Ty(), tail, offsetof(Tail, data)));
  b_.CreateStore(bits, b_.CreateGEP(b_.getInt64Ty(), data, size));
  b_.CreateStore(b_.CreateAdd(size, b_.getInt64(1)), size_at);
  b_.CreateBr(pushed);
  b_.SetInsertPoint(full);  // a new buffer: the builder's own push
  b_.CreateCall(list_push_fn(), {builder, bits});
  b_.CreateBr(pushed);
  b_.SetInsertPoint(pushed);
}

llvm::Value* KernelCodegen::list_tail(llvm::Value* builder) {
  return b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_tail", b_.getPtrTy(), b_.getPtrTy()), {builder});
}

llvm::FunctionCallee KernelCodegen::list_discard_fn() {
  return m_.getOrInsertFunction("ufr_k_list_discard", b_.getVoidTy(), b_.getPtrTy());
}

llvm::Function* KernelCodegen::make_part(const std::string& name, const ir::TypedFunction& body, Scalar result,
                                         const PartSource& source, const std::vector<Scalar>& free_types) {
  return comprehension_piece("part", body, source, free_types,
                             [&](KernelCodegen& part) { part.generate_part(name, result, source, free_types); });
}

void KernelCodegen::generate_part(const std::string& name, Scalar result, const PartSource& ps,
                                  const std::vector<Scalar>& free_types) {
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
  bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
  b_.SetInsertPoint(entry);
  // "list": the part builds its slice of a list comprehension's result (ReduceOp::Concat).
  llvm::Value* builder = nullptr;
  if (name == "list") {
    llvm::Value* kind = b_.getInt64(int64_t(result == Scalar::Float ? PackedKind::Float : PackedKind::Int));
    // Its elements go to the comprehension's shared block from item lo on (list_builder.h).
    builder = b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_new_part", b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty(),
                                                   b_.getInt64Ty(), b_.getPtrTy()),
                            {kind, fn_->getArg(1), fn_->getArg(2), fn_->getArg(3)});
  }
  b_.SetInsertPoint(bail_);
  if (builder) b_.CreateCall(list_discard_fn(), {builder});
  b_.CreateRet(b_.getInt32(0));
  b_.SetInsertPoint(entry);
  llvm::Value* env = fn_->getArg(0);
  llvm::Value* lo = fn_->getArg(1);
  llvm::Value* hi = fn_->getArg(2);
  depth_ = b_.CreateTrunc(part_env_value(0), b_.getInt32Ty());
  IterState source = part_iteration(ps, lo, hi, env);
  std::vector<Slot> free;
  for (size_t i = 0; i < free_types.size(); ++i)
    free.push_back(Slot{slot_holding(from_bits(part_env_value(ps.head + i), free_types[i])), slot_holding(b_.getInt1(true)), free_types[i]});
  llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "part_done", fn_);
  llvm::BasicBlock* finish = llvm::BasicBlock::Create(ctx_, "part_finish", fn_);
  llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
  if (builder) {
    llvm::Value* tail = list_tail(builder);
    generate_inline(*this, source, std::move(free), [&](llvm::Value* v, Scalar s) { emit_list_push(builder, tail, to_bits(v, s)); }, done);
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

void KernelCodegen::generate_list_entry() {
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
    PartSource ps = part_source(source);
    llvm::Value* env = part_environment(source, ps, free, free_types);
    llvm::Function* part = make_part("list", t_, element, ps, free_types);
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
  llvm::Value* builder = b_.CreateCall(list_new_fn(), {b_.getInt64(int64_t(element == Scalar::Float ? PackedKind::Float : PackedKind::Int)),
                                                       remaining_items(source)});
  llvm::Value* tail = list_tail(builder);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "list_done", fn_);
  generate_inline(*this, source, std::move(free), [&](llvm::Value* v, Scalar s) { emit_list_push(builder, tail, to_bits(v, s)); }, done);
  llvm::Value* list = b_.CreateCall(m_.getOrInsertFunction("ufr_k_list_finish", b_.getPtrTy(), b_.getPtrTy()), {builder});
  b_.CreateStore(b_.CreatePtrToInt(list, b_.getInt64Ty()), fn_->getArg(0));
  b_.CreateRet(b_.getInt1(true));
  // Giving up frees what was built so far.
  b_.SetInsertPoint(bail_);
  b_.CreateCall(list_discard_fn(), {builder});
  b_.CreateRet(b_.getInt1(false));
}

}  // namespace ufora::jit::detail
