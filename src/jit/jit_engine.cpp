#include "jit/jit_engine.h"

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

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

// The module flag that marks typed kernels, which get the optimising back end.
constexpr const char* kOptimisedFlag = "ufora.optimised";

// Machine code at two tiers: boxed code (runtime calls in straight lines, compiled once per
// function and mostly run little) goes through fast instruction selection and the fast
// register allocator; typed kernels, where the time is spent, get the full back end.
// Measured on bench/nbody.py, where only boxed code runs: the back end at -O2 for every
// module spent a third of the whole run.
class TieredCompiler : public llvm::orc::IRCompileLayer::IRCompiler {
 public:
  TieredCompiler(std::unique_ptr<llvm::TargetMachine> fast, std::unique_ptr<llvm::TargetMachine> optimising)
      : IRCompiler(llvm::orc::irManglingOptionsFromTargetOptions(optimising->Options)),
        fast_(std::move(fast)),
        optimising_(std::move(optimising)) {}

  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> operator()(llvm::Module& m) override {
    bool optimised = m.getModuleFlag(kOptimisedFlag) != nullptr;
    return llvm::orc::SimpleCompiler(optimised ? *optimising_ : *fast_)(m);
  }

 private:
  std::unique_ptr<llvm::TargetMachine> fast_;
  std::unique_ptr<llvm::TargetMachine> optimising_;
};

llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> make_tiered_compiler(llvm::orc::JITTargetMachineBuilder jtmb) {
  jtmb.setCodeGenOptLevel(llvm::CodeGenOptLevel::None);
  auto fast = jtmb.createTargetMachine();
  if (!fast) return fast.takeError();
  jtmb.setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
  auto optimising = jtmb.createTargetMachine();
  if (!optimising) return optimising.takeError();
  return std::make_unique<TieredCompiler>(std::move(*fast), std::move(*optimising));
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
  jtmb->setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
  auto target = jtmb->createTargetMachine();
  if (!target) throw std::runtime_error("cannot create the JIT's target machine: " + to_string(target.takeError()));
  target_ = std::move(*target);
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*jtmb))
                 .setCompileFunctionCreator(make_tiered_compiler)
                 .create();
  if (!jit) throw std::runtime_error("cannot start the LLVM JIT: " + to_string(jit.takeError()));
  jit_ = std::move(*jit);
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

std::vector<void*> JitEngine::add(std::unique_ptr<llvm::Module> module, std::unique_ptr<llvm::LLVMContext> context,
                                  const std::vector<std::string>& symbols, bool fully) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto started = std::chrono::steady_clock::now();
  module->setDataLayout(jit_->getDataLayout());
  module->setTargetTriple(jit_->getTargetTriple().str());
  std::string verify_errors;
  llvm::raw_string_ostream vos(verify_errors);
  if (llvm::verifyModule(*module, &vos)) throw std::runtime_error("internal error: invalid LLVM IR generated:\n" + vos.str());
  int level = fully ? 2 : opt_level();
  optimise(*module, level, target_.get());
  if (level > 0) module->addModuleFlag(llvm::Module::Warning, kOptimisedFlag, 1);
  if (dump_enabled("llvm")) module->print(llvm::errs(), nullptr);
  if (auto err = jit_->addIRModule(llvm::orc::ThreadSafeModule(std::move(module), std::move(context))))
    throw std::runtime_error("JIT error: " + to_string(std::move(err)));
  std::vector<void*> out;
  for (const std::string& s : symbols) {
    auto addr = jit_->lookup(s);
    if (!addr) throw std::runtime_error("JIT lookup failed for " + s + ": " + to_string(addr.takeError()));
    out.push_back(addr->toPtr<void*>());
  }
  // Lookups compile (ORC compiles lazily on the first lookup), so this counts the back end too.
  stats_.modules += 1;
  stats_.optimised += level > 0 ? 1 : 0;
  stats_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace ufora::jit
