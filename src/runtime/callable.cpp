#include "runtime/callable.h"

#include "runtime/cycle_collector.h"

namespace ufora {

CellObj::CellObj() : Obj(Tag::Cell) { register_cell(this); }

CellObj::~CellObj() {
  unregister_cell(this);
  xdecref(value);
}

FunctionObj::FunctionObj(const CodeInfo* c, Obj* d, Obj* kw, std::vector<Obj*> cl)
    : Obj(Tag::Function), code(c), defaults(d), kwdefaults(kw), cells(std::move(cl)), qualname(c->qualname) {}

FunctionObj::~FunctionObj() {
  xdecref(defaults);
  xdecref(kwdefaults);
  for (Obj* c : cells) decref(c);
}

BuiltinObj::BuiltinObj(const char* n, BuiltinFn f, Obj* s) : Obj(Tag::Builtin), name(n), fn(f), self(s) {
  if (self) incref(self);
}
BuiltinObj::~BuiltinObj() { xdecref(self); }

BoundMethodObj::BoundMethodObj(Obj* f, Obj* s) : Obj(Tag::BoundMethod), func(newref(f)), self(newref(s)) {}
BoundMethodObj::~BoundMethodObj() {
  decref(func);
  decref(self);
}

SuperObj::SuperObj(ClassObj* c, Obj* s) : Obj(Tag::Super), start(c), self(newref(s)) { incref(start); }
SuperObj::~SuperObj() {
  decref(start);
  decref(self);
}

ModuleObj::~ModuleObj() {
  for (Obj* g : globals) xdecref(g);
}

Obj* ModuleObj::get(const std::string& n) const {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == n) return globals[i];
  return nullptr;
}

Obj* new_builtin(const char* name, BuiltinFn fn, Obj* self) { return new BuiltinObj(name, fn, self); }

}  // namespace ufora
