// Callable objects: compiled Python functions, built-in functions, bound methods, cells and
// the method wrappers (staticmethod, classmethod, property) and `super()`.
//
// Calling convention everywhere (runtime and JIT): `args` holds `nargs` positional values
// followed by one value per name in `kwnames` (a tuple of str, or nullptr when there are no
// keywords). All borrowed. The result is a new reference, nullptr when an exception is pending.
#pragma once

#include <string>
#include <vector>

#include "values/class_obj.h"

namespace ufora {

using BuiltinFn = Obj* (*)(Obj* self, Obj* const* args, size_t nargs, Obj* kwnames);

// What the argument binder and the traceback need to know about one compiled function.
struct FunctionObj;

struct CodeInfo {
  std::string name;
  std::string qualname;
  std::string file;
  int32_t first_line = 0;
  // Parameter names in slot order: positional (posonly first), keyword-only, *args, **kwargs.
  std::vector<std::string> params;
  int32_t n_posonly = 0;
  int32_t n_positional = 0;  // including posonly
  int32_t n_kwonly = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  bool is_generator = false;
  bool has_doc = false;
  std::string doc;  // __doc__ when has_doc
  // Compiled body: bound parameters (borrowed, `params.size()` of them) and the closure cells.
  using Entry = Obj* (*)(Obj* const* params, Obj* const* cells);
  Entry entry = nullptr;
  // Set by the JIT when the function may have a typed (unboxed) version: tries it for these
  // positional arguments and returns true with *result set, or false to run `entry` instead
  // (never with an exception pending: typed code gives up silently, see lower/type_inference.h).
  bool (*fast_call)(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result) = nullptr;
  // For a generator expression: builds, from the arguments an unstarted generator of it holds,
  // the list of everything it would yield (unboxed, by a typed kernel), or returns false.
  // sum()/min()/max() use it to consume such a generator at once (builtins_numeric.cpp).
  bool (*fast_items)(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** list) = nullptr;
  void* fast_state = nullptr;
};

struct FunctionObj : Obj {
  const CodeInfo* code;
  Obj* defaults;             // owned tuple of defaults for the last positional params
  Obj* kwdefaults;           // owned dict (str -> value) or nullptr
  std::vector<Obj*> cells;   // owned closure cells, in the code's freevar order
  std::string qualname;
  FunctionObj(const CodeInfo* c, Obj* defaults_stolen, Obj* kwdefaults_stolen, std::vector<Obj*> cells_stolen);
  ~FunctionObj() override;
};

struct BuiltinObj : Obj {
  const char* name;
  BuiltinFn fn;
  Obj* self;  // owned; nullptr for plain functions, the receiver for methods of built-in values
  BuiltinObj(const char* n, BuiltinFn f, Obj* self_borrowed);
  ~BuiltinObj() override;
};

struct BoundMethodObj : Obj {
  Obj* func;  // owned
  Obj* self;  // owned
  BoundMethodObj(Obj* f, Obj* s);
  ~BoundMethodObj() override;
};

// A variable shared between a function and the closures it creates.
struct CellObj : Obj {
  Obj* value = nullptr;  // owned; nullptr while unbound
  CellObj();  // registered with the cycle collector (runtime/cycle_collector.h)
  ~CellObj() override;
};

// staticmethod / classmethod / property around a function (the tag says which).
struct WrapperObj : Obj {
  Obj* func;  // owned
  WrapperObj(Tag t, Obj* f) : Obj(t), func(newref(f)) {}
  ~WrapperObj() override { decref(func); }
};

struct SuperObj : Obj {
  ClassObj* start;  // owned: look up after this class in self's MRO
  Obj* self;        // owned
  SuperObj(ClassObj* c, Obj* s);
  ~SuperObj() override;
};

// A module's globals live in a fixed array so compiled code can address a slot directly.
struct ModuleObj : Obj {
  std::string name;
  std::vector<std::string> names;
  std::vector<Obj*> globals;  // owned, nullptr while unbound
  explicit ModuleObj(std::string n) : Obj(Tag::Module), name(std::move(n)) {}
  ~ModuleObj() override;
  Obj* get(const std::string& n) const;  // borrowed or nullptr
};

Obj* new_builtin(const char* name, BuiltinFn fn, Obj* self = nullptr);

}  // namespace ufora
