// Python's clamping of one given slice bound into a sequence of `len` items (what
// slice.indices() does), shared by the boxed slicing code and the slices kernels make.
#pragma once

#include <cstdint>

namespace ufora {

// A negative bound counts from the end; past either end it stops at the first or last
// position the step's direction can reach.
inline int64_t clamp_slice_bound(int64_t v, int64_t len, int64_t step) {
  if (v < 0) {
    v += len;
    if (v < 0) v = step < 0 ? -1 : 0;
  } else if (v >= len) {
    v = step < 0 ? len - 1 : len;
  }
  return v;
}

}  // namespace ufora
