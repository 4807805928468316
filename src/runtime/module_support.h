// Building the built-in modules (internal to the runtime's module files).
#pragma once

#include "runtime/callable.h"

namespace ufora {

ModuleObj* new_module(const char* name);                           // immortal
void module_add(ModuleObj* m, const char* name, Obj* stolen_value);  // a global of the module
void module_add_function(ModuleObj* m, const char* name, BuiltinFn fn);

ModuleObj* build_math_module();
ModuleObj* build_functools_module();
ModuleObj* build_itertools_module();

// The math module's own parts, one file each.
void add_math_float_functions(ModuleObj* m);    // math_module.cpp
void add_math_integer_functions(ModuleObj* m);  // math_integer.cpp
Obj* math_fsum(Obj* self, Obj* const* args, size_t nargs, Obj* kwnames);  // math_fsum.cpp

}  // namespace ufora
