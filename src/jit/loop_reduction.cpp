// `for` loops of typed kernels that only accumulate (lower/loop_reductions.h) run over the
// fixed tree of runtime/parallel_reduce.h, all their accumulators in one pass.
//
// The loop's body becomes a part function over items [lo, hi): it starts from the kernel's
// locals (passed in an environment), except that the accumulators start from their
// operation's identity in every piece but the first, which starts from their real values
// and so runs exactly Python's order. The pieces' accumulators are combined left to right.
// A piece that gives up (overflow, an index out of range, ...) makes the loop give up, and
// the boxed code runs the whole call as Python would.
#include <cmath>
#include <limits>

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

namespace {

ReduceOp reduce_op_of(ir::LoopAccOp op, Scalar t) {
  switch (op) {
    case ir::LoopAccOp::Sum: return t == Scalar::Float ? ReduceOp::SumFloat : ReduceOp::SumInt;
    case ir::LoopAccOp::Product: return ReduceOp::ProductInt;
    case ir::LoopAccOp::BitAnd: return ReduceOp::All;
    case ir::LoopAccOp::BitOr: return ReduceOp::Any;
    case ir::LoopAccOp::BitXor: return ReduceOp::Xor;
    case ir::LoopAccOp::Min: return t == Scalar::Float ? ReduceOp::MinFloat : ReduceOp::MinInt;
    case ir::LoopAccOp::Max: return t == Scalar::Float ? ReduceOp::MaxFloat : ReduceOp::MaxInt;
    case ir::LoopAccOp::And: return ReduceOp::All;
    case ir::LoopAccOp::Or: return ReduceOp::Any;
  }
  return ReduceOp::SumInt;
}

}  // namespace

void KernelCodegen::gen_block(size_t i) {
  b_.SetInsertPoint(blocks_[i]);
  current_block_ = int32_t(i);
  if (dead_blocks_.count(ir::BlockId(i))) {  // its loop runs in parts instead
    b_.CreateUnreachable();
    return;
  }
  const std::vector<ir::Instr>& instrs = f_.blocks[i].instrs;
  for (size_t k = 0; k < instrs.size(); ++k) {
    if (size_t j = fork_partner(instrs, k)) {
      gen_forked(instrs, k, j);
      k = j;
      continue;
    }
    gen(instrs[k]);
  }
  if (!b_.GetInsertBlock()->getTerminator()) b_.CreateUnreachable();
}

const ir::LoopPlan* KernelCodegen::loop_plan(ir::BlockId header) {
  if (!loop_plans_) {
    // Globals that hold nothing at compile time are the builtins (as gen_call decides).
    auto globals = [&](int64_t slot) {
      ir::GlobalTarget g;
      if (globals_->globals[size_t(slot)]) return g;
      const std::string& name = p_.global_names[size_t(slot)];
      if (name == "min") g.kind = ir::GlobalTarget::Min;
      if (name == "max") g.kind = ir::GlobalTarget::Max;
      return g;
    };
    loop_plans_ = ir::analyse_loops(p_, f_, t_.local_types, globals);
    if (dump_enabled("loops") && !loop_plans_->empty())
      fprintf(stderr, "loops: %s\n%s", f_.qualname.c_str(), ir::describe_loops(f_, *loop_plans_).c_str());
  }
  for (const ir::LoopPlan& plan : *loop_plans_)
    if (plan.header == header) return &plan;
  return nullptr;
}

llvm::Value* KernelCodegen::loop_identity(ir::LoopAccOp op, Scalar t) {
  using Op = ir::LoopAccOp;
  if (t == Scalar::Float) {
    double inf = std::numeric_limits<double>::infinity();
    // -0.0 + x is x for every x, -0.0 included (0.0 + -0.0 would be 0.0).
    double v = op == Op::Max ? -inf : op == Op::Min ? inf : -0.0;
    return llvm::ConstantFP::get(b_.getDoubleTy(), v);
  }
  if (t == Scalar::Bool) return b_.getInt1(op == Op::BitAnd || op == Op::And || op == Op::Min);
  switch (op) {
    case Op::Product: return b_.getInt64(1);
    case Op::BitAnd: return b_.getInt64(uint64_t(-1));
    case Op::Max: return b_.getInt64(uint64_t(std::numeric_limits<int64_t>::min()));
    case Op::Min: return b_.getInt64(uint64_t(std::numeric_limits<int64_t>::max()));
    default: return b_.getInt64(0);
  }
}

