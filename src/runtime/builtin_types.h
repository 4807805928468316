// The built-in types as class objects (`int`, `str`, `list`, ...): what `type(x)` returns,
// what `isinstance` compares with, and what calling `int(...)` constructs.
#pragma once

#include "values/class_obj.h"

namespace ufora {

// Borrowed, immortal. `int` for Int/BigInt, `bool` (a subclass of int) for Bool, and so on.
ClassObj* builtin_type(Tag tag);
// The root `object` class every user class derives from.
ClassObj* object_class();

}  // namespace ufora
