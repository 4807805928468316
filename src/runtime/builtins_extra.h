// Builtins added on top of the themed files: hex/oct/bin/ascii, NotImplemented, Ellipsis, the
// methods of int, and the dict view types (runtime-internal).
#pragma once

#include <string_view>

#include "runtime/callable.h"
#include "values/object.h"

namespace ufora {

// The immortal `...` singleton (an instance of the built-in class 'ellipsis'); borrowed.
Obj* ellipsis();
// ascii(x): repr(x) with non-ASCII characters escaped. New reference, nullptr on error.
Obj* ascii_repr(Obj* x);
// Methods of int / bool values ("bit_length", "bit_count", ...).
BuiltinFn find_int_method(std::string_view name);
// dict.keys() / .values() / .items() views: `kind` is 0, 1 or 2. New reference.
Obj* new_dict_view(Obj* dict, int kind);

}  // namespace ufora
