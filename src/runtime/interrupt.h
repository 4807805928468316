// Cooperative interruption (Runtime::interrupt, Ctrl-C in ufora-run): any thread sets the flag;
// running Python code notices it at calls and loop iterations and raises KeyboardInterrupt.
#pragma once

#include <atomic>

namespace ufora {

extern std::atomic<bool> g_interrupt_requested;

void request_interrupt();
// Raises KeyboardInterrupt (and clears the request) when one is pending; false then.
bool poll_interrupt();

}  // namespace ufora
