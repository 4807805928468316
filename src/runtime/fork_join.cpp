#include "runtime/fork_join.h"

#include "runtime/scheduler.h"

namespace ufora {
namespace {

struct ForkedCall : Task {
  int32_t (*thunk)(void*);
  void* frame;
  int32_t ok = 0;
  ForkedCall(int32_t (*t)(void*), void* f) : thunk(t), frame(f) {}
  void run() override { ok = thunk(frame); }
};

}  // namespace
}  // namespace ufora

void* ufr_fork(int32_t (*thunk)(void*), void* frame) {
  auto* call = new ufora::ForkedCall(thunk, frame);
  ufora::Scheduler::instance().offer(call);
  return call;
}

int32_t ufr_join(void* handle) {
  auto* call = static_cast<ufora::ForkedCall*>(handle);
  ufora::Scheduler& s = ufora::Scheduler::instance();
  if (s.take_back(call))
    call->run();
  else
    s.wait(call);
  int32_t ok = call->ok;
  delete call;
  return ok;
}
