#include "runtime/modules.h"

#include <string>

#include "runtime/module_support.h"
#include "values/exception_state.h"

namespace ufora {

ModuleObj* new_module(const char* name) {
  auto* m = new ModuleObj(name);
  m->refcount = kImmortal;
  return m;
}

void module_add(ModuleObj* m, const char* name, Obj* stolen_value) {
  m->names.emplace_back(name);
  m->globals.push_back(stolen_value);
}

void module_add_function(ModuleObj* m, const char* name, BuiltinFn fn) {
  Obj* f = new_builtin(name, fn);
  f->refcount = kImmortal;
  module_add(m, name, f);
}

Obj* import_module(std::string_view name) {
  // Each module is built on first import only; function-local statics make that thread-safe.
  if (name == "math") {
    static ModuleObj* m = build_math_module();
    return newref(m);
  }
  if (name == "functools") {
    static ModuleObj* m = build_functools_module();
    return newref(m);
  }
  if (name == "itertools") {
    static ModuleObj* m = build_itertools_module();
    return newref(m);
  }
  return raise_error(ExcKind::ModuleNotFoundError, "No module named '" + std::string(name) + "'");
}

}  // namespace ufora
