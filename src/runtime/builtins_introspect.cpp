// Builtins that look at objects and types: isinstance, issubclass, getattr, hasattr, hash,
// chr and ord.
#include "runtime/builtin_support.h"
#include "runtime/builtins_internal.h"
#include "runtime/arg_parse.h"
#include "runtime/ops.h"
#include "values/class_obj.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// Walks a class or a (nested) tuple of classes, as CPython does: stops at the first match,
// so a bad entry after a matching one is never looked at. 1 / 0 / -1.
int match_classinfo(Obj* info, const char* error, bool (*test)(Obj*, ClassObj*), Obj* subject) {
  if (info->tag == Tag::Class) return test(subject, static_cast<ClassObj*>(info)) ? 1 : 0;
  if (info->tag == Tag::Tuple) {
    for (Obj* item : items_of(info)) {
      int r = match_classinfo(item, error, test, subject);
      if (r != 0) return r;
    }
    return 0;
  }
  raise_error(ExcKind::TypeError, error);
  return -1;
}

bool instance_test(Obj* obj, ClassObj* cls) { return is_instance(obj, cls); }
bool subclass_test(Obj* sub, ClassObj* cls) { return static_cast<ClassObj*>(sub)->is_subclass_of(cls); }

Obj* builtin_isinstance(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("isinstance", kw) || !check_arity("isinstance", nargs, 2, 2)) return nullptr;
  int r = match_classinfo(args[1], "isinstance() arg 2 must be a type, a tuple of types, or a union",
                          instance_test, args[0]);
  return r < 0 ? nullptr : new_bool(r);
}

Obj* builtin_issubclass(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("issubclass", kw) || !check_arity("issubclass", nargs, 2, 2)) return nullptr;
  if (args[0]->tag != Tag::Class) return raise_error(ExcKind::TypeError, "issubclass() arg 1 must be a class");
  int r = match_classinfo(args[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                          subclass_test, args[0]);
  return r < 0 ? nullptr : new_bool(r);
}

bool check_attr_name(Obj* name) {
  if (name->tag == Tag::Str) return true;
  raise_error(ExcKind::TypeError, "attribute name must be string, not '" + type_name(name) + "'");
  return false;
}

Obj* builtin_getattr(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("getattr", kw) || !check_arity("getattr", nargs, 2, 3)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  Obj* v = op_getattr(args[0], str_of(args[1]));
  if (v || nargs == 2 || !error_matches(ExcKind::AttributeError)) return v;
  clear_error();
  return newref(args[2]);
}

Obj* builtin_hasattr(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("hasattr", kw) || !check_arity("hasattr", nargs, 2, 2)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  Obj* v = op_getattr(args[0], str_of(args[1]));
  if (v) {
    decref(v);
    return new_bool(true);
  }
  if (!error_matches(ExcKind::AttributeError)) return nullptr;
  clear_error();
  return new_bool(false);
}

Obj* builtin_hash(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("hash", kw) || !check_one_arg("hash", nargs)) return nullptr;
  int64_t h = op_hash(args[0]);
  if (h == -1 && error_pending()) return nullptr;
  return new_int(h);
}

Obj* builtin_chr(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("chr", kw) || !check_one_arg("chr", nargs)) return nullptr;
  int64_t cp = 0;
  if (!as_int64(args[0], cp, "C int")) return nullptr;
  if (cp < 0 || cp > 0x10FFFF) return raise_error(ExcKind::ValueError, "chr() arg not in range(0x110000)");
  return new_str(utf8_encode(uint32_t(cp)));
}

Obj* builtin_ord(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("ord", kw) || !check_one_arg("ord", nargs)) return nullptr;
  Obj* c = args[0];
  if (c->tag != Tag::Str)
    return raise_error(ExcKind::TypeError, "ord() expected string of length 1, but " + type_name(c) + " found");
  auto* s = static_cast<StrObj*>(c);
  if (s->length != 1)
    return raise_error(ExcKind::TypeError,
                       "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
  return new_int(utf8_decode_one(s->s));
}

}  // namespace

void register_introspection_builtins(DictObj* d) {
  add_builtin(d, "isinstance", builtin_isinstance);
  add_builtin(d, "issubclass", builtin_issubclass);
  add_builtin(d, "getattr", builtin_getattr);
  add_builtin(d, "hasattr", builtin_hasattr);
  add_builtin(d, "hash", builtin_hash);
  add_builtin(d, "chr", builtin_chr);
  add_builtin(d, "ord", builtin_ord);
}

}  // namespace ufora
