#include "runtime/sys_module.h"

#include <cstdint>

#include "runtime/callable.h"

namespace ufora {

namespace {

ModuleObj* the_module() {
  static ModuleObj* m = [] {
    auto* mod = new ModuleObj("sys");
    mod->refcount = kImmortal;
    mod->names = {"argv", "maxsize"};
    mod->globals = {new_list({}), new_int(INT64_MAX)};
    return mod;
  }();
  return m;
}

}  // namespace

void set_sys_argv(const std::vector<std::string>& argv) {
  std::vector<Obj*> items;
  for (const auto& a : argv) items.push_back(new_str(a));
  ModuleObj* m = the_module();
  decref(m->globals[0]);
  m->globals[0] = new_list(std::move(items));
}

Obj* sys_module() { return newref(the_module()); }

}  // namespace ufora
