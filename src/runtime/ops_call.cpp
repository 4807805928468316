// Calling anything callable: compiled functions, built-ins, bound methods and classes.
#include "runtime/builtin_types.h"
#include "runtime/call_binding.h"
#include "runtime/call_depth.h"
#include "runtime/callable.h"
#include "runtime/generator.h"
#include "runtime/interrupt.h"
#include "runtime/ops_internal.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

thread_local int g_depth = 0;
int g_depth_limit = kDefaultRecursionLimit;

Obj* call_function(FunctionObj* f, Obj* const* args, size_t nargs, Obj* kwnames) {
  const CodeInfo* code = f->code;
  if (g_interrupt_requested.load(std::memory_order_relaxed) && !poll_interrupt()) return nullptr;
  if (code->fast_call && !kwnames && nargs == size_t(code->n_positional)) {
    Obj* r = nullptr;
    if (code->fast_call(f, args, nargs, &r)) return r;
  }
  std::vector<Obj*> slots;
  if (!bind_call_args(f, args, nargs, kwnames, slots)) return nullptr;
  if (f->code->is_generator) return new_generator(f, std::move(slots));
  Obj* r = nullptr;
  if (++g_depth > g_depth_limit) {
    raise_error(ExcKind::RecursionError, "maximum recursion depth exceeded");
  } else {
    r = f->code->entry(slots.data(), f->cells.data());
  }
  --g_depth;
  for (Obj* s : slots) xdecref(s);
  return r;
}

Obj* call_with_self(Obj* func, Obj* self, Obj* const* args, size_t nargs, Obj* kwnames) {
  size_t total = nargs + (kwnames ? items_of(kwnames).size() : 0);
  std::vector<Obj*> full;
  full.reserve(total + 1);
  full.push_back(self);
  full.insert(full.end(), args, args + total);
  return op_call(func, full.data(), nargs + 1, kwnames);
}

Obj* instantiate(ClassObj* cls, Obj* const* args, size_t nargs, Obj* kwnames) {
  if (cls->construct) return cls->construct(args, nargs, kwnames);
  if (cls->builtin_tag >= 0 || cls == object_class()) {
    if (cls == object_class() && nargs == 0 && !kwnames) return new_instance(cls);
    return raise_error(ExcKind::TypeError, "cannot create '" + cls->name + "' instances");
  }
  Ref inst(new_instance(cls));
  if (cls->is_exception) {
    // BaseException.__new__ records the positional arguments even when __init__ is overridden.
    std::vector<Obj*> items;
    for (size_t i = 0; i < nargs; ++i) items.push_back(newref(args[i]));
    static_cast<InstanceObj*>(inst.get())->set_attr("args", Ref(new_tuple(std::move(items))).get());
  }
  Obj* init = cls->lookup("__init__");
  if (!init) {
    bool has_args = nargs > 0 || (kwnames && !items_of(kwnames).empty());
    if (has_args && !cls->is_exception) return raise_error(ExcKind::TypeError, cls->name + "() takes no arguments");
    return inst.release();
  }
  Ref r(call_with_self(init, inst.get(), args, nargs, kwnames));
  if (!r) return nullptr;
  if (r.get() != none())
    return raise_error(ExcKind::TypeError, "__init__() should return None, not '" + type_name(r.get()) + "'");
  return inst.release();
}

}  // namespace

void set_recursion_limit(int limit) { g_depth_limit = limit; }
int call_depth() { return g_depth; }
FrameScope::FrameScope() { ++g_depth; }
FrameScope::~FrameScope() { --g_depth; }
int recursion_limit() { return g_depth_limit; }

Obj* op_call(Obj* callable, Obj* const* args, size_t nargs, Obj* kwnames) {
  switch (callable->tag) {
    case Tag::Function: return call_function(static_cast<FunctionObj*>(callable), args, nargs, kwnames);
    case Tag::Builtin: {
      auto* b = static_cast<BuiltinObj*>(callable);
      return b->fn(b->self, args, nargs, kwnames);
    }
    case Tag::BoundMethod: {
      auto* m = static_cast<BoundMethodObj*>(callable);
      return call_with_self(m->func, m->self, args, nargs, kwnames);
    }
    case Tag::Class: return instantiate(static_cast<ClassObj*>(callable), args, nargs, kwnames);
    case Tag::StaticMethod: return op_call(static_cast<WrapperObj*>(callable)->func, args, nargs, kwnames);
    case Tag::Instance:
      if (Obj* call = static_cast<InstanceObj*>(callable)->cls->lookup("__call__"))
        return call_with_self(call, callable, args, nargs, kwnames);
      break;
    default: break;
  }
  return raise_error(ExcKind::TypeError, "'" + type_name(callable) + "' object is not callable");
}

Obj* op_call0(Obj* c) { return op_call(c, nullptr, 0, nullptr); }
Obj* op_call1(Obj* c, Obj* a) { return op_call(c, &a, 1, nullptr); }
Obj* op_call2(Obj* c, Obj* a, Obj* b) {
  Obj* args[2] = {a, b};
  return op_call(c, args, 2, nullptr);
}

}  // namespace ufora
