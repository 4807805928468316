// Classes and their instances, including the built-in exception hierarchy.
//
// A class is data: a name, its bases, the C3-linearised MRO and a dict of attributes (methods,
// class-level constants). Instance attributes are set only while `__init__` runs (the
// immutability check guarantees it), after which an instance never changes.
#pragma once

#include "values/object.h"

namespace ufora {

struct ClassObj : Obj {
  std::string name;
  std::vector<ClassObj*> bases;  // owned references
  std::vector<ClassObj*> mro;    // self first; borrowed (kept alive by `bases`)
  DictObj* dict;                 // owned: str -> value
  bool is_exception = false;     // derives from BaseException
  // Built-in types (int, str, list, ...) are classes too, so `type(x)`, `isinstance` and
  // calling the type work uniformly. For them `builtin_tag` is the Tag of their instances and
  // `construct` builds one from call arguments (vectorcall convention, see runtime/callable.h).
  int builtin_tag = -1;
  Obj* (*construct)(Obj* const* args, size_t nargs, Obj* kwnames) = nullptr;
  ClassObj(std::string n, std::vector<ClassObj*> stolen_bases);
  ~ClassObj() override;
  // Looks an attribute up along the MRO; borrowed result, nullptr when absent (no error set).
  Obj* lookup(const std::string& attr) const;
  bool is_subclass_of(const ClassObj* other) const;
};

// Source position of one Python frame in a traceback.
struct TraceFrame {
  std::string file;
  int32_t line;
  std::string function;
};

struct InstanceObj : Obj {
  ClassObj* cls;   // owned
  DictObj* attrs;  // owned: str -> value, in assignment order
  // Only for exceptions: where it travelled, outermost frame first once complete.
  std::vector<TraceFrame> traceback;
  Obj* context = nullptr;  // owned: exception being handled when this one was raised
  explicit InstanceObj(ClassObj* cls_borrowed);
  ~InstanceObj() override;
  Obj* get_attr(const std::string& name) const;  // borrowed, nullptr if absent
  void set_attr(const std::string& name, Obj* value);  // stores a new reference
};

// Builds a class; computes the MRO (C3). Returns nullptr with TypeError pending on a bad MRO.
Obj* new_class(std::string name, std::vector<ClassObj*> stolen_bases, DictObj* stolen_dict);
Obj* new_instance(ClassObj* cls);

}  // namespace ufora
