// A scheduler task running on a fiber of its own (a Boost.Context fiber on a pooled stack),
// so that it can wait for another task without holding its thread: it parks, its thread
// goes back to its scheduler loop and runs other work, and when the awaited task is done
// some thread (not necessarily this one) resumes it where it left off.
//
// Only the task's own code (compiled kernels and the runtime's fork/join and reduction
// code) runs on the fiber; the scheduler's bookkeeping runs in the loop that resumed it,
// which never moves between threads. Code that runs on a task fiber must not keep a
// thread-local's address across a wait: it may come back on another thread.
#pragma once

#include <boost/context/fiber.hpp>

#include "runtime/fiber_switch.h"

namespace ufora {

struct Task;

class TaskFiber {
 public:
  explicit TaskFiber(Task* task);  // takes a stack; the task starts at the first resume
  ~TaskFiber();
  TaskFiber(const TaskFiber&) = delete;
  TaskFiber& operator=(const TaskFiber&) = delete;

  enum class Stop { Finished, Parked };
  // From a scheduler loop: runs the task until it finishes or parks.
  Stop resume();
  // From inside the task: suspends it until some loop resumes it.
  void park();

  Task* task() const { return task_; }
  // What it parked waiting for (set by the waiting code right before park()).
  Task* parked_on = nullptr;

 private:
  Task* task_;
  boost::context::fiber self_;    // the task's context while suspended
  boost::context::fiber caller_;  // the loop that resumed it, while it runs
  bool finished_ = false;
  StackExtent stack_, caller_stack_;
  void* fake_stack_ = nullptr;
  void* tsan_fiber_ = nullptr;
  void* tsan_caller_ = nullptr;
};

}  // namespace ufora
