// Operator codes shared by the IR, the JIT and the runtime's dispatch.
#pragma once

#include <cstdint>

namespace ufora {

enum class BinaryOp : uint8_t { Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor };
enum class CompareOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };
enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };

// The Python spelling, for error messages ("unsupported operand type(s) for +: ...").
const char* binary_op_symbol(BinaryOp op);
const char* compare_op_symbol(CompareOp op);
// The dunder names: "__add__" / "__radd__", "__eq__", "__neg__".
const char* binary_op_dunder(BinaryOp op);
const char* binary_op_rdunder(BinaryOp op);
const char* compare_op_dunder(CompareOp op);
CompareOp swapped(CompareOp op);  // a < b  <=>  b > a

}  // namespace ufora
