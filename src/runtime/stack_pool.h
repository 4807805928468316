// Fiber stacks, kept for reuse. A scheduler task or a generator gets a stack from a pool
// when it starts and gives it back when it ends, so starting a fiber costs a lock and a
// few stores instead of an mmap, an mprotect and a munmap. Every stack has a guard page
// below it (an overflow faults cleanly instead of corrupting a neighbour), and its pages
// are only committed when touched, so a large size costs address space, not memory.
#pragma once

#include <boost/context/stack_context.hpp>
#include <cstddef>
#include <mutex>
#include <vector>

#include "runtime/fiber_switch.h"

namespace ufora {

class StackPool {
 public:
  // Stacks of `usable` bytes; at most `keep` idle stacks are kept, the rest are unmapped.
  StackPool(size_t usable, size_t keep);
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;

  boost::context::stack_context take();
  void give(boost::context::stack_context& sc) noexcept;

  size_t usable_size() const { return usable_; }

 private:
  size_t usable_;
  size_t keep_;
  std::mutex lock_;
  std::vector<boost::context::stack_context> idle_;
};

// The pools: tasks get the size of a thread's stack (kernels may recurse as deep on a task
// as on the thread that called them); generators get less, as before.
StackPool& task_stacks();
StackPool& generator_stacks();

// A Boost.Context StackAllocator drawing on a pool, noting where the stack lies for the
// sanitizer annotations (fiber_switch.h).
struct PooledStack {
  StackPool* pool;
  StackExtent* extent = nullptr;
  boost::context::stack_context allocate();
  void deallocate(boost::context::stack_context& sc) noexcept;
};

}  // namespace ufora
