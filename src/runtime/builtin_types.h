// The built-in types as class objects (`int`, `str`, `list`, ...): what `type(x)` returns,
// what `isinstance` compares with, and what calling `int(...)` constructs.
#pragma once

#include "values/class_obj.h"

namespace ufora {

// Borrowed, immortal. `int` for Int/BigInt, `bool` (a subclass of int) for Bool, and so on.
ClassObj* builtin_type(Tag tag);
// The type of an iterator of that kind (IterObj::kind: "list_iterator", "zip", ...), made on
// first use; all of them are iterators to the runtime.
ClassObj* iterator_type(const char* kind);
// The root `object` class every user class derives from.
ClassObj* object_class();

}  // namespace ufora
