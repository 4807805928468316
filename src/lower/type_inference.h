// Type specialisation of numeric kernels: abstract interpretation of one ir::Function for a
// tuple of scalar argument types (DESIGN.md decision 1).
//
// A function qualifies when, for the given argument types, every value and every local slot
// has one scalar type (int, float or bool) throughout, and it only does arithmetic,
// comparisons, branches, `for` over `range(...)`, and calls to itself, to other qualifying
// functions of its module or to a few pure builtins. Such code has no side effects, so the
// typed version can give up at any point (int overflow, a division by zero, a changed global)
// and the caller simply runs the boxed version instead, which then behaves exactly as
// Python does. Anything else makes the function not qualify: it always runs boxed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lower/ir.h"

namespace ufora::ir {

enum class Scalar : uint8_t { Unknown, Bool, Int, Float };
const char* scalar_name(Scalar s);

// What a module global called from a kernel refers to when it is specialised.
struct GlobalTarget {
  enum Kind { Other, Function, Range, Abs, Float, Int, Min, Max } kind = Other;
  int32_t function = -1;  // for Function: index into Program::functions
};
using GlobalResolver = std::function<GlobalTarget(int64_t slot)>;

struct TypedCall {
  int32_t function;            // callee index in the program
  std::vector<Scalar> args;    // the callee specialisation it needs
};

struct TypedFunction {
  int32_t function = -1;
  std::vector<Scalar> args;
  Scalar result = Scalar::Unknown;
  std::vector<Scalar> value_types;  // per ValueId (Unknown for values never materialised)
  std::vector<Scalar> local_types;  // per local slot
  // Every specialisation this one calls, including itself for recursion.
  std::vector<TypedCall> callees;
  // Signature of the specialisation as a string, e.g. "fib(int)->int", for dumps.
  std::string signature(const Program& p) const;
};

// Infers the types of `program.functions[function]` for `args`, and of every kernel it calls
// (recursively, with a fixpoint for recursive return types). Returns nothing when the
// function does not qualify; `why` then says what stopped it (for UFORA_DUMP=typed).
std::optional<std::vector<TypedFunction>> infer_kernel(const Program& program, int32_t function,
                                                       const std::vector<Scalar>& args, const GlobalResolver& globals,
                                                       std::string* why);

}  // namespace ufora::ir
