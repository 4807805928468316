#include "jit/typed_codegen.h"

#include "jit/kernel_codegen.h"

#include <map>
#include <set>
#include <vector>

namespace ufora::jit {

using namespace detail;

namespace {

void add_globals_read(const ir::Program& program, const ir::TypedFunction& t, std::set<int64_t>& slots) {
  if (t.function >= 0)
    for (const ir::Block& block : program.functions[size_t(t.function)].blocks)
      for (const ir::Instr& in : block.instrs)
        if (in.op == ir::Op::LoadGlobal) slots.insert(in.imm);
  for (const auto& [value, body] : t.comprehensions) add_globals_read(program, *body, slots);
}

// Module slots read by the kernels of one compiled module, inline comprehensions included.
std::set<int64_t> globals_read(const ir::Program& program, const std::vector<ir::TypedFunction>& kernels) {
  std::set<int64_t> slots;
  for (const ir::TypedFunction& t : kernels) add_globals_read(program, t, slots);
  return slots;
}

// The kernels' functions that can reach themselves through calls to kernels (a function a
// kernel reads from a global counts as called). Only these get a sequential twin: the twin
// exists so that deep recursion stops splitting; a function that does not recurse is never
// deep by its own doing, and compiling a twin for it would double its compile time for nothing.
std::set<int32_t> recursive_functions(const ir::Program& program, const std::vector<ir::TypedFunction>& kernels, size_t first,
                                      ModuleObj* globals, const FunctionIndex& index_of) {
  std::map<int32_t, std::set<int32_t>> calls;
  for (size_t k = first; k < kernels.size(); ++k) calls[kernels[k].function];
  for (size_t k = first; k < kernels.size(); ++k) {
    std::set<int64_t> slots;
    add_globals_read(program, kernels[k], slots);
    for (int64_t slot : slots) {
      Obj* g = globals->globals[size_t(slot)];
      if (!g || g->tag != Tag::Function) continue;
      int32_t callee = index_of(static_cast<FunctionObj*>(g)->code);
      if (calls.count(callee)) calls[kernels[k].function].insert(callee);
    }
  }
  std::set<int32_t> recursive;
  for (const auto& [start, unused] : calls) {
    std::set<int32_t> seen;
    std::vector<int32_t> worklist(calls[start].begin(), calls[start].end());
    while (!worklist.empty()) {
      int32_t f = worklist.back();
      worklist.pop_back();
      if (f == start) {
        recursive.insert(start);
        break;
      }
      if (!seen.insert(f).second) continue;
      worklist.insert(worklist.end(), calls[f].begin(), calls[f].end());
    }
  }
  return recursive;
}

// Makes `fn`'s calls of `from` call `to`.
void redirect_self_calls(llvm::Function* fn, llvm::Function* from, llvm::Function* to) {
  for (llvm::BasicBlock& block : *fn)
    for (llvm::Instruction& i : block)
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(&i); call && call->getCalledFunction() == from) call->setCalledFunction(to);
}

// Unrolls a sequential twin's self-recursion: the twin calls a copy of itself that is
// inlined into it, which calls another inlined copy, and so on for `levels - 1` copies, the
// last calling the twin back. Each call then does several levels of the recursion, so far
// fewer calls are made, and the smallest pieces (fib(1), fib(0)) are answered inline by
// their parent's copy instead of by a call of their own. Semantics do not change: every copy
// is the same code with the same depth checks. fib(41), one thread: 0.80 s as it was, 0.54 s
// with 2 levels, 0.43 s with 3, 0.39 s with 4. The copies are bounded (kUnrollCopies, and
// kUnrollInstructions of code in all), so a function with many recursive calls or a large
// body unrolls less, or not at all.
constexpr size_t kUnrollCopies = 14;
constexpr size_t kUnrollInstructions = 6000;
constexpr int kUnrollLevels = 4;

void unroll_recursion(llvm::Function* twin) {
  size_t calls = 0, size = 0;
  for (llvm::BasicBlock& block : *twin)
    for (llvm::Instruction& i : block) {
      ++size;
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(&i); call && call->getCalledFunction() == twin) ++calls;
    }
  if (calls == 0) return;
  // Levels L inline calls + calls^2 + ... + calls^(L-1) copies.
  int levels = 1;
  size_t copies = 0, width = 1;
  while (levels < kUnrollLevels) {
    width *= calls;
    if (copies + width > kUnrollCopies || (copies + width) * size > kUnrollInstructions) break;
    copies += width;
    ++levels;
  }
  llvm::Function* next = twin;
  for (int level = levels; level >= 2; --level) {
    llvm::ValueToValueMapTy map;
    llvm::Function* copy = llvm::CloneFunction(twin, map);
    copy->setName(twin->getName() + "_level" + std::to_string(level));
    copy->addFnAttr(llvm::Attribute::AlwaysInline);
    redirect_self_calls(copy, twin, next);
    next = copy;
  }
  redirect_self_calls(twin, twin, next);
}

}  // namespace

