// sorted() of an unboxed list (all floats or all int64 ints, values/packed_seq.h) without
// boxing: a stable merge sort whose halves run in parallel when a thread is idle (the
// scheduler's lazy splitting). A stable sort's result does not depend on how the work was
// split, so the answer is the same on any number of threads, and it is CPython's: for
// numbers without NaN, `<` is a total preorder and every stable sort agrees.
#pragma once

#include <cstdint>
#include <vector>

#include "values/packed_seq.h"

namespace ufora {

// Sorts the elements (bit patterns of `kind`) as sorted(..., reverse=reverse) would; false,
// leaving them unsorted, when a float is NaN (then Python's answer depends on its algorithm).
bool sort_packed(PackedKind kind, std::vector<int64_t>& bits, bool reverse);

}  // namespace ufora
