#include "api/pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "lower/dump_options.h"
#include "lower/desugar_loop_concat.h"
#include "lower/desugar_map_filter.h"
#include "lower/desugar_while_count.h"
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
  if (lower::desugar_while_count(*ast, scopes, source.filename()) > 0) scopes = lower::analyze_scopes(*ast);
  if (lower::desugar_loop_concat(*ast, scopes, source.filename()) > 0) scopes = lower::analyze_scopes(*ast);
  if (lower::desugar_map_filter(*ast, scopes) > 0) scopes = lower::analyze_scopes(*ast);
  ir::Program program = lower::lower_to_ir(*ast, scopes, source);
  if (dump_enabled("ir")) {
    // UFORA_DUMP_FUNCTION=name restricts the dump to functions whose qualified name matches.
    const char* only = std::getenv("UFORA_DUMP_FUNCTION");
    for (const ir::Function& f : program.functions)
      if (!only || f.qualname == only || f.name == only) fprintf(stderr, "%s\n", ir::print_function(f).c_str());
  }
  return std::make_unique<jit::CompiledModule>(program, module_name);
}

}  // namespace ufora::api
