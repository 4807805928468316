// KernelCodegen (kernel_codegen.h): pieces of parallel work over a range read `xs[i]` with i
// the range's item and xs an input of the piece (a comprehension's free variable, a loop's
// unchanged local), for every item. A piece over items [lo, hi) of the range knows before
// its first item whether every such i is an index of every such xs: then its reads need no
// check; else one of them raises IndexError, so the piece gives up at once and the boxed code
// raises it where Python does. In `for i in range(len(xs)): s += xs[i] * ys[i]` the piece's
// loop then has no test left but its end and the interrupt poll.

#include <atomic>

#include "jit/kernel_codegen.h"

namespace ufora::jit::detail {

std::map<ir::ValueId, size_t> KernelCodegen::range_indexed_reads(const ir::Function& f, const ir::TypedFunction& types,
                                                                  const std::set<ir::BlockId>* body,
                                                                  const std::function<bool(const ir::Instr&)>& is_source_loop,
                                                                  const std::function<std::optional<size_t>(const ir::Instr&)>& env_slot_of) {
  auto in_body = [&](size_t b) { return !body || body->count(ir::BlockId(b)); };
  std::map<ir::ValueId, const ir::Instr*> def;
  std::map<int64_t, int> stores;  // per local slot, in the piece's code
  ir::ValueId item = ir::kNoValue;
  ir::BlockId first_block = ir::kNoBlock;
  for (size_t b = 0; b < f.blocks.size(); ++b) {
    if (!in_body(b)) continue;
    for (const ir::Instr& in : f.blocks[b].instrs) {
      if (in.result != ir::kNoValue) def[in.result] = &in;
      if (in.op == Op::StoreLocal || in.op == Op::StoreDeref || in.op == Op::DeleteLocal) ++stores[in.imm];
      if (in.op == Op::ForIter && is_source_loop(in) && !in.targets.empty()) {
        item = in.result;
        first_block = in.targets[0];
      }
    }
  }
  if (item == ir::kNoValue) return {};
  // The loop variable: the one local the item is stored in, and stored nowhere else.
  int64_t var = -1;
  for (size_t b = 0; b < f.blocks.size(); ++b)
    if (in_body(b))
      for (const ir::Instr& in : f.blocks[b].instrs)
        if (in.op == Op::StoreLocal && in.args.size() == 1 && in.args[0] == item) var = var == -1 ? in.imm : -2;
  if (var < 0 || stores[var] != 1) return {};
  // Only reads that every item makes: those in the block the loop enters for each item
  // (straight-line code), not behind a filter or a branch.
  std::map<ir::ValueId, size_t> reads;
  for (size_t b = 0; b < f.blocks.size(); ++b) {
    if (!in_body(b) || ir::BlockId(b) != first_block) continue;
    for (const ir::Instr& in : f.blocks[b].instrs) {
      if (in.op != Op::GetItem || in.args.size() != 2 || !ir::is_sequence(types.value_types[size_t(in.args[0])])) continue;
      auto index = def.find(in.args[1]);
      auto seq = def.find(in.args[0]);
      if (index == def.end() || seq == def.end() || index->second->op != Op::LoadLocal || index->second->imm != var) continue;
      if (std::optional<size_t> slot = env_slot_of(*seq->second)) reads[in.result] = *slot;
    }
  }
  return reads;
}

llvm::Function* KernelCodegen::part_function(const std::string& prefix) {
  static std::atomic<int64_t> counter{0};  // names unique in the module
  return llvm::Function::Create(
      llvm::FunctionType::get(b_.getInt32Ty(), {b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty(), b_.getPtrTy()}, false),
      llvm::Function::InternalLinkage, prefix + std::to_string(counter++), m_);
}

llvm::Function* KernelCodegen::comprehension_piece(const std::string& prefix, const ir::TypedFunction& body, const PartSource& source,
                                                   const std::vector<Scalar>& free_types,
                                                   const std::function<void(KernelCodegen&)>& generate) {
  auto make = [&](llvm::Function* into, const std::set<ir::ValueId>& trusted) {
    KernelCodegen part(m_, p_, body, into, kernels_, globals_, pool_, index_of_);
    part.varying_globals_ = varying_globals_;
    part.trusted_reads_ = trusted;
    generate(part);
  };
  return guarded_part(part_function(prefix), source, comprehension_reads(body, source, free_types), 0, make);
}

void KernelCodegen::start_piece() {
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(ctx_, "entry", fn_);
  bail_ = llvm::BasicBlock::Create(ctx_, "bail", fn_);
  b_.SetInsertPoint(bail_);
  b_.CreateRet(b_.getInt32(0));
  b_.SetInsertPoint(entry);
}

std::map<ir::ValueId, size_t> KernelCodegen::comprehension_reads(const ir::TypedFunction& body, const PartSource& source,
                                                                  const std::vector<Scalar>& free_types) {
  if (source.kind != IterSource::Range || body.function < 0) return {};
  // `xs[i] for i in range(...)`: i is the item of the loop over `.0`, xs a free variable.
  const ir::Function& f = p_.functions[size_t(body.function)];
  std::map<ir::ValueId, const ir::Instr*> def;
  for (const ir::Block& blk : f.blocks)
    for (const ir::Instr& in : blk.instrs)
      if (in.result != ir::kNoValue) def[in.result] = &in;
  return range_indexed_reads(
      f, body, nullptr,
      [&](const ir::Instr& loop) {
        auto it = loop.args.empty() ? def.end() : def.find(loop.args[0]);
        return it != def.end() && it->second->op == Op::LoadLocal && it->second->imm == 0;
      },
      [&](const ir::Instr& load) -> std::optional<size_t> {
        if (load.op != Op::LoadFree || size_t(load.imm) >= free_types.size() || !ir::is_sequence(free_types[size_t(load.imm)]))
          return std::nullopt;
        return source.head + size_t(load.imm);
      });
}

llvm::Function* KernelCodegen::guarded_part(llvm::Function* fn, const PartSource& ps, const std::map<ir::ValueId, size_t>& reads,
                                            size_t bound_offset,
                                            const std::function<void(llvm::Function*, const std::set<ir::ValueId>&)>& generate) {
  if (reads.empty()) {  // nothing to check: the piece itself
    generate(fn, {});
    return fn;
  }
  llvm::Function* inner = llvm::Function::Create(fn->getFunctionType(), llvm::Function::InternalLinkage, fn->getName() + "_in_range", m_);
  std::set<ir::ValueId> trusted;
  std::set<size_t> slots;
  for (const auto& [value, slot] : reads) {
    trusted.insert(value);
    slots.insert(slot);
  }
  generate(inner, trusted);
  // The entry: items base + step * k for k in [lo, hi), the first and the last of them
  // within [-len, len) of every sequence read (wrapping arithmetic, no nsw: base + step * k is
  // a value of the range, so it comes out exact even when step * k alone wraps); else some
  // item's read raises IndexError, and the piece gives up for the boxed code to raise it.
  KernelCodegen d(m_, p_, t_, fn, kernels_, globals_, pool_, index_of_);
  d.b_.SetInsertPoint(llvm::BasicBlock::Create(ctx_, "entry", fn));
  llvm::IRBuilder<>& b = d.b_;
  llvm::Value* lo = fn->getArg(1);
  llvm::Value* hi = fn->getArg(2);
  llvm::BasicBlock* run = llvm::BasicBlock::Create(ctx_, "all_in_range", fn);
  llvm::BasicBlock* give_up = llvm::BasicBlock::Create(ctx_, "out_of_range", fn);
  llvm::BasicBlock* items = llvm::BasicBlock::Create(ctx_, "items", fn);
  b.CreateCondBr(b.CreateICmpSLE(hi, lo), run, items);  // no items: nothing to check
  b.SetInsertPoint(items);
  llvm::Value* base = ps.first ? static_cast<llvm::Value*>(ps.first) : d.part_env_value(1);
  llvm::Value* step = ps.step ? static_cast<llvm::Value*>(ps.step) : d.part_env_value(2);
  llvm::Value* first = b.CreateAdd(base, b.CreateMul(step, lo));
  llvm::Value* last = b.CreateAdd(base, b.CreateMul(step, b.CreateSub(hi, b.getInt64(1))));
  llvm::Value* up = b.CreateICmpSGT(step, b.getInt64(0));
  llvm::Value* least = b.CreateSelect(up, first, last);
  llvm::Value* most = b.CreateSelect(up, last, first);
  for (size_t slot : slots) {
    if (bound_offset) {  // an unbound local holds no sequence: Python raises at the first item
      llvm::BasicBlock* bound = llvm::BasicBlock::Create(ctx_, "bound", fn);
      b.CreateCondBr(b.CreateICmpNE(d.part_env_value(slot + bound_offset), b.getInt64(0)), bound, give_up);
      b.SetInsertPoint(bound);
    }
    llvm::Value* size = emit_sequence_size(b, b.CreateIntToPtr(d.part_env_value(slot), b.getPtrTy()));
    llvm::BasicBlock* next = llvm::BasicBlock::Create(ctx_, "in_range", fn);
    b.CreateCondBr(b.CreateAnd(b.CreateICmpSGE(least, b.CreateNeg(size)), b.CreateICmpSLT(most, size)), next, give_up);
    b.SetInsertPoint(next);
  }
  b.CreateBr(run);
  b.SetInsertPoint(run);
  std::vector<llvm::Value*> args;
  for (llvm::Argument& a : fn->args()) args.push_back(&a);
  b.CreateRet(b.CreateCall(inner, args));
  b.SetInsertPoint(give_up);
  b.CreateRet(b.getInt32(0));
  return fn;
}

}  // namespace ufora::jit::detail