TypedModule generate_typed(const ir::Program& program, const std::vector<ir::TypedFunction>& kernels, ModuleObj* globals,
                           const std::set<int64_t>& varying, ConstantPool& pool, const FunctionIndex& index_of,
                           llvm::LLVMContext& context) {
  static std::atomic<int64_t> counter{0};
  int64_t id = counter++;
  TypedModule out;
  out.module = std::make_unique<llvm::Module>("ufora_kernels_" + std::to_string(id), context);
  llvm::Module& m = *out.module;
  llvm::Type* i64 = llvm::Type::getInt64Ty(context);
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  llvm::Type* i1 = llvm::Type::getInt1Ty(context);
  llvm::Type* i32 = llvm::Type::getInt32Ty(context);
  std::map<KernelKey, llvm::Function*> fns;
  // A list comprehension kernel is its own entry (see generate_list_entry).
  bool list_kernel = kernels[0].element != Scalar::Unknown;
  size_t first = list_kernel ? 1 : 0;
  for (size_t k = first; k < kernels.size(); ++k) {
    std::vector<llvm::Type*> params = {ptr, i32};
    params.insert(params.end(), kernels[k].args.size(), i64);
    auto* fn = llvm::Function::Create(llvm::FunctionType::get(kernel_return_type(context), params, false), llvm::Function::InternalLinkage,
                                      "kernel" + std::to_string(id) + "_" + std::to_string(k), m);
    if (!kernels[k].result_tuple.empty()) {
      std::string items;
      for (Scalar item : kernels[k].result_tuple) items += char('0' + int(item));
      fn->addFnAttr(kResultTupleAttribute, items);
    }
    fns[{kernels[k].function, kernels[k].args}] = fn;
  }
  // Twins (sequential code for deep recursion) only where a function recurses; elsewhere the
  // twins' calls go to the kernels themselves.
  std::set<int32_t> recursive = recursive_functions(program, kernels, first, globals, index_of);
  std::map<KernelKey, llvm::Function*> twins;
  for (size_t k = first; k < kernels.size(); ++k) {
    llvm::Function* f = fns.at({kernels[k].function, kernels[k].args});
    twins[{kernels[k].function, kernels[k].args}] =
        parallel_code() && recursive.count(kernels[k].function)
            ? llvm::Function::Create(f->getFunctionType(), llvm::Function::InternalLinkage, f->getName() + "_seq", m)
            : f;
    llvm::Function* twin = twins.at({kernels[k].function, kernels[k].args});
    if (twin != f && f->hasFnAttribute(kResultTupleAttribute)) twin->addFnAttr(f->getFnAttribute(kResultTupleAttribute));
    // A recursive kernel and its twin start on a cache line: the whole body is a few dozen
    // bytes run hundreds of millions of times, and where it fell against 64-byte lines
    // changed fib's run time by 10 %.
    if (recursive.count(kernels[k].function)) {
      f->setAlignment(llvm::Align(64));
      twins[{kernels[k].function, kernels[k].args}]->setAlignment(llvm::Align(64));
    }
  }
  for (size_t k = first; k < kernels.size(); ++k) {
    const ir::TypedFunction& t = kernels[k];
    llvm::Function* fn = fns.at({t.function, t.args});
    llvm::Function* twin = twins.at({t.function, t.args});
    KernelCodegen g(m, program, t, fn, fns, globals, pool, index_of);
    g.set_varying_globals(&varying);
    if (twin != fn) g.set_sequential_twin(twin);
    g.generate();
    if (twin == fn) continue;
    KernelCodegen s(m, program, t, twin, twins, globals, pool, index_of);
    s.set_varying_globals(&varying);
    s.set_sequential();
    s.generate();
  }
  // The sequential code of a recursive kernel is unrolled: the twin, or without parallel code
  // (UFORA_NO_PARALLEL=1) the kernel itself, so that both measure the same sequential code.
  for (size_t k = first; k < kernels.size(); ++k)
    if (recursive.count(kernels[k].function)) unroll_recursion(twins.at({kernels[k].function, kernels[k].args}));
  // The C++-callable entry: arguments from an array.
  out.entry_symbol = "kernel" + std::to_string(id) + "_entry";
  auto* entry = llvm::Function::Create(llvm::FunctionType::get(i1, {ptr, i32, ptr}, false), llvm::Function::ExternalLinkage,
                                       out.entry_symbol, m);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "entry", entry));
  // The globals the kernels were compiled against (functions they call, numeric constants)
  // are checked once, here: while a kernel runs no module code can rebind them.
  llvm::BasicBlock* stale = llvm::BasicBlock::Create(context, "stale_global", entry);
  for (int64_t slot : globals_read(program, kernels)) {
    Obj* expected = globals->globals[size_t(slot)];
    if (expected) pool.keep(newref(expected));  // keeps the address from being reused
    auto address = [&](const void* p) { return b.CreateIntToPtr(b.getInt64(reinterpret_cast<uint64_t>(p)), ptr); };
    llvm::Value* now = b.CreateLoad(ptr, address(&globals->globals[size_t(slot)]));
    llvm::Value* same;
    if (expected && is_unboxed_number(expected) && varying.count(slot)) {
      // Read by the kernels at run time: any number of the same type will do.
      llvm::BasicBlock* bound = llvm::BasicBlock::Create(context, "global_bound", entry);
      b.CreateCondBr(b.CreateIsNull(now), stale, bound);
      b.SetInsertPoint(bound);
      llvm::Value* tag = b.CreateLoad(b.getInt8Ty(), b.CreateConstGEP1_64(b.getInt8Ty(), now, int64_t(tag_offset())));
      same = b.CreateICmpEQ(tag, b.getInt8(uint8_t(expected->tag)));
    } else {
      if (expected && is_unboxed_number(expected)) out.folded_numbers.push_back({slot, expected});
      same = b.CreateICmpEQ(now, expected ? address(expected) : llvm::ConstantPointerNull::get(b.getPtrTy()));
    }
    llvm::BasicBlock* next = llvm::BasicBlock::Create(context, "global_ok", entry);
    b.CreateCondBr(same, next, stale);
    b.SetInsertPoint(next);
  }
  if (list_kernel) {
    auto* list = llvm::Function::Create(entry->getFunctionType(), llvm::Function::InternalLinkage,
                                        "kernel" + std::to_string(id) + "_list", m);
    KernelCodegen g(m, program, kernels[0], list, fns, globals, pool, index_of);
    g.set_varying_globals(&varying);
    g.generate_list_entry();
    b.CreateRet(b.CreateCall(list, {entry->getArg(0), entry->getArg(1), entry->getArg(2)}));
  } else {
    std::vector<llvm::Value*> args = {entry->getArg(0), entry->getArg(1)};
    for (size_t i = 0; i < kernels[0].args.size(); ++i)
      args.push_back(b.CreateLoad(i64, b.CreateConstGEP1_64(i64, entry->getArg(2), i)));
    llvm::Value* r = b.CreateCall(fns.at({kernels[0].function, kernels[0].args}), args);
    if (kernels[0].result_tuple.empty()) b.CreateStore(b.CreateExtractValue(r, 0), entry->getArg(0));
    b.CreateRet(b.CreateExtractValue(r, 1));
  }
  b.SetInsertPoint(stale);
  b.CreateRet(b.getInt1(false));  // the boxed code runs the call, and sees the new value
  return out;
}

}  // namespace ufora::jit
