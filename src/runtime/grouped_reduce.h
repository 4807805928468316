// Filtered reductions that test an item's key against a free variable, `sum(v(i) for i in
// range(n) if key(i) == c)`, asked again for other values of c: the histogram pattern of
// k-means, group-by and counting sorts, written as one comprehension per value.
//
// Each such reduction is a separate pass over the items when computed alone. Here, the first
// ask with given inputs runs alone, and when the same reduction (the same part, the same
// environment apart from c) is asked again with another c, one keyed pass computes it for
// every key 0 <= key < kGroupKeys at once; later asks read their key's result. Once a keyed
// pass has answered several asks, later kernel calls run it at the first ask (until one
// answers only that one). Asks that find the pass being computed by another thread wait for
// it, running other work meanwhile. The keyed pass cuts the items into the same leaves and
// combines them along the same tree as each plain reduction, and inside a leaf adds each
// key's items in order, so every answer is bit for bit the one its own pass gives (sum, len,
// min and max). A keyed pass that gives up (a key outside the range, an overflow, a NaN in
// min/max, an item the plain reduction for c would not have computed raising) is not tried
// again: the plain reductions run.
//
// What is remembered holds for one kernel call from the boxed code (an epoch): the sequences
// in the environment are the caller's, alive and unchanged until that call returns, and
// kernels make no sequences of their own, so within it equal pointers are the same data.
#pragma once

#include <cstdint>

#include "runtime/parallel_reduce.h"

namespace ufora {

// Starts a new epoch: called before each kernel call from the boxed code.
void begin_kernel_call();

// For `ufora-run --stats`: keyed passes run, and reductions answered from one of them.
struct KeyedStats {
  int64_t passes;
  int64_t answers;
};
KeyedStats keyed_stats();

}  // namespace ufora

extern "C" {
// ufr_parallel_reduce for a part whose filter compares a key with env word `key_slot` (c):
// `keyed_part` is the same part computing every key's partial. `env_words`: the size of the
// environment, the memo's key. `one_leaf`: code without parallelism (UFORA_NO_PARALLEL=1), whose
// every pass adds its items in Python's order, as one leaf.
int32_t ufr_parallel_reduce_keyed(int32_t op, int64_t n, ufora::PartFn part, ufora::PartFn keyed_part, void* env,
                                  int32_t env_words, int32_t key_slot, int32_t one_leaf, ufora::Partial* out);
}