// The kernel's frame travels to the parts as [source, source, depth, local values...,
// local bound flags...], 64 bits each.
bool KernelCodegen::gen_parallel_loop(const ir::Instr& in) {
  const ir::LoopPlan* plan = loop_plan(current_block_);
  const IterState& src = iters_.at(in.args[0]);
  std::string why;
  int32_t line = in.span.line;
  if (!plan) {
    why = "its shape is not a plain loop";
  } else if (!plan->parallel()) {
    why = plan->why;
    line = plan->why_line;
  } else if (!splittable(src)) {
    why = "it loops over something other than ranges, sequences and enumerate/zip of them";
  }
  if (!why.empty()) {
    if (dump_enabled("parallel"))
      fprintf(stderr, "parallel: %s:%d: the for loop in %s runs sequentially: %s\n", p_.file.c_str(), line,
              f_.qualname.c_str(), why.c_str());
    return false;
  }
  size_t n_locals = f_.local_names.size();
  llvm::Type* env_type = nullptr;
  PartSource ps = part_source(src);
  llvm::Value* env = part_env_head(src, ps, 2 * n_locals, env_type);
  auto env_slot = [&](size_t i) { return b_.CreateConstGEP2_64(env_type, env, 0, i); };
  llvm::Value* count = remaining_items(src);
  for (size_t i = 0; i < n_locals; ++i) {
    Scalar t = t_.local_types[i];
    if (locals_[i]) b_.CreateStore(to_bits(b_.CreateLoad(type(t), locals_[i]), t), env_slot(ps.head + i));
    b_.CreateStore(b_.CreateZExt(b_.CreateLoad(b_.getInt1Ty(), bound_[i]), b_.getInt64Ty()), env_slot(ps.head + n_locals + i));
  }
  // An accumulator still unbound when the loop has items: Python raises UnboundLocalError at
  // its first update, which may lie in any piece, while the pieces after the first start from
  // the identity. Give up, so that the boxed code raises where Python does.
  llvm::Value* has_items = b_.CreateICmpSGT(count, b_.getInt64(0));
  for (const ir::LoopAccumulator& acc : plan->accumulators)
    guard(b_.CreateOr(b_.CreateNot(has_items), b_.CreateLoad(b_.getInt1Ty(), bound_[size_t(acc.slot)])));
  // The loop has not started: its cursor is still the range's start.
  llvm::Function* part = make_loop_part(*plan, in, ps);
  size_t width = plan->accumulators.size();
  llvm::Type* ops_type = llvm::ArrayType::get(b_.getInt32Ty(), std::max<size_t>(width, 1));
  llvm::Value* ops = scratch(ops_type);
  for (size_t k = 0; k < width; ++k) {
    const ir::LoopAccumulator& acc = plan->accumulators[k];
    ReduceOp op = reduce_op_of(acc.op, t_.local_types[size_t(acc.slot)]);
    b_.CreateStore(b_.getInt32(int32_t(op)), b_.CreateConstGEP2_64(ops_type, ops, 0, k));
  }
  llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
  llvm::Type* out_type = llvm::ArrayType::get(partial, std::max<size_t>(width, 1));
  llvm::Value* out = scratch(out_type);
  auto reduce = m_.getOrInsertFunction("ufr_parallel_reduce_many", b_.getInt32Ty(), b_.getInt32Ty(), b_.getPtrTy(),
                                       b_.getInt64Ty(), b_.getPtrTy(), b_.getPtrTy(), b_.getPtrTy());
  llvm::Value* ok = b_.CreateCall(reduce, {b_.getInt32(int32_t(width)), ops, count, part, env, out});
  guard(b_.CreateICmpNE(ok, b_.getInt32(0)));
  // The accumulators' bound flags stay as they were: an unbound one means the loop had no items.
  for (size_t k = 0; k < width; ++k) {
    int32_t slot = plan->accumulators[k].slot;
    Scalar t = t_.local_types[size_t(slot)];
    llvm::Value* bits = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstGEP2_64(partial, out, k, 0));
    b_.CreateStore(from_bits(bits, t), locals_[size_t(slot)]);
  }
  b_.CreateBr(blocks_[size_t(in.targets[1])]);
  dead_blocks_.insert(plan->body.begin(), plan->body.end());
  return true;
}

