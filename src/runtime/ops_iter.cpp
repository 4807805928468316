// The iteration protocol over built-in values, generators and user classes.
#include "runtime/generator.h"
#include "runtime/iterator.h"
#include "runtime/ops_internal.h"
#include "values/exception_state.h"

namespace ufora {

Obj* op_iter(Obj* o) {
  switch (o->tag) {
    case Tag::Generator:
    case Tag::Iterator: return newref(o);
    case Tag::Instance: {
      Obj* r = call_method_if_defined(o, "__iter__", nullptr, 0);
      if (r != not_implemented()) return r;
      decref(r);
      // Old-style sequence protocol: __getitem__ with 0, 1, 2, ... until IndexError.
      if (static_cast<InstanceObj*>(o)->cls->lookup("__getitem__")) {
        auto* it = new IterObj([](IterObj* self) -> Obj* {
          Ref i(new_int(self->index++));
          Obj* v = op_getitem(self->source, i.get());
          if (!v && (error_matches(ExcKind::IndexError) || error_matches(ExcKind::StopIteration))) clear_error();
          return v;
        });
        it->source = newref(o);
        return it;
      }
      return raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object is not iterable");
    }
    default: return builtin_iter(o);
  }
}

Obj* op_next(Obj* it) {
  switch (it->tag) {
    case Tag::Iterator: return static_cast<IterObj*>(it)->next(static_cast<IterObj*>(it));
    case Tag::Generator: return generator_next(static_cast<GeneratorObj*>(it));
    case Tag::Instance: {
      Obj* r = call_method_if_defined(it, "__next__", nullptr, 0);
      if (r == not_implemented()) {
        decref(r);
        break;
      }
      if (!r && error_matches(ExcKind::StopIteration)) clear_error();
      return r;
    }
    default: break;
  }
  return raise_error(ExcKind::TypeError, "'" + type_name(it) + "' object is not an iterator");
}

bool collect(Obj* iterable, std::vector<Obj*>& out) {
  if (is_seq(iterable)) {
    for (Obj* o : items_of(iterable)) out.push_back(newref(o));
    return true;
  }
  Ref it(op_iter(iterable));
  if (!it) return false;
  for (;;) {
    Obj* x = op_next(it.get());
    if (!x) break;
    out.push_back(x);
  }
  if (error_pending()) {
    for (Obj* o : out) decref(o);
    out.clear();
    return false;
  }
  return true;
}

}  // namespace ufora
