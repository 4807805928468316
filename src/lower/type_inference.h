// Type specialisation of numeric kernels: abstract interpretation of one ir::Function for a
// tuple of argument types (DESIGN.md decision 1).
//
// A function qualifies when, for the given argument types, every value and every local slot
// has one kernel type throughout: int, float, bool, or a sequence (list or tuple) of floats
// or of ints read from its unboxed storage. It may only do arithmetic, comparisons,
// branches, indexing and len() of sequences, `for` over `range(...)`, a sequence,
// `enumerate` or `zip` of those, sum/min/max of a sequence, generator expressions and
// list comprehensions of numbers consumed at once by sum/min/max/any/all (run inline: no
// generator, no list), and calls to itself, to other qualifying functions of its module or
// to a few pure builtins. Such code has no side effects, so the
// typed version can give up at any point (int overflow, a division by zero, a changed global)
// and the caller simply runs the boxed version instead, which then behaves exactly as
// Python does. Anything else makes the function not qualify: it always runs boxed.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lower/ir.h"

namespace ufora::ir {

// The types a kernel value can have. Sequences are read through their unboxed elements
// (values/packed_seq.h): tuples (FloatSeq, IntSeq) and lists of floats or ints, and the
// empty list `[]` before anything says what it will hold. A kernel takes them from its
// caller and makes new ones (slices, `+`, displays, `list()`: runtime/kernel_lists.h).
enum class Scalar : uint8_t { Unknown, Bool, Int, Float, FloatSeq, IntSeq, FloatList, IntList, EmptyList };
const char* scalar_name(Scalar s);
inline bool is_list(Scalar s) { return s == Scalar::FloatList || s == Scalar::IntList || s == Scalar::EmptyList; }
inline bool is_sequence(Scalar s) { return s == Scalar::FloatSeq || s == Scalar::IntSeq || is_list(s); }
inline Scalar element_of(Scalar s) { return s == Scalar::FloatSeq || s == Scalar::FloatList ? Scalar::Float : Scalar::Int; }
// The type of a value that may be either: the empty list joins a list of either element
// type; otherwise they must be the same (Unknown when they cannot be joined).
inline Scalar join_types(Scalar a, Scalar b) {
  if (a == b || b == Scalar::Unknown) return a;
  if (a == Scalar::Unknown) return b;
  if (a == Scalar::EmptyList && is_list(b)) return b;
  if (b == Scalar::EmptyList && is_list(a)) return a;
  return Scalar::Unknown;
}

// What a module global called from a kernel refers to when it is specialised.
struct GlobalTarget {
  enum Kind { Other, Function, Constant, Range, Abs, Float, Int, Min, Max, Len, Sum, Any, All, Enumerate, Zip, List } kind = Other;
  int32_t function = -1;  // for Function: index into Program::functions
  // For Constant: a module global holding a number (`N = 100`), whose type kernels take;
  // the kernel checks at run time that the global still holds that very value.
  Scalar constant_type = Scalar::Unknown;
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
  // A kernel called from outside may instead return a tuple of numbers (`return mean, var`).
  std::vector<Scalar> result_tuple;
  static constexpr size_t kMaxResultTuple = 16;
  std::vector<Scalar> value_types;  // per ValueId (Unknown for values never materialised)
  std::vector<Scalar> local_types;  // per local slot
  // Every specialisation this one calls, including itself for recursion.
  std::vector<TypedCall> callees;
  // Generator expressions and list comprehensions that a reduction consumes, by the value
  // their call makes: their bodies are compiled inline at the reduction (typed_codegen).
  std::map<ValueId, std::shared_ptr<TypedFunction>> comprehensions;
  // For such a body: the type of what it yields or appends.
  Scalar element = Scalar::Unknown;
  // A dict comprehension's body builds the list of its keys (1) or of its values (2): the
  // operand of AccSetItem it appends.
  int32_t dict_part = 0;
  // Signature of the specialisation as a string, e.g. "fib(int)->int", for dumps.
  std::string signature(const Program& p) const;
};

// Infers the types of `program.functions[function]` for `args`, and of every kernel it calls
// (recursively, with a fixpoint for recursive return types). Returns nothing when the
// function does not qualify; `why` then says what stopped it (for UFORA_DUMP=typed).
std::optional<std::vector<TypedFunction>> infer_kernel(const Program& program, int32_t function,
                                                       const std::vector<Scalar>& args, const GlobalResolver& globals,
                                                       std::string* why);

// A list comprehension called from boxed code, run as a kernel that builds an unboxed list:
// `.0` runs over a range (`source` Int) or a sequence (FloatSeq / IntSeq), and its free
// variables have `free_types`. The first result is the comprehension (its `args` are
// source then free types, its `element` the list's element type), then its callees.
std::optional<std::vector<TypedFunction>> infer_list_kernel(const Program& program, int32_t function, int32_t dict_part, Scalar source,
                                                            const std::vector<Scalar>& free_types,
                                                            const GlobalResolver& globals, std::string* why);

}  // namespace ufora::ir
