// Deterministic parallel reductions: what typed kernels call for sum/min/max/any/all/len of a
// comprehension over a range or a sequence (DESIGN.md decisions 5 and 6).
//
// The N items are cut into leaves whose size depends only on N and the operation, and the
// leaves' partial results are combined along a fixed balanced tree, on one thread or many:
// the answer never depends on the thread count or on timing. Inside a leaf the order is
// Python's, left to right, so a float sum over at most kFloatLeaf items is CPython's sum
// exactly. Operations whose answer does not depend on the grouping (int sums, min/max
// without NaN, any/all, counts) cut N into 256 leaves, for balance.
//
// Splitting is lazy: a tree node is offered to other threads only when one of them is idle,
// so on one thread the tree costs an atomic load per node. Kernels are pure, so a part that
// gives up (overflow, NaN in min/max, anything typed code cannot do) makes the whole
// reduction give up, and the boxed code then runs it sequentially, exactly as Python would.
#pragma once

#include <cstdint>

namespace ufora {

// Any and All combine bitwise (|, &), so they also serve int and bool `|=` / `&=` loops.
// Concat: each part's acc is a list under construction (kernel_support.h's builders), joined
// in order; a reduction that gives up discards them.
enum class ReduceOp : int32_t { SumInt, SumFloat, MinInt, MaxInt, MinFloat, MaxFloat, Any, All, Count, ProductInt, Xor, Concat };

// A `for` loop reduces up to this many accumulators at once, in one pass over its items.
constexpr int32_t kMaxReduceWidth = 16;

// One part's result; the layout is shared with the JIT-compiled parts (typed_codegen).
struct Partial {
  uint64_t acc;  // int64, double bits, or 0/1
  int64_t seen;  // whether any item was seen (min/max of nothing, sum of no floats)
};

// Computes the partial result of items [lo, hi) into *out (one Partial per accumulator);
// 0 to give up.
using PartFn = int32_t (*)(void* env, int64_t lo, int64_t hi, Partial* out);

constexpr int64_t kFloatLeaf = int64_t(1) << 16;

int64_t reduce_leaf_size(ReduceOp op, int64_t n);

// Filtered reductions by key (grouped_reduce.h): a keyed part computes, in one pass over
// items [lo, hi), the partial result of every key 0 <= key < kGroupKeys into out[key].
constexpr int32_t kGroupKeys = 64;
// Reduces items [0, n) with `keyed_part` over the same fixed tree (the same leaves) as the
// plain reduction with `op`, into out[0..kGroupKeys); false when a part gave up.
// `leaf`: 0 for the plain reduction's leaves, else the leaf size.
bool reduce_by_key(ReduceOp op, int64_t n, PartFn keyed_part, void* env, Partial* out, int64_t leaf = 0);
// Items that parallel reductions have finished so far, in all (for `ufora-run --progress`).
int64_t reduced_items();
// For several accumulators: float sums' leaves if any accumulator is one.
int64_t reduce_leaf_size(const ReduceOp* ops, int32_t width, int64_t n);

}  // namespace ufora

extern "C" {
// Reduces items [0, n) into *out with `part` over the fixed tree; 0 when a part gave up.
int32_t ufr_parallel_reduce(int32_t op, int64_t n, ufora::PartFn part, void* env, ufora::Partial* out);
// The same for `width` accumulators at once: ops[i] combines out[i]; parts fill all of them.
int32_t ufr_parallel_reduce_many(int32_t width, const int32_t* ops, int64_t n, ufora::PartFn part, void* env,
                                 ufora::Partial* out);
}
