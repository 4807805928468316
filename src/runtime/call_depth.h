// The Python recursion limit: a call deeper than this raises RecursionError instead of
// overflowing the native stack.
#pragma once

namespace ufora {

constexpr int kDefaultRecursionLimit = 1000;
void set_recursion_limit(int limit);
int recursion_limit();
int call_depth();  // Python calls active on this thread

}  // namespace ufora
