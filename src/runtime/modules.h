// The built-in modules a program can import: math, functools, itertools.
#pragma once

#include <string_view>

#include "values/object.h"

namespace ufora {

// `import name`: a new reference to the module object (built once, immortal), or nullptr with
// ModuleNotFoundError "No module named 'name'" pending for any other name.
Obj* import_module(std::string_view name);

}  // namespace ufora
