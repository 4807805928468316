#include "values/operators.h"

namespace ufora {

namespace {
struct BinaryNames {
  const char* symbol;
  const char* dunder;
  const char* rdunder;
};
constexpr BinaryNames kBinary[] = {
    {"+", "__add__", "__radd__"},          {"-", "__sub__", "__rsub__"},
    {"*", "__mul__", "__rmul__"},          {"@", "__matmul__", "__rmatmul__"},
    {"/", "__truediv__", "__rtruediv__"},  {"//", "__floordiv__", "__rfloordiv__"},
    {"%", "__mod__", "__rmod__"},          {"** or pow()", "__pow__", "__rpow__"},
    {"<<", "__lshift__", "__rlshift__"},   {">>", "__rshift__", "__rrshift__"},
    {"&", "__and__", "__rand__"},          {"|", "__or__", "__ror__"},
    {"^", "__xor__", "__rxor__"},
};
constexpr const char* kCompareSymbol[] = {"==", "!=", "<", "<=", ">", ">="};
constexpr const char* kCompareDunder[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
}  // namespace

const char* binary_op_symbol(BinaryOp op) { return kBinary[int(op)].symbol; }
const char* binary_op_dunder(BinaryOp op) { return kBinary[int(op)].dunder; }
const char* binary_op_rdunder(BinaryOp op) { return kBinary[int(op)].rdunder; }
const char* compare_op_symbol(CompareOp op) { return kCompareSymbol[int(op)]; }
const char* compare_op_dunder(CompareOp op) { return kCompareDunder[int(op)]; }

CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

}  // namespace ufora
