// Methods the built-in classes define in Python itself: object.__init__ and
// BaseException.__init__ (so `super().__init__(...)` works), and the descriptor builtins
// staticmethod, classmethod and property.
#pragma once

#include "values/object.h"

namespace ufora {

// Installs __init__ on `object` and BaseException. Idempotent.
void install_core_methods();
// Adds staticmethod, classmethod, property and super to a builtins dict.
void register_descriptor_builtins(DictObj* builtins);

}  // namespace ufora
