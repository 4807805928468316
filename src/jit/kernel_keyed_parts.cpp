// KernelCodegen (kernel_codegen.h): filtered reductions whose filter compares an item's key
// with a free variable, `sum(v(i) for i in ... if key(i) == c)`. Besides the plain part, such
// a reduction gets a keyed part that sums every item into its key's accumulator, and calls
// the runtime's ufr_parallel_reduce_keyed, which runs it once the same reduction is asked for
// a second c (runtime/grouped_reduce.h says when, and why the answers are the same).

#include <map>
#include <set>
#include <vector>

#include "jit/kernel_codegen.h"
#include "runtime/grouped_reduce.h"

namespace ufora::jit::detail {

namespace {

// How many times each value is an operand (Release only drops a reference: not a use).
std::map<ir::ValueId, int> operand_uses(const ir::Function& f) {
  std::map<ir::ValueId, int> uses;
  for (const ir::Block& b : f.blocks)
    for (const ir::Instr& in : b.instrs)
      if (in.op != Op::Release)
        for (ir::ValueId a : in.args) ++uses[a];
  return uses;
}

// What an item does once the filter passed, up to the next item (a block that starts with
// ForIter): the keyed pass does it for every item whose key is in 0..63, where each plain
// pass does it only for its own key's items, so it must be cheap and bounded: arithmetic,
// indexing, further filters, the element. A nested loop (GetIter) or a call (which may
// recurse or loop) there could cost any amount of work for keys nobody asks for.
bool cheap_after_filter(const ir::Function& f, ir::BlockId first) {
  std::set<ir::BlockId> seen;
  std::vector<ir::BlockId> pending{first};
  while (!pending.empty()) {
    ir::BlockId b = pending.back();
    pending.pop_back();
    const std::vector<ir::Instr>& instrs = f.blocks[size_t(b)].instrs;
    if (!seen.insert(b).second || (!instrs.empty() && instrs[0].op == Op::ForIter)) continue;
    for (const ir::Instr& in : instrs) {
      switch (in.op) {
        case Op::ConstInt: case Op::ConstFloat: case Op::ConstTrue: case Op::ConstFalse: case Op::ConstNone:
        case Op::LoadLocal: case Op::StoreLocal: case Op::LoadFree: case Op::LoadDeref: case Op::LoadGlobal:
        case Op::Binary: case Op::Unary: case Op::Compare: case Op::Truthy: case Op::GetItem:
        case Op::Yield: case Op::AccAppend: case Op::Release: case Op::Jump: case Op::Branch:
          break;
        default: return false;
      }
      for (ir::BlockId t : in.targets) pending.push_back(t);
    }
  }
  return true;
}

// `block` tests local `slot` again: `t = LoadLocal slot; Branch Truthy(t)` (Releases aside).
// Returns that branch.
const ir::Instr* retest(const ir::Function& f, ir::BlockId block, int64_t slot) {
  std::vector<const ir::Instr*> code;
  for (const ir::Instr& in : f.blocks[size_t(block)].instrs)
    if (in.op != Op::Release) code.push_back(&in);
  if (code.size() != 3 || code[0]->op != Op::LoadLocal || code[0]->imm != slot || code[1]->op != Op::Truthy ||
      code[1]->args.size() != 1 || code[1]->args[0] != code[0]->result || code[2]->op != Op::Branch || code[2]->args.size() != 1 ||
      code[2]->args[0] != code[1]->result)
    return nullptr;
  return code[2];
}

}  // namespace

// The filter must be the whole test of the item: the `==` feeds (through Truthy) a branch
// whose false side goes back to a loop's next item (directly, or through an `and`'s test of
// the same value), so that an item is either left out or goes on with c equal to its key. c is read once, only there, so
// nothing else in the body can tell which c is being computed. What follows the filter must
// be cheap (cheap_after_filter).
std::optional<KernelCodegen::KeyFilter> KernelCodegen::key_filter(const std::string& name, const ir::TypedFunction& body,
                                                                  Scalar result) const {
  // any/all stop at the first deciding item, which a pass for every key could not.
  if ((name != "sum" && name != "len" && name != "min" && name != "max") || (result != Scalar::Int && result != Scalar::Float) ||
      body.function < 0)
    return std::nullopt;
  const ir::Function& f = p_.functions[size_t(body.function)];
  auto type_of = [&](ir::ValueId v) { return v >= 0 && size_t(v) < body.value_types.size() ? body.value_types[size_t(v)] : Scalar::Unknown; };
  std::map<ir::ValueId, int> uses = operand_uses(f);
  std::map<ir::ValueId, std::vector<const ir::Instr*>> users;
  std::map<int64_t, int> free_reads;  // LoadFree / LoadFreeCellObj per free variable
  for (const ir::Block& b : f.blocks)
    for (const ir::Instr& in : b.instrs) {
      if (in.op == Op::LoadFree || in.op == Op::LoadFreeCellObj) free_reads[in.imm] += in.op == Op::LoadFree ? 1 : 2;
      if (in.op != Op::Release)
        for (ir::ValueId a : in.args) users[a].push_back(&in);
    }
  auto only_user = [&](ir::ValueId v) -> const ir::Instr* { return uses[v] == 1 ? users[v][0] : nullptr; };
  for (const ir::Block& b : f.blocks)
    for (const ir::Instr& load : b.instrs) {
      if (load.op != Op::LoadFree || free_reads[load.imm] != 1 || type_of(load.result) != Scalar::Int) continue;
      const ir::Instr* cmp = only_user(load.result);
      if (!cmp || cmp->op != Op::Compare || CmpKind(cmp->imm) != CmpKind::Eq || cmp->args.size() != 2) continue;
      ir::ValueId key = cmp->args[0] == load.result ? cmp->args[1] : cmp->args[0];
      if (key == load.result || type_of(key) != Scalar::Int) continue;
      // The branch taken on the compare, and the one whose false side is the next item when
      // the compare is false: the same for `if key == c`; for `if key == c and more` (and a
      // chain `if c == key < m`), which keep the compare in a temporary, the false side tests
      // it again first.
      const ir::Instr* pass = nullptr;
      const ir::Instr* skip = nullptr;
      const std::vector<const ir::Instr*>& cmp_users = users[cmp->result];
      if (cmp_users.size() == 1 && cmp_users[0]->op == Op::Truthy) {
        pass = skip = only_user(cmp_users[0]->result);
      } else if (cmp_users.size() == 2) {
        const ir::Instr* keep = cmp_users[0]->op == Op::StoreLocal ? cmp_users[0] : cmp_users[1];
        const ir::Instr* truthy = keep == cmp_users[0] ? cmp_users[1] : cmp_users[0];
        if (keep->op != Op::StoreLocal || truthy->op != Op::Truthy || f.local_names[size_t(keep->imm)].rfind("$", 0) != 0) continue;
        pass = only_user(truthy->result);
        if (pass && pass->op == Op::Branch && pass->targets.size() == 2) skip = retest(f, pass->targets[1], keep->imm);
      }
      if (!pass || !skip || pass->op != Op::Branch || skip->op != Op::Branch || pass->targets.size() != 2 || skip->targets.size() != 2) continue;
      const std::vector<ir::Instr>& next_item = f.blocks[size_t(skip->targets[1])].instrs;
      if (next_item.empty() || next_item[0].op != Op::ForIter) continue;
      if (!cheap_after_filter(f, pass->targets[0])) continue;
      return KeyFilter{cmp->result, key, size_t(load.imm)};
    }
  return std::nullopt;
}

llvm::Function* KernelCodegen::make_keyed_part(const std::string& name, const ir::TypedFunction& body, Scalar result,
                                               const PartSource& source, const std::vector<Scalar>& free_types,
                                               const KeyFilter& filter) {
  return comprehension_piece("keyed_part", body, source, free_types, [&](KernelCodegen& part) {
    part.keyed_ = KeyedState{filter};
    part.generate_keyed_part(name, result, source, free_types);
  });
}

void KernelCodegen::generate_keyed_part(const std::string& name, Scalar result, const PartSource& ps,
                                        const std::vector<Scalar>& free_types) {
  start_piece();
  llvm::Value* env = fn_->getArg(0);
  depth_ = b_.CreateTrunc(part_env_value(0), b_.getInt32Ty());
  IterState source = part_iteration(ps, fn_->getArg(1), fn_->getArg(2), env);
  std::vector<Slot> free;
  for (size_t i = 0; i < free_types.size(); ++i)
    free.push_back(Slot{slot_holding(from_bits(part_env_value(ps.head + i), free_types[i])), slot_holding(b_.getInt1(true)), free_types[i]});
  // Every key's accumulator and seen flag start at zero: sum's and len's identity, and for
  // min and max "nothing seen yet".
  llvm::Type* accs_type = llvm::ArrayType::get(type(result), kGroupKeys);
  llvm::Type* seen_type = llvm::ArrayType::get(b_.getInt1Ty(), kGroupKeys);
  llvm::Value* accs = scratch(accs_type);
  llvm::Value* seen = scratch(seen_type);
  b_.CreateMemSet(accs, b_.getInt8(0), kGroupKeys * 8, llvm::MaybeAlign(8));
  b_.CreateMemSet(seen, b_.getInt8(0), kGroupKeys, llvm::MaybeAlign(1));
  keyed_->key = scratch(b_.getInt64Ty());
  llvm::BasicBlock* done = llvm::BasicBlock::Create(ctx_, "keyed_done", fn_);
  generate_inline(*this, source, std::move(free), [&](llvm::Value* v, Scalar s) {
    llvm::Value* key = b_.CreateLoad(b_.getInt64Ty(), keyed_->key);
    Reducer r{name, result, b_.CreateGEP(accs_type, accs, {b_.getInt64(0), key}), b_.CreateGEP(seen_type, seen, {b_.getInt64(0), key}), done};
    reduce_element(r, v, s);
  }, done);
  // out[k] = {accs[k], seen[k]} for every key: a loop (64 unrolled copies cost compile time).
  llvm::Type* partial = llvm::ArrayType::get(b_.getInt64Ty(), 2);
  llvm::BasicBlock* before = b_.GetInsertBlock();
  llvm::BasicBlock* copy = llvm::BasicBlock::Create(ctx_, "keyed_out", fn_);
  llvm::BasicBlock* copied = llvm::BasicBlock::Create(ctx_, "keyed_written", fn_);
  b_.CreateBr(copy);
  b_.SetInsertPoint(copy);
  llvm::PHINode* k = b_.CreatePHI(b_.getInt64Ty(), 2);
  k->addIncoming(b_.getInt64(0), before);
  llvm::Value* acc = b_.CreateLoad(type(result), b_.CreateGEP(accs_type, accs, {b_.getInt64(0), k}));
  llvm::Value* was_seen = b_.CreateLoad(b_.getInt1Ty(), b_.CreateGEP(seen_type, seen, {b_.getInt64(0), k}));
  llvm::Value* at = b_.CreateGEP(partial, fn_->getArg(3), k);
  b_.CreateStore(to_bits(acc, result), b_.CreateConstGEP2_64(partial, at, 0, 0));
  b_.CreateStore(b_.CreateZExt(was_seen, b_.getInt64Ty()), b_.CreateConstGEP2_64(partial, at, 0, 1));
  llvm::Value* next = b_.CreateAdd(k, b_.getInt64(1));
  k->addIncoming(next, copy);
  b_.CreateCondBr(b_.CreateICmpULT(next, b_.getInt64(kGroupKeys)), copy, copied);
  b_.SetInsertPoint(copied);
  b_.CreateRet(b_.getInt32(1));
}

void KernelCodegen::gen_key_check(const ir::Instr& compare) {
  llvm::Value* key = as_int(keyed_->filter.key);
  guard(b_.CreateICmpULT(key, b_.getInt64(kGroupKeys)));  // a negative key is a huge unsigned one
  b_.CreateStore(key, keyed_->key);
  set(compare.result, b_.getInt1(true));
}

}  // namespace ufora::jit::detail
