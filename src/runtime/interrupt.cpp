#include "runtime/interrupt.h"

#include "values/exception_state.h"

namespace ufora {

std::atomic<bool> g_interrupt_requested{false};

void request_interrupt() { g_interrupt_requested.store(true, std::memory_order_relaxed); }

bool poll_interrupt() {
  if (!g_interrupt_requested.load(std::memory_order_relaxed)) return true;
  g_interrupt_requested.store(false, std::memory_order_relaxed);
  raise_object(new_instance(builtin_exception(ExcKind::KeyboardInterrupt)));
  return false;
}

}  // namespace ufora
