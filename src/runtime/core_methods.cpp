#include "runtime/core_methods.h"

#include "runtime/arg_parse.h"
#include "runtime/builtin_types.h"
#include "runtime/callable.h"
#include "runtime/ops.h"
#include "values/dict_table.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

size_t total_args(size_t nargs, Obj* kwnames) { return nargs + (kwnames ? items_of(kwnames).size() : 0); }

// object.__init__(self): a class without its own __init__ takes no arguments.
Obj* object_init(Obj*, Obj* const* args, size_t nargs, Obj* kwnames) {
  if (total_args(nargs, kwnames) > 1) {
    return raise_error(ExcKind::TypeError, type_name(args[0]) + ".__init__() takes exactly one argument (the instance to initialize)");
  }
  return new_none();
}

// BaseException.__init__(self, *args) records the arguments as `args`.
Obj* exception_init(Obj*, Obj* const* args, size_t nargs, Obj* kwnames) {
  if (kwnames && !items_of(kwnames).empty())
    return raise_error(ExcKind::TypeError, type_name(args[0]) + "() takes no keyword arguments");
  if (args[0]->tag != Tag::Instance) return raise_error(ExcKind::TypeError, "descriptor '__init__' requires an exception");
  std::vector<Obj*> items;
  for (size_t i = 1; i < nargs; ++i) items.push_back(newref(args[i]));
  static_cast<InstanceObj*>(args[0])->set_attr("args", Ref(new_tuple(std::move(items))).get());
  return new_none();
}

template <Tag kTag>
Obj* wrap_function(Obj*, Obj* const* args, size_t nargs, Obj* kwnames) {
  const char* name = kTag == Tag::StaticMethod ? "staticmethod" : kTag == Tag::ClassMethod ? "classmethod" : "property";
  if (!no_keywords(name, kwnames)) return nullptr;
  if (nargs != 1) return raise_error(ExcKind::TypeError, std::string(name) + " expected 1 argument, got " + std::to_string(nargs));
  return new WrapperObj(kTag, args[0]);
}

// super(cls, obj): the explicit two-argument form.
Obj* super_builtin(Obj*, Obj* const* args, size_t nargs, Obj* kwnames) {
  if (!no_keywords("super", kwnames)) return nullptr;
  if (nargs != 2 || args[0]->tag != Tag::Class)
    return raise_error(ExcKind::RuntimeError, "super(): only the two-argument form super(Class, obj) is supported outside methods");
  return new SuperObj(static_cast<ClassObj*>(args[0]), args[1]);
}

void add(DictObj* d, const char* name, BuiltinFn fn) {
  Obj* b = new_builtin(name, fn);
  b->refcount = kImmortal;
  dict_insert_str(d, name, b);
  decref(b);
}

}  // namespace

void install_core_methods() {
  static bool done = false;
  if (done) return;
  done = true;
  add(object_class()->dict, "__init__", object_init);
  attach_exception_root(object_class());
  add(builtin_exception(ExcKind::BaseException)->dict, "__init__", exception_init);
}

void register_descriptor_builtins(DictObj* builtins) {
  // The names are the type objects (isinstance(x, property) works); calling one wraps.
  builtin_type(Tag::StaticMethod)->construct = [](Obj* const* a, size_t n, Obj* k) {
    return wrap_function<Tag::StaticMethod>(nullptr, a, n, k);
  };
  builtin_type(Tag::ClassMethod)->construct = [](Obj* const* a, size_t n, Obj* k) {
    return wrap_function<Tag::ClassMethod>(nullptr, a, n, k);
  };
  builtin_type(Tag::Property)->construct = [](Obj* const* a, size_t n, Obj* k) {
    return wrap_function<Tag::Property>(nullptr, a, n, k);
  };
  for (Tag t : {Tag::StaticMethod, Tag::ClassMethod, Tag::Property})
    dict_insert_str(builtins, builtin_type(t)->name, builtin_type(t));
  add(builtins, "super", super_builtin);
}

}  // namespace ufora
