// Registration hooks of the files that implement the builtins, one per theme (internal).
#pragma once

#include <vector>

#include "values/object.h"

namespace ufora {

void register_numeric_builtins(DictObj* d);      // abs, round, divmod, pow, sum, min, max
void register_iteration_builtins(DictObj* d);    // len, zip, enumerate, map, filter, reversed, ...
void register_sorting_builtins(DictObj* d);      // sorted
void register_print_builtins(DictObj* d);        // print, repr, format
void register_introspection_builtins(DictObj* d);
void register_extra_builtins(DictObj* d);        // hex, oct, bin, ascii, NotImplemented, Ellipsis  // isinstance, getattr, hash, chr, ord, ...

// Constructors of the built-in types (builtin_constructors.cpp), vectorcall convention.
Obj* construct_int(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_float(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_bool(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_str(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_tuple(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_list(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_dict(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_set(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_frozenset(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_range(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_object(Obj* const* args, size_t nargs, Obj* kwnames);
Obj* construct_type(Obj* const* args, size_t nargs, Obj* kwnames);  // type(x)

// sorted()'s core, shared with other users of a stable Python-level sort: sorts `items`
// (owned references) in place by `key` (nullptr: the items themselves). False on error.
bool sort_values(std::vector<Obj*>& items, Obj* key, bool reverse);

}  // namespace ufora
