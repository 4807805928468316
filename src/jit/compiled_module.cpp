#include "jit/compiled_module.h"

#include <cstdlib>

#include "jit/codegen.h"
#include "jit/jit_engine.h"
#include "runtime/call_depth.h"
#include "runtime/cycle_collector.h"

namespace ufora::jit {

CompiledModule::CompiledModule(const ir::Program& program, const std::string& module_name)
    : module_(new ModuleObj(module_name)) {
  module_->names = program.global_names;
  module_->globals.assign(program.global_names.size(), nullptr);
  for (const ir::Function& f : program.functions) {
    auto c = std::make_unique<CodeInfo>();
    c->name = f.name;
    c->qualname = f.qualname;
    c->file = program.file;
    c->first_line = f.span.line;
    c->params = f.params;
    c->n_posonly = f.n_posonly;
    c->n_positional = f.n_positional;
    c->n_kwonly = f.n_kwonly;
    c->has_varargs = f.has_varargs;
    c->has_varkw = f.has_varkw;
    c->is_generator = f.is_generator;
    c->has_doc = f.has_doc;
    c->doc = f.doc;
    codes_.push_back(std::move(c));
  }
  std::vector<CodeInfo*> codes;
  for (auto& c : codes_) codes.push_back(c.get());
  auto context = std::make_unique<llvm::LLVMContext>();
  CodegenResult gen = generate_llvm(program, module_, codes, pool_, *context);
  std::vector<void*> entries = JitEngine::instance().add(std::move(gen.module), std::move(context), gen.symbols);
  for (size_t i = 0; i < entries.size(); ++i) codes_[i]->entry = reinterpret_cast<CodeInfo::Entry>(entries[i]);
  if (!std::getenv("UFORA_NO_TYPED")) {
    specializer_ = std::make_unique<Specializer>(program, module_, codes, pool_);
    specializer_->attach();
  }
}

CompiledModule::~CompiledModule() {
  specializer_.reset();
  decref(module_);
  // Recursive closures and classes using super() may now be cycles nobody else holds.
  collect_cycles();
}

Obj* CompiledModule::run_body() {
  FrameScope module_frame;  // CPython counts it: f(999) from module code of a 1000 limit is too deep
  return codes_[0]->entry(nullptr, nullptr);
}

}  // namespace ufora::jit
