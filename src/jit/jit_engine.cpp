#include "jit/jit_engine.h"

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include <llvm/Config/llvm-config.h>

#include "jit/address_table.h"
#include "jit/module_fingerprint.h"
#include "jit/perf_map.h"
#include "lower/dump_options.h"
#include "runtime/entry_points.h"

namespace ufora::jit {

namespace {

std::string to_string(llvm::Error err) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << err;
  return os.str();
}

// UFORA_OPT=0|1|2: the optimisation level. Boxed code is almost all runtime calls, which
// LLVM's pipeline cannot improve (measured: fib(27) 0.18 s at O0 vs 0.19 s at O2) while O2
// multiplied compile time by five on the conformance programs, so the default is 0 (fast
// instruction selection, no IR passes) until typed code gives the optimiser something to do.
int opt_level() {
  static int level = [] {
    const char* e = std::getenv("UFORA_OPT");
    return e && *e >= '0' && *e <= '3' ? *e - '0' : 0;
  }();
  return level;
}

// `target`: the host machine, so that the unroller's and vectoriser's cost models know the
// CPU (without it they assume a generic target and, e.g., never unroll by the issue width).
void optimise(llvm::Module& m, int level, llvm::TargetMachine* target) {
  if (level == 0) return;
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(target);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(level == 1 ? llvm::OptimizationLevel::O1 : llvm::OptimizationLevel::O2);
  mpm.run(m, mam);
}

}  // namespace

JitEngine& JitEngine::instance() {
  static JitEngine* engine = new JitEngine();  // lives until exit: compiled code may run to the end
  return *engine;
}

JitEngine::JitEngine() {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::InitializeNativeTargetAsmParser();
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) throw std::runtime_error("cannot detect the host for the JIT: " + to_string(jtmb.takeError()));
  // Machine code at two tiers: boxed code (runtime calls in straight lines, compiled once per
  // function and mostly run little) goes through fast instruction selection and the fast
  // register allocator; typed kernels, where the time is spent, get the full back end.
  // Measured on bench/nbody.py, where only boxed code runs: the back end at -O2 for every
  // module spent a third of the whole run.
  if (perf_map_wanted()) jtmb->getOptions().FunctionSections = true;
  jtmb->setCodeGenOptLevel(llvm::CodeGenOptLevel::None);
  auto fast = jtmb->createTargetMachine();
  if (!fast) throw std::runtime_error("cannot create the JIT's target machine: " + to_string(fast.takeError()));
  fast_ = std::move(*fast);
  jtmb->setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
  auto target = jtmb->createTargetMachine();
  if (!target) throw std::runtime_error("cannot create the JIT's target machine: " + to_string(target.takeError()));
  target_ = std::move(*target);
  auto jit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(*jtmb)).create();
  if (!jit) throw std::runtime_error("cannot start the LLVM JIT: " + to_string(jit.takeError()));
  jit_ = std::move(*jit);
  attach_perf_map(*jit_);
  auto& es = jit_->getExecutionSession();
  llvm::orc::MangleAndInterner mangle(es, jit_->getDataLayout());
  llvm::orc::SymbolMap symbols;
  size_t n = 0;
  const EntryPoint* table = entry_point_table(&n);
  for (size_t i = 0; i < n; ++i)
    symbols[mangle(table[i].name)] = {llvm::orc::ExecutorAddr::fromPtr(table[i].address),
                                      llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  if (auto err = jit_->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols))))
    throw std::runtime_error("cannot register runtime entry points: " + to_string(std::move(err)));
}

const llvm::DataLayout& JitEngine::data_layout() const { return jit_->getDataLayout(); }

CompileStats JitEngine::compile_stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

CompileStats compile_stats() { return JitEngine::instance().compile_stats(); }

// Everything beyond the IR that the machine code depends on. The pipeline and the target
// machines are set up in this file, so its build time stands for them: a rebuild after
// changing optimise() must not load objects the old one made.
std::string JitEngine::compiler_settings(int level) const {
  return "ufora " __DATE__ " " __TIME__ "; LLVM " LLVM_VERSION_STRING "; " + jit_->getTargetTriple().str() +
         "; " + target_->getTargetCPU().str() + "; " + target_->getTargetFeatureString().str() + "; O" +
         std::to_string(level) + (target_->Options.FunctionSections ? "; function sections" : "");
}

