// Binding call arguments to a compiled function's parameter slots, with CPython's errors.
#pragma once

#include <vector>

#include "runtime/callable.h"

namespace ufora {

// Fills `slots` (one per parameter) with NEW references; false with TypeError pending.
bool bind_call_args(FunctionObj* f, Obj* const* args, size_t nargs, Obj* kwnames, std::vector<Obj*>& slots);

}  // namespace ufora
