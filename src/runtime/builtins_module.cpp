#include "runtime/builtins_module.h"

#include "runtime/builtin_types.h"
#include "runtime/core_methods.h"
#include "runtime/range_slice.h"
#include "runtime/builtins_internal.h"
#include "values/dict_table.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

void register_exceptions(DictObj* d) {
  for (size_t k = 0; k < size_t(ExcKind::Count); ++k) {
    auto kind = ExcKind(k);
    dict_insert_str(d, exc_kind_name(kind), builtin_exception(kind));
  }
  for (const char* alias : {"EnvironmentError", "IOError"}) dict_insert_str(d, alias, builtin_exception(ExcKind::OSError));
}

}  // namespace

void register_builtin_types(DictObj* d) {
  struct Entry {
    Tag tag;
    Obj* (*construct)(Obj* const*, size_t, Obj*);
  };
  const Entry entries[] = {
      {Tag::Int, construct_int},     {Tag::Float, construct_float}, {Tag::Bool, construct_bool},
      {Tag::Str, construct_str},     {Tag::Tuple, construct_tuple}, {Tag::List, construct_list},
      {Tag::Dict, construct_dict},   {Tag::Set, construct_set},     {Tag::FrozenSet, construct_frozenset},
      {Tag::Range, construct_range}, {Tag::Slice, construct_slice},
  };
  for (const Entry& e : entries) {
    ClassObj* type = builtin_type(e.tag);
    type->construct = e.construct;
    dict_insert_str(d, type->name, type);
  }
  ClassObj* object = object_class();
  object->construct = construct_object;
  dict_insert_str(d, "object", object);
  ClassObj* type = builtin_type(Tag::Class);
  type->construct = construct_type;
  dict_insert_str(d, "type", type);
}

DictObj* builtins_dict() {
  static DictObj* dict = [] {
    auto* d = static_cast<DictObj*>(new_dict());
    d->refcount = kImmortal;
    register_builtin_types(d);
    register_exceptions(d);
    register_numeric_builtins(d);
    register_iteration_builtins(d);
    register_sorting_builtins(d);
    register_print_builtins(d);
    register_introspection_builtins(d);
    register_extra_builtins(d);
    register_descriptor_builtins(d);
    return d;
  }();
  return dict;
}

}  // namespace ufora
