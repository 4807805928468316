// The Python recursion limit: a call deeper than this raises RecursionError instead of
// overflowing the native stack.
#pragma once

namespace ufora {

constexpr int kDefaultRecursionLimit = 1000;
void set_recursion_limit(int limit);
int recursion_limit();
int call_depth();  // Python calls active on this thread

// A frame that is not a call but counts towards the limit, as in CPython: the module body's.
class FrameScope {
 public:
  FrameScope();
  ~FrameScope();
  FrameScope(const FrameScope&) = delete;
  FrameScope& operator=(const FrameScope&) = delete;
};

}  // namespace ufora
