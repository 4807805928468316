// KernelCodegen (kernel_codegen.h): comprehensions compiled inline where sum / min / max /
// any / all / len consumes them, with Python's results, and the same reductions over a
// sequence. In parallel code, a comprehension over a range or a sequence is split into parts
// instead (kernel_parallel_parts.cpp).

#include <cstdio>

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

// Compiles this (comprehension) function's body at `parent`'s insertion point: `.0` is
// `source`, free variable i is `free[i]`, each yielded or appended value goes to
// `on_element` (emitted with the parent's builder), and the end branches to `done`.
void KernelCodegen::generate_inline(KernelCodegen& parent, const IterState& source, std::vector<Slot> free,
                                    std::function<void(llvm::Value*, Scalar)> on_element,
                                    llvm::BasicBlock* done) {
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

void KernelCodegen::emit_element(llvm::Value* v, Scalar s) {
  KernelCodegen& parent = *inline_->parent;
  parent.b_.SetInsertPoint(b_.GetInsertBlock());
  inline_->on_element(v, s);
  b_.SetInsertPoint(parent.b_.GetInsertBlock());
}

KernelCodegen::Reducer KernelCodegen::begin_reduce(const std::string& name, Scalar result, llvm::BasicBlock* decided) {
  Reducer r{name, result, scratch(type(result)), scratch(b_.getInt1Ty()), decided};
  b_.CreateStore(b_.getInt1(false), r.seen);
  if (name == "sum" || name == "len")
    b_.CreateStore(result == Scalar::Float ? static_cast<llvm::Value*>(llvm::ConstantFP::get(b_.getDoubleTy(), 0.0)) : b_.getInt64(0), r.acc);
  else if (name == "any" || name == "all")
    b_.CreateStore(b_.getInt1(name == "all"), r.acc);
  return r;
}

// A sum of bools or of the constants 0 and 1 (`sum(1 for x in xs if p(x))`, `sum(x > 0 for x
// in xs)`) grows by at most one an element: it cannot reach 2**63 in a loop that ends, so it
// needs no overflow check, and without that branch LLVM turns the filter into a select (a
// filter that passes one element in 8 at random: a mispredicted branch each time).
static bool counts_by_one(llvm::Value* v, Scalar s) {
  if (s == Scalar::Bool) return true;
  auto* c = llvm::dyn_cast<llvm::ConstantInt>(v);
  return c && (c->isZero() || c->isOne());
}

void KernelCodegen::reduce_element(const Reducer& r, llvm::Value* v, Scalar s) {
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
    else if (counts_by_one(v, s)) next = b_.CreateAdd(cur, s == Scalar::Bool ? b_.CreateZExt(v, b_.getInt64Ty()) : v);
    else next = overflow_op(llvm::Intrinsic::sadd_with_overflow, cur, v);
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

void KernelCodegen::guard_nonempty(const Reducer& r) {
  if ((r.name == "sum" && r.result == Scalar::Float) || r.name == "min" || r.name == "max")
    guard(b_.CreateLoad(b_.getInt1Ty(), r.seen));
}

llvm::Value* KernelCodegen::consume(const std::string& name, ir::ValueId lazy_value, Scalar result) {
  const Lazy& lazy = lazies_.at(lazy_value);
  const ir::TypedFunction& body = *t_.comprehensions.at(lazy_value);
  if (parallel_enabled() && splittable(lazy.source)) return consume_in_parallel(name, lazy, body, result, false);
  // Without parallel code (UFORA_NO_PARALLEL=1), a reduction filtered by `key == c` still gets
  // its keyed pass, over one leaf in Python's order: that is not parallelism.
  if (!parallel_code() && splittable(lazy.source) && key_filter(name, body, result)) return consume_in_parallel(name, lazy, body, result, true);
  if (parallel_enabled() && dump_enabled("parallel"))
    fprintf(stderr, "parallel: %s:%d: %s(...) runs sequentially: it loops over something other than ranges, sequences and enumerate/zip of them\n",
            p_.file.c_str(), body.function >= 0 ? p_.functions[size_t(body.function)].span.line : 0, name.c_str());
  llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "comprehension_done", fn_);
  llvm::BasicBlock* exit = llvm::BasicBlock::Create(ctx_, "consumed", fn_);
  Reducer r = begin_reduce(name, result, exit);
  KernelCodegen inner(m_, p_, body, fn_, kernels_, globals_, pool_, index_of_);
  inner.varying_globals_ = varying_globals_;
  inner.sequential_ = sequential_;
  inner.generate_inline(*this, lazy.source, lazy.cells, [&](llvm::Value* v, Scalar s) { reduce_element(r, v, s); }, done);
  guard_nonempty(r);
  b_.CreateBr(exit);
  b_.SetInsertPoint(exit);
  return b_.CreateLoad(type(result), r.acc);
}

llvm::Value* KernelCodegen::reduce_sequence(const std::string& name, llvm::Value* seq, Scalar result) {
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

}  // namespace ufora::jit::detail
