// Argument binding for built-in functions and methods written in C++.
#pragma once

#include <initializer_list>
#include <string_view>

#include "values/object.h"

namespace ufora {

// Binds positional and keyword arguments (vectorcall convention) to `out` by the parameter
// names in `names`; the first `required` are mandatory, the rest default to nullptr.
// Raises CPython's TypeErrors ("f() takes at most 2 arguments (3 given)", "f() got an
// unexpected keyword argument 'x'", "f() missing required argument 'x' (pos 1)").
// `out` gets borrowed references.
bool bind_args(const char* fname, Obj* const* args, size_t nargs, Obj* kwnames,
               std::initializer_list<const char*> names, size_t required, Obj** out);
// For functions that take no keywords: raises if any were given.
bool no_keywords(const char* fname, Obj* kwnames);

}  // namespace ufora
