#include "jit/address_table.h"

#include <map>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <llvm/IR/ReplaceConstant.h>
#pragma GCC diagnostic pop

namespace ufora::jit {

namespace {

// The integer of an `inttoptr (i64 C)` constant expression, or nullptr.
const llvm::ConstantInt* address_constant(const llvm::Value* v) {
  auto* e = llvm::dyn_cast<llvm::ConstantExpr>(v);
  if (!e || e->getOpcode() != llvm::Instruction::IntToPtr) return nullptr;
  return llvm::dyn_cast<llvm::ConstantInt>(e->getOperand(0));
}

// Walks constant expressions (a GEP of an address, say) down to the addresses in them.
void collect(llvm::Constant* c, std::map<uint64_t, size_t>& slots, std::vector<llvm::Constant*>& order) {
  if (const llvm::ConstantInt* value = address_constant(c)) {
    if (slots.emplace(value->getZExtValue(), order.size()).second) order.push_back(c);
    return;
  }
  if (llvm::isa<llvm::ConstantExpr>(c))
    for (llvm::Use& op : c->operands()) collect(llvm::cast<llvm::Constant>(op.get()), slots, order);
}

}  // namespace

std::vector<uint64_t> move_addresses_to_table(llvm::Module& m) {
  std::map<uint64_t, size_t> slots;  // value -> slot
  std::vector<llvm::Constant*> order;  // first use first: the table's layout depends only on the code
  for (llvm::Function& f : m)
    for (llvm::BasicBlock& block : f)
      for (llvm::Instruction& inst : block)
        for (llvm::Use& op : inst.operands())
          if (auto* c = llvm::dyn_cast<llvm::Constant>(op.get())) collect(c, slots, order);
  std::vector<uint64_t> values;
  for (llvm::Constant* c : order) values.push_back(address_constant(c)->getZExtValue());
  if (order.empty()) return values;

  llvm::LLVMContext& context = m.getContext();
  llvm::PointerType* ptr = llvm::PointerType::getUnqual(context);
  auto* table_type = llvm::ArrayType::get(ptr, order.size());
  // External and written: the optimiser must not fold loads from it to its zero initialiser.
  auto* table = new llvm::GlobalVariable(m, table_type, false, llvm::GlobalValue::ExternalLinkage,
                                         llvm::ConstantAggregateZero::get(table_type), kAddressTableSymbol);
  table->setAlignment(llvm::Align(8));
  // Every use becomes an instruction `inttoptr i64 C` in its function (constant expressions
  // around it too), then a load from the table.
  llvm::convertUsersOfConstantsToInstructions(order, nullptr, true, /*IncludeSelf=*/true);
  llvm::MDNode* empty = llvm::MDNode::get(context, {});
  std::vector<llvm::Instruction*> converted;
  for (llvm::Function& f : m)
    for (llvm::BasicBlock& block : f)
      for (llvm::Instruction& inst : block)
        if (llvm::isa<llvm::IntToPtrInst>(inst) && llvm::isa<llvm::ConstantInt>(inst.getOperand(0)))
          converted.push_back(&inst);
  for (llvm::Instruction* inst : converted) {
    auto found = slots.find(llvm::cast<llvm::ConstantInt>(inst->getOperand(0))->getZExtValue());
    if (found == slots.end()) continue;  // an inttoptr the code generator wrote as an instruction
    llvm::IRBuilder<> b(inst);
    llvm::Value* slot = b.CreateConstInBoundsGEP2_64(table_type, table, 0, found->second);
    llvm::LoadInst* load = b.CreateAlignedLoad(ptr, slot, llvm::Align(8));
    load->setMetadata(llvm::LLVMContext::MD_invariant_load, empty);
    inst->replaceAllUsesWith(load);
    inst->eraseFromParent();
  }
  return values;
}

}  // namespace ufora::jit
