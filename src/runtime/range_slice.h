// range's methods (index, count) and the slice type's constructor and `indices`.
#pragma once

#include <string_view>

#include "runtime/callable.h"

namespace ufora {

BuiltinFn find_range_method(std::string_view name);
BuiltinFn find_slice_method(std::string_view name);
Obj* construct_slice(Obj* const* args, size_t nargs, Obj* kwnames);

}  // namespace ufora