// Links `compiled` into a JITDylib of its own (its address table and entries keep the names
// they were compiled with, whatever else is linked), fills its address table and sets `out`
// to its entries; the error, or "".
std::string JitEngine::link(const CachedObject& compiled, const Fingerprint& key, const std::vector<uint64_t>& addresses,
                            std::vector<void*>& out) {
  out.clear();
  auto dylib = jit_->createJITDylib("ufora_module_" + std::to_string(++dylibs_));
  if (!dylib) return "JIT error: " + to_string(dylib.takeError());
  dylib->addToLinkOrder(jit_->getMainJITDylib());
  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(compiled.object, "ufora_" + hex(key));
  if (auto err = jit_->addObjectFile(*dylib, std::move(buffer))) return "JIT error: " + to_string(std::move(err));
  std::vector<void*> entries;
  for (const std::string& s : compiled.entry_names) {
    auto addr = jit_->lookup(*dylib, s);
    if (!addr) return "JIT lookup failed for " + s + ": " + to_string(addr.takeError());
    entries.push_back(addr->toPtr<void*>());
  }
  // Filled before any of the module's code can run (nobody has its entries yet).
  if (!addresses.empty()) {
    auto table = jit_->lookup(*dylib, kAddressTableSymbol);
    if (!table) return "JIT lookup failed for the address table: " + to_string(table.takeError());
    std::copy(addresses.begin(), addresses.end(), table->toPtr<uint64_t*>());
  }
  out = std::move(entries);
  return "";
}

std::vector<void*> JitEngine::add(std::unique_ptr<llvm::Module> owned_module, std::unique_ptr<llvm::LLVMContext> owned_context,
                                  const std::vector<std::string>& symbols, bool fully) {
  // The module goes before its context on every way out (the context deletes the modules it
  // still holds; parameters are destroyed in an order each compiler picks).
  struct Owner {
    std::unique_ptr<llvm::LLVMContext> context;
    std::unique_ptr<llvm::Module> module;
  } owner{std::move(owned_context), std::move(owned_module)};
  llvm::Module* module = owner.module.get();
  std::lock_guard<std::mutex> lock(mutex_);
  auto started = std::chrono::steady_clock::now();
  module->setDataLayout(jit_->getDataLayout());
  module->setTargetTriple(jit_->getTargetTriple().str());
  std::vector<uint64_t> addresses = move_addresses_to_table(*module);
  std::string verify_errors;
  llvm::raw_string_ostream vos(verify_errors);
  if (llvm::verifyModule(*module, &vos)) throw std::runtime_error("internal error: invalid LLVM IR generated:\n" + vos.str());
  int level = fully ? 2 : opt_level();
  Fingerprint key = module_fingerprint(*module, symbols, compiler_settings(level));
  stats_.modules += 1;
  stats_.optimised += level > 0 ? 1 : 0;

  // The same code already linked against the same addresses (two comprehensions of one
  // shape, say): its entries serve this module too.
  std::string linked_key(reinterpret_cast<const char*>(key.data()), key.size());
  linked_key.append(reinterpret_cast<const char*>(addresses.data()), addresses.size() * sizeof(uint64_t));
  // UFORA_DUMP=llvm shows what the optimiser made, so it compiles afresh.
  bool dump = dump_enabled("llvm");
  auto linked = dump ? linked_.end() : linked_.find(linked_key);
  if (linked != linked_.end()) {
    stats_.shared += 1;
    stats_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return linked->second;
  }

  auto compile = [&] {
    optimise(*module, level, target_.get());
    if (dump) module->print(llvm::errs(), nullptr);
    auto object = llvm::orc::SimpleCompiler(level > 0 ? *target_ : *fast_)(*module);
    if (!object) throw std::runtime_error("JIT error: " + to_string(object.takeError()));
    CachedObject made{symbols, (*object)->getBuffer().str()};
    cache_.store(key, made);
    return made;
  };
  std::optional<CachedObject> cached = dump ? std::nullopt : cache_.find(key);
  std::vector<void*> out;
  bool linked_cached = cached && cached->entry_names.size() == symbols.size() && link(*cached, key, addresses, out).empty();
  if (linked_cached) {
    stats_.from_cache += 1;
  } else if (std::string error = link(compile(), key, addresses, out); !error.empty()) {
    // Not cached, or a cached object that would not link (only a file changed by hand
    // could be one): compiled afresh, and an error of that is ours.
    throw std::runtime_error(error);
  }
  linked_.emplace(std::move(linked_key), out);
  stats_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace ufora::jit