llvm::Function* KernelCodegen::make_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& source) {
  llvm::Function* fn = part_function("loop_part");
  auto generate = [&](llvm::Function* into, const std::set<ir::ValueId>& trusted) {
    KernelCodegen part(m_, p_, t_, into, kernels_, globals_, pool_, index_of_);
    part.varying_globals_ = varying_globals_;
    part.loop_part_ = true;
    part.trusted_reads_ = trusted;
    part.generate_loop_part(plan, for_iter, source);
  };
  std::map<ir::ValueId, size_t> reads;
  if (source.kind == IterSource::Range) {
    // `s += xs[i]` in `for i in range(...)`: xs a local the loop does not assign.
    std::set<ir::BlockId> blocks(plan.body.begin(), plan.body.end());
    blocks.insert(plan.header);
    std::set<int64_t> written;
    for (ir::BlockId b : blocks)
      for (const ir::Instr& in : f_.blocks[size_t(b)].instrs)
        if (in.op == Op::StoreLocal || in.op == Op::StoreDeref || in.op == Op::DeleteLocal) written.insert(in.imm);
    reads = range_indexed_reads(
        f_, t_, &blocks, [&](const ir::Instr& loop) { return &loop == &for_iter; },
        [&](const ir::Instr& load) -> std::optional<size_t> {
          if (load.op != Op::LoadLocal || written.count(load.imm) || !ir::is_sequence(t_.local_types[size_t(load.imm)])) return std::nullopt;
          return source.head + size_t(load.imm);
        });
  }
  return guarded_part(fn, source, reads, f_.local_names.size(), generate);
}

// `i32 part(ptr env, i64 lo, i64 hi, ptr out)`: the loop's header and body over items
// [lo, hi); its exit writes the accumulators into out[0..width).
// In a piece of a parallel loop, the `+` instructions that add 0, 1 or a bool to an int sum
// accumulator all of whose updates are such steps (`count += 1` under a filter, `n = n + (x >
// 0)`): they need no overflow check of their own, since the counter can only pass 2**63 by
// ending below its start, which the piece checks once (generate_loop_part). Without the check
// the update is a plain add, which LLVM turns into a select instead of a branch that a random
// filter mispredicts.
std::set<ir::ValueId> KernelCodegen::unit_step_adds(const ir::LoopPlan& plan) const {
  std::map<ir::ValueId, const ir::Instr*> def;
  for (ir::BlockId b : plan.body)
    for (const ir::Instr& in : f_.blocks[size_t(b)].instrs)
      if (in.result != ir::kNoValue) def[in.result] = &in;
  std::set<ir::ValueId> adds;
  for (const ir::LoopAccumulator& acc : plan.accumulators) {
    if (acc.op != ir::LoopAccOp::Sum || t_.local_types[size_t(acc.slot)] != Scalar::Int) continue;
    std::set<ir::ValueId> these;
    bool all = true;
    for (ir::BlockId b : plan.body)
      for (const ir::Instr& in : f_.blocks[size_t(b)].instrs) {
        if (in.op != Op::StoreLocal || in.imm != acc.slot) continue;
        auto d = def.find(in.args[0]);
        const ir::Instr* add = d == def.end() ? nullptr : d->second;
        bool unit = add && add->op == Op::Binary && BinOpKind(add->imm) == BinOpKind::Add && add->args.size() == 2;
        if (unit) {
          auto l = def.find(add->args[0]);
          auto r = def.find(add->args[1]);
          unit = l != def.end() && l->second->op == Op::LoadLocal && l->second->imm == acc.slot && r != def.end() &&
                 (ty(add->args[1]) == Scalar::Bool ||
                  (r->second->op == Op::ConstInt && (r->second->imm == 0 || r->second->imm == 1)));
        }
        if (!unit) all = false;
        else these.insert(add->result);
      }
    if (all) adds.insert(these.begin(), these.end());
  }
  return adds;
}

bool KernelCodegen::counts_by_unit_steps(const ir::LoopPlan& plan, const ir::LoopAccumulator& acc) const {
  if (acc.op != ir::LoopAccOp::Sum || t_.local_types[size_t(acc.slot)] != Scalar::Int) return false;
  for (ir::BlockId b : plan.body)
    for (const ir::Instr& in : f_.blocks[size_t(b)].instrs)
      if (in.op == Op::StoreLocal && in.imm == acc.slot) return unit_adds_.count(in.args[0]) > 0;
  return false;
}

