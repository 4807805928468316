// The `builtins` namespace: every name a program can use without importing it.
#pragma once

#include "values/object.h"

namespace ufora {

// str -> object for every builtin name (print, len, range, int, ValueError, ...). Borrowed;
// built once on first use, and its values are immortal. Building it also installs the
// `construct` functions of the built-in types.
DictObj* builtins_dict();

// Inserts the built-in type objects (int, float, str, ..., object) into `builtins` and sets
// each type's `construct` pointer.
void register_builtin_types(DictObj* builtins);

}  // namespace ufora
