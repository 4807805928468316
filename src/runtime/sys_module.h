// The `sys` module: just `argv` (and `maxsize`), enough for scripts that read their arguments.
#pragma once

#include <string>
#include <vector>

#include "values/object.h"

namespace ufora {

void set_sys_argv(const std::vector<std::string>& argv);
Obj* sys_module();  // new reference to the (process-wide) module

}  // namespace ufora
