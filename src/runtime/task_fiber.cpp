#include "runtime/task_fiber.h"

#include "runtime/scheduler.h"
#include "runtime/stack_pool.h"

namespace ufora {

namespace ctx = boost::context;

TaskFiber::TaskFiber(Task* task) : task_(task), tsan_fiber_(tsan_new_fiber()) {
  self_ = ctx::fiber(std::allocator_arg, PooledStack{&task_stacks(), &stack_}, [this](ctx::fiber&& caller) {
    asan_finish_switch(nullptr, &caller_stack_);
    caller_ = std::move(caller);
    task_->run();
    finished_ = true;
    asan_start_switch(nullptr, caller_stack_);  // this stack ends
    tsan_switch_to(tsan_caller_);
    return std::move(caller_);  // back to the loop that resumed it last; the stack goes back to the pool
  });
}

TaskFiber::~TaskFiber() { tsan_destroy(tsan_fiber_); }

TaskFiber::Stop TaskFiber::resume() {
  tsan_caller_ = tsan_current_fiber();
  tsan_switch_to(tsan_fiber_);
  void* fake = nullptr;
  asan_start_switch(&fake, stack_);
  self_ = std::move(self_).resume();
  asan_finish_switch(fake, nullptr);
  return finished_ ? Stop::Finished : Stop::Parked;
}

void TaskFiber::park() {
  asan_start_switch(&fake_stack_, caller_stack_);
  tsan_switch_to(tsan_caller_);
  caller_ = std::move(caller_).resume();  // returns when a loop resumes it, maybe on another thread
  asan_finish_switch(fake_stack_, &caller_stack_);
}

}  // namespace ufora
