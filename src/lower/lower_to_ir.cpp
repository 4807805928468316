#include "lower/lower_to_ir.h"

#include "lower/lowering_context.h"

namespace ufora::lower {

ir::Program lower_to_ir(const Module& module, const ScopeTable& scopes, const SourceFile& source) {
  ProgramBuilder pb{scopes, source, {}, {}};
  pb.program.file = source.filename();
  int32_t index = pb.reserve_function();
  ir::Function body;
  body.name = "<module>";
  body.qualname = "<module>";
  body.span = module.span;
  FunctionLowerer lowerer(pb, body, &module, false, true);
  lowerer.begin(nullptr);
  lowerer.lower_body(module.body);
  lowerer.finish();
  pb.program.functions[size_t(index)] = std::move(body);
  return std::move(pb.program);
}

}  // namespace ufora::lower
