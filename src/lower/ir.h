// The Ufora IR: what the front end produces and the JIT consumes.
//
// A Program is a list of Functions (index 0 is the module body). A Function is a list of
// basic blocks; each block is a straight list of instructions ending in one terminator.
// Temporaries are SSA values (defined once, by the instruction that produces them); named
// variables live in numbered local slots (LoadLocal/StoreLocal), which the back end promotes
// to registers, the way Clang's allocas become SSA in LLVM.
//
// Semantics every back end relies on (the JIT today, the typed and GPU paths later):
//  - every value is a Python object; instructions follow Python's evaluation order exactly;
//  - an instruction that can raise jumps, on failure, to its block's `handler` block (or out
//    of the function when there is none), after recording a traceback entry for `span`;
//  - a value is owned by the function from its definition until a Release instruction (or
//    until the function exits, on any path) - this is how the back end knows lifetimes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lower/source.h"

namespace ufora::ir {

using ValueId = int32_t;
using BlockId = int32_t;
constexpr ValueId kNoValue = -1;
constexpr BlockId kNoBlock = -1;

// X(name, produces_value, can_raise) — the single list the enum, printer and back end use.
#define UFORA_IR_OPS(X)                                                                        \
  /* constants: imm / fimm / text hold the literal */                                         \
  X(ConstInt, true, false)       /* imm = value (fits int64) */                               \
  X(ConstBigInt, true, false)    /* text = decimal digits */                                  \
  X(ConstFloat, true, false)     /* fimm */                                                   \
  X(ConstStr, true, false)       /* text (UTF-8) */                                           \
  X(ConstNone, true, false)                                                                   \
  X(ConstTrue, true, false)                                                                   \
  X(ConstFalse, true, false)                                                                  \
  X(ConstEllipsis, true, false)                                                               \
  /* variables */                                                                             \
  X(LoadLocal, true, true)       /* imm = slot, text = name (UnboundLocalError); imm2 > 0: */ \
                                 /* a class body's name: unbound, it is global imm2 - 1    */ \
  X(StoreLocal, false, false)    /* imm = slot, args[0] */                                    \
  X(DeleteLocal, false, false)   /* imm = slot: releases it and leaves it unbound */          \
  X(LoadDeref, true, true)       /* value in the cell held by local slot imm */               \
  X(DeleteDeref, false, false)   /* empties the cell held by local slot imm */                \
  X(StoreDeref, false, false)    /* args[0] into the cell held by local slot imm */           \
  X(LoadFree, true, true)        /* value in closure cell imm (NameError if empty) */         \
  X(StoreFree, false, false)     /* args[0] into closure cell imm (walrus in a comprehension) */ \
  X(LoadCellObj, true, false)    /* the cell object itself in local slot imm */               \
  X(LoadFreeCellObj, true, false)/* the closure cell object imm */                            \
  X(MakeCell, true, false)       /* a new empty cell */                                       \
  X(LoadGlobal, true, true)      /* imm = module slot, text = name; then builtins */          \
  X(DeleteGlobal, false, false)  /* imm = module slot: unbinds it */                          \
  X(StoreGlobal, false, false)   /* imm = module slot, args[0] */                             \
  /* operators */                                                                             \
  X(Binary, true, true)          /* imm = lower::BinOpKind, args[0] op args[1]; imm2: see   */ \
                                 /* kExtendsTemporary                                       */ \
  X(Unary, true, true)           /* imm = lower::UnaryKind */                                 \
  X(Compare, true, true)         /* imm = lower::CmpKind (Eq..GtE) */                         \
  X(Is, true, false)             /* imm = 1 for `is not` */                                   \
  X(Contains, true, true)        /* args[0] in args[1]; imm = 1 for `not in` */               \
  X(GetAttr, true, true)         /* args[0].text */                                           \
  X(GetItem, true, true)         /* args[0][args[1]] */                                       \
  X(BuildSlice, true, false)     /* start, stop, step (None where absent) */                  \
  /* calls: args[0] is the callee, then positionals, then one value per keyword name */       \
  X(Call, true, true)            /* names = keyword names */                                  \
  X(CallEx, true, true)          /* callee, positional tuple, keyword dict (or kNoValue) */   \
  /* building containers */                                                                   \
  X(BuildTuple, true, false)                                                                  \
  X(BuildList, true, false)                                                                   \
  X(BuildSet, true, true)        /* hashing may raise */                                      \
  X(BuildDict, true, true)       /* args = k0, v0, k1, v1, ... */                             \
  X(BuildString, true, false)    /* concatenation of str values (f-strings) */                \
  X(FormatValue, true, true)     /* args[0] value, args[1] spec or absent; imm = conversion */ \
  /* accumulators: private, growable containers finished into immutable values */            \
  X(AccNew, true, false)         /* imm = AccKind */                                          \
  X(AccAppend, false, true)      /* acc, value (sets hash) */                                 \
  X(AccExtend, false, true)      /* acc, iterable (or mapping for dict accumulators) */       \
  X(AccSetItem, false, true)     /* acc, key, value */                                        \
  X(AccFinish, true, false)      /* acc -> list/tuple/set/frozenset/dict; imm = AccKind */    \
  /* iteration and unpacking */                                                               \
  X(GetIter, true, true)                                                                      \
  X(UnpackSeq, true, true)       /* exactly imm items -> a tuple */                           \
  X(UnpackStar, true, true)      /* imm items before the star, imm2 after -> a tuple */       \
  X(TupleItem, true, false)      /* args[0][imm] of a tuple made by Unpack* */                \
  /* functions, classes, modules */                                                           \
  X(MakeFunction, true, false)   /* imm = function index; args: defaults, kwdefaults, cells */ \
  X(MakeClass, true, true)       /* text = name; args: bases, namespace dict, __class__ cell */ \
  X(LocalsDict, true, false)     /* dict of the listed local slots (imm list in `slots`) */   \
  X(ImportName, true, true)      /* text = module name */                                     \
  X(Super, true, true)           /* zero-argument super(): class cell value, self */          \
  /* generators */                                                                            \
  X(Yield, true, true)                                                                        \
  X(IterResult, true, false)     /* return value of finished generator args[0], else None */  \
  /* exceptions */                                                                            \
  X(CurrentException, true, false) /* in a handler: takes the pending exception */            \
  X(ExcMatches, true, true)      /* exception args[0] is an instance of class(es) args[1] */  \
  X(Release, false, false)       /* ends the lifetime of args[0] */                           \
  X(Truthy, true, true)          /* True/False (immortal) from the truth of args[0] */        \
  X(SetAttr, false, true)        /* args[0].text = args[1]; only inside __init__ */           \
  /* terminators */                                                                           \
  X(Jump, false, false)          /* -> targets[0] */                                          \
  X(Branch, false, true)         /* truth of args[0] -> targets[0] / targets[1] */            \
  X(ForIter, true, true)         /* next of iterator args[0] -> targets[0], end -> targets[1] */ \
  X(Return, false, false)        /* args[0] */                                                \
  X(Raise, false, true)          /* raise args[0] (from args[1]); none: re-raise imm value */ \
  X(Reraise, false, true)        /* re-raise the exception value args[0] unchanged */         \
  X(AssertFail, false, true)     /* AssertionError(args[0] if any) */

enum class Op : uint8_t {
#define UFORA_IR_ENUM(name, value, raise) name,
  UFORA_IR_OPS(UFORA_IR_ENUM)
#undef UFORA_IR_ENUM
};

enum class AccKind : uint8_t { List, Tuple, Set, FrozenSet, Dict };

const char* op_name(Op op);
bool op_produces_value(Op op);
bool op_can_raise(Op op);
bool op_is_terminator(Op op);

// Binary's imm2 for `+`: how many references args[0] may have and still be extended in place
// (list + list), because nothing can see it change. A temporary (`(a + b) + c`) is only held
// by the operation; a name the result replaces (`x = x + e`, `x += e`) by the operation and
// the name. The run time compares the count (values/object.h refcount): one more holder means
// an alias, and the operation copies as Python does. 0: never in place.
constexpr int64_t kExtendsTemporary = 1;
constexpr int64_t kExtendsReplacedName = 2;

struct Instr {
  Op op;
  ValueId result = kNoValue;
  std::vector<ValueId> args;
  std::vector<BlockId> targets;
  std::vector<std::string> names;  // keyword names of a Call
  std::vector<int32_t> slots;      // LocalsDict: which slots
  int64_t imm = 0;
  int64_t imm2 = 0;
  double fimm = 0;
  std::string text;
  Span span;
};

struct Block {
  std::vector<Instr> instrs;
  BlockId handler = kNoBlock;  // where a raising instruction goes; kNoBlock = leave the function
};

// A compiled unit: the module body, a def, a lambda, a comprehension or a class body.
struct Function {
  std::string name;
  std::string qualname;
  Span span;
  // Parameters occupy the first local slots, in CodeInfo order (see runtime/callable.h).
  std::vector<std::string> params;
  int32_t n_posonly = 0;
  int32_t n_positional = 0;
  int32_t n_kwonly = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  bool is_generator = false;
  bool builds_list = false;  // a list comprehension, or a generator expression built as one
  bool builds_set = false;   // a set comprehension: a kernel builds the list of its items, then the set
  bool builds_dict = false;  // a dict comprehension: kernels build the list of its keys and of its values
  bool hidden_frame = false;  // map()/filter() made a generator expression: tracebacks skip it
  bool lines_to_caller = false;  // hidden, and stands for a loop of its caller: an error's line is given to the caller's frame
  bool has_doc = false;
  std::string doc;  // docstring: a string literal as the first statement of the body
  std::vector<std::string> local_names;  // one per slot
  std::vector<std::string> free_names;   // closure cells, in the order MakeFunction passes them
  std::vector<Block> blocks;             // block 0 is the entry
  int32_t n_values = 0;
};

struct Program {
  std::string file;
  std::vector<Function> functions;        // [0] is the module body
  std::vector<std::string> global_names;  // module slots
};

// Text form for UFORA_DUMP=ir.
std::string print_function(const Function& f);
std::string print_program(const Program& p);

}  // namespace ufora::ir
