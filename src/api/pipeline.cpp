#include "api/pipeline.h"

#include <cstdio>

#include "lower/dump_options.h"
#include "lower/dump_ast.h"
#include "lower/immutability_check.h"
#include "lower/lower_to_ir.h"
#include "lower/parse_python.h"
#include "lower/scope_analysis.h"

namespace ufora::api {

std::unique_ptr<jit::CompiledModule> compile_module(const lower::SourceFile& source, const std::string& module_name) {
  std::unique_ptr<lower::Module> ast = lower::parse_module(source);
  if (dump_enabled("ast")) fprintf(stderr, "%s\n", lower::dump_ast(*ast).c_str());
  lower::check_immutability(*ast);
  lower::ScopeTable scopes = lower::analyze_scopes(*ast);
  ir::Program program = lower::lower_to_ir(*ast, scopes, source);
  if (dump_enabled("ir")) fprintf(stderr, "%s\n", ir::print_program(program).c_str());
  return std::make_unique<jit::CompiledModule>(program, module_name);
}

}  // namespace ufora::api
