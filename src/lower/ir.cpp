#include "lower/ir.h"

#include <sstream>

namespace ufora::ir {

namespace {
struct OpInfo {
  const char* name;
  bool value;
  bool raise;
};
constexpr OpInfo kOps[] = {
#define UFORA_IR_INFO(name, value, raise) {#name, value, raise},
    UFORA_IR_OPS(UFORA_IR_INFO)
#undef UFORA_IR_INFO
};
}  // namespace

const char* op_name(Op op) { return kOps[int(op)].name; }
bool op_produces_value(Op op) { return kOps[int(op)].value; }
bool op_can_raise(Op op) { return kOps[int(op)].raise; }
bool op_is_terminator(Op op) {
  switch (op) {
    case Op::Jump:
    case Op::Branch:
    case Op::ForIter:
    case Op::Return:
    case Op::Raise:
    case Op::Reraise:
    case Op::AssertFail: return true;
    default: return false;
  }
}

std::string print_function(const Function& f) {
  std::ostringstream os;
  os << "function " << f.qualname << "(";
  for (size_t i = 0; i < f.params.size(); ++i) os << (i ? ", " : "") << f.params[i];
  os << ")" << (f.is_generator ? " generator" : "") << "  ; line " << f.span.line << "\n";
  os << "  locals:";
  for (size_t i = 0; i < f.local_names.size(); ++i) os << " " << i << "=" << f.local_names[i];
  os << "\n  free:";
  for (const auto& n : f.free_names) os << " " << n;
  os << "\n";
  for (size_t b = 0; b < f.blocks.size(); ++b) {
    os << " b" << b;
    if (f.blocks[b].handler != kNoBlock) os << " (handler b" << f.blocks[b].handler << ")";
    os << ":\n";
    for (const Instr& in : f.blocks[b].instrs) {
      os << "    ";
      if (in.result != kNoValue) os << "%" << in.result << " = ";
      os << op_name(in.op);
      if (in.imm || in.op == Op::ConstInt || in.op == Op::LoadLocal || in.op == Op::StoreLocal) os << " #" << in.imm;
      if (in.imm2) os << " #" << in.imm2;
      if (in.op == Op::ConstFloat) os << " " << in.fimm;
      if (!in.text.empty()) os << " \"" << in.text << "\"";
      for (ValueId a : in.args) os << " %" << a;
      for (BlockId t : in.targets) os << " ->b" << t;
      if (!in.names.empty()) {
        os << " kw(";
        for (size_t i = 0; i < in.names.size(); ++i) os << (i ? "," : "") << in.names[i];
        os << ")";
      }
      os << "   ; " << in.span.line << ":" << in.span.col << "\n";
    }
  }
  return os.str();
}

std::string print_program(const Program& p) {
  std::string out;
  for (const Function& f : p.functions) out += print_function(f) + "\n";
  return out;
}

}  // namespace ufora::ir