void KernelCodegen::generate_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& ps) {
  start_piece();
  llvm::Value* env = fn_->getArg(0);
  llvm::Value* lo = fn_->getArg(1);
  llvm::Value* hi = fn_->getArg(2);
  depth_ = b_.CreateTrunc(part_env_value(0), b_.getInt32Ty());
  for (size_t i = 0; i < size_t(f_.n_values); ++i)
    values_.push_back(t_.value_types[i] == Scalar::Unknown ? nullptr : b_.CreateAlloca(type(t_.value_types[i])));
  size_t n_locals = f_.local_names.size();
  for (size_t i = 0; i < n_locals; ++i) {
    Scalar s = t_.local_types[i];
    locals_.push_back(s == Scalar::Unknown ? nullptr : b_.CreateAlloca(type(s)));
    bound_.push_back(b_.CreateAlloca(b_.getInt1Ty()));
    if (locals_[i]) b_.CreateStore(from_bits(part_env_value(ps.head + i), s), locals_[i]);
    b_.CreateStore(b_.CreateTrunc(part_env_value(ps.head + n_locals + i), b_.getInt1Ty()), bound_[i]);
  }
  // The loop's inputs (read, never written in it) must be bound: checked once here rather
  // than at every read, so the body's loads are plain (an unbound one gives up, and the
  // boxed code raises where Python would).
  std::set<ir::BlockId> body(plan.body.begin(), plan.body.end());
  std::set<int64_t> read, written;
  for (ir::BlockId b : body)
    for (const ir::Instr& in : f_.blocks[size_t(b)].instrs) {
      if (in.op == Op::LoadLocal || in.op == Op::LoadDeref || in.op == Op::LoadCellObj) read.insert(in.imm);
      if (in.op == Op::StoreLocal || in.op == Op::StoreDeref) written.insert(in.imm);
    }
  for (int64_t slot : read)
    if (!written.count(slot)) {
      guard(b_.CreateLoad(b_.getInt1Ty(), bound_[size_t(slot)]));
      b_.CreateStore(b_.getInt1(true), bound_[size_t(slot)]);
    }
  // The first piece continues from the accumulators' values; the others start from nothing.
  llvm::Value* first = b_.CreateICmpEQ(lo, b_.getInt64(0));
  unit_adds_ = unit_step_adds(plan);
  std::map<size_t, llvm::Value*> counter_start;
  for (const ir::LoopAccumulator& acc : plan.accumulators) {
    size_t slot = size_t(acc.slot);
    Scalar t = t_.local_types[slot];
    llvm::Value* real = b_.CreateLoad(type(t), locals_[slot]);
    llvm::Value* start = b_.CreateSelect(first, real, loop_identity(acc.op, t));
    b_.CreateStore(start, locals_[slot]);
    if (counts_by_unit_steps(plan, acc)) counter_start[slot] = start;
    // An accumulator unbound before the loop gives up here, once, rather than at every read
    // (a loop that would never read it is rare, and the boxed code then runs it): the reads
    // stay plain, so a filtered update can become a select.
    llvm::Value* bound = b_.CreateLoad(b_.getInt1Ty(), bound_[slot]);
    guard(b_.CreateSelect(first, bound, b_.getInt1(true)));
    b_.CreateStore(b_.getInt1(true), bound_[slot]);
  }
  iters_[for_iter.args[0]] = part_iteration(ps, lo, hi, env);
  for (size_t i = 0; i < f_.blocks.size(); ++i) blocks_.push_back(llvm::BasicBlock::Create(ctx_, "l" + std::to_string(i), fn_));
  b_.CreateBr(blocks_[size_t(plan.header)]);
  auto exit = size_t(for_iter.targets[1]);
  for (size_t i = 0; i < f_.blocks.size(); ++i) {
    if (i == size_t(plan.header) || body.count(ir::BlockId(i))) {
      gen_block(i);
      continue;
    }
    b_.SetInsertPoint(blocks_[i]);
    if (i != exit) {  // outside the loop: never reached from it
      b_.CreateUnreachable();
      continue;
    }
    // A counter added to without overflow checks (unit_step_adds) went past 2**63 exactly
    // when it ends below where it started: then the boxed code runs the loop.
    for (const auto& [slot, start] : counter_start)
      guard(b_.CreateICmpSGE(b_.CreateLoad(b_.getInt64Ty(), locals_[slot]), start));
    llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
    for (size_t k = 0; k < plan.accumulators.size(); ++k) {
      size_t slot = size_t(plan.accumulators[k].slot);
      Scalar t = t_.local_types[slot];
      llvm::Value* at = b_.CreateConstGEP1_64(partial, fn_->getArg(3), k);
      b_.CreateStore(to_bits(b_.CreateLoad(type(t), locals_[slot]), t), b_.CreateConstGEP2_64(partial, at, 0, 0));
      b_.CreateStore(b_.getInt64(1), b_.CreateConstGEP2_64(partial, at, 0, 1));
    }
    b_.CreateRet(b_.getInt32(1));
  }
}

}  // namespace ufora::jit::detail
