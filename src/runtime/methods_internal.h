// Per-type method tables behind find_builtin_method (internal).
#pragma once

#include <string>
#include <string_view>

#include "runtime/callable.h"

namespace ufora {

BuiltinFn find_str_method(std::string_view name);
BuiltinFn find_sequence_method(Tag tag, std::string_view name);  // tuple and list
BuiltinFn find_dict_method(std::string_view name);
BuiltinFn find_set_method(std::string_view name);  // set and frozenset

// str.format (str_format_method.cpp).
Obj* str_format_method(Obj* self, Obj* const* args, size_t nargs, Obj* kwnames);

// "list.copy() takes no arguments (1 given)".
bool method_no_args(const char* qualname, size_t nargs, Obj* kwnames);
// "set.issubset() takes exactly one argument (2 given)".
bool method_one_arg(const char* qualname, size_t nargs, Obj* kwnames);

// A name -> function table searched linearly (the tables are short).
struct MethodEntry {
  const char* name;
  BuiltinFn fn;
};
template <size_t N>
BuiltinFn lookup_method(const MethodEntry (&table)[N], std::string_view name) {
  for (const MethodEntry& e : table)
    if (name == e.name) return e.fn;
  return nullptr;
}

}  // namespace ufora
