// Methods of the built-in value types (str, tuple, list, dict, set, frozenset).
#pragma once

#include <string_view>

#include "runtime/callable.h"

namespace ufora {

// The implementation of `name` on values of `tag`, or nullptr when there is no such method.
// Bound use (`"a,b".split(",")`): call with `self` = the receiver. Unbound use through the
// type (`str.strip`): call with `self` == nullptr and the receiver as the first argument;
// the method then checks its type ("descriptor 'strip' for 'str' objects doesn't apply to
// a 'int' object").
BuiltinFn find_builtin_method(Tag tag, std::string_view name);

}  // namespace ufora
