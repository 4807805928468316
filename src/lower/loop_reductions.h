// Which `for` loops of a numeric kernel are reductions that may run in parallel (DESIGN.md
// decision 5), and why the others stay sequential.
//
// A loop qualifies when every local it assigns is either
//  - a temporary: assigned before it is read on every path through an iteration, and not
//    read after the loop (the loop variable included); or
//  - an accumulator: every read of it in the loop is the start of its own update, a chain of
//    one associative operation ending in a store back into it, whose other operands read no
//    accumulator: `s += e`, `s = s + e - f`, `s = e + s` (commutative operations only),
//    `p *= e` (ints), `b |= e`, `m = max(m, e, ...)`, `ok = ok and e` (bools).
// and nothing leaves the loop but its end (`continue` is fine; `break` and `return` are not).
// Such a loop can run its items in pieces, each piece's accumulators starting from the
// operation's identity (the first piece from their real values) and the pieces' results
// combined left to right, which is the loop's own answer whenever the operation is
// associative (exactly so for int and bool operations and min/max; float sums are grouped
// along the fixed tree of runtime/parallel_reduce.h).
#pragma once

#include <string>
#include <vector>

#include "lower/type_inference.h"

namespace ufora::ir {

// And / Or: `ok = ok and e`, `found = found or e` of bools (the logical operators; skipping e
// once the answer is known is not observable in pure code).
enum class LoopAccOp : uint8_t { Sum, Product, BitAnd, BitOr, BitXor, Min, Max, And, Or };
const char* loop_acc_op_name(LoopAccOp op);

struct LoopAccumulator {
  int32_t slot;
  LoopAccOp op;
};

struct LoopPlan {
  BlockId header = kNoBlock;   // the block holding only the loop's ForIter
  int32_t line = 0;            // of the `for`
  std::vector<BlockId> body;   // blocks of one iteration (sorted)
  std::vector<LoopAccumulator> accumulators;
  std::string why;             // empty when the loop is a parallel reduction
  int32_t why_line = 0;        // where the reason is (a break, a read), else the loop's line
  bool parallel() const { return why.empty(); }
};

constexpr size_t kMaxLoopAccumulators = 16;

// Every `for` loop of `f`, in block order. `local_types` are the kernel's slot types (empty:
// not checked); `globals` tells which module globals are the builtins min and max.
std::vector<LoopPlan> analyse_loops(const Program& p, const Function& f, const std::vector<Scalar>& local_types,
                                    const GlobalResolver& globals);

// One line per loop, for UFORA_DUMP=loops and the unit tests: "line 3: parallel: s (sum)".
std::string describe_loops(const Function& f, const std::vector<LoopPlan>& plans);

}  // namespace ufora::ir
