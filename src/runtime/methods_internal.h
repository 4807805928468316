// Per-type method tables behind find_builtin_method (internal).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

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

// A name -> function table, hashed once: attribute lookups on built-in values run in loops.
struct MethodEntry {
  const char* name;
  BuiltinFn fn;
};
class MethodTable {
 public:
  template <size_t N>
  explicit MethodTable(const MethodEntry (&entries)[N]) {
    for (const MethodEntry& e : entries) map_.emplace(e.name, e.fn);
  }
  BuiltinFn find(std::string_view name) const {
    auto it = map_.find(name);
    return it == map_.end() ? nullptr : it->second;
  }

 private:
  std::unordered_map<std::string_view, BuiltinFn> map_;
};

}  // namespace ufora
