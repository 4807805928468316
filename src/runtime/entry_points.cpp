#include "runtime/entry_points.h"

#include "runtime/builtin_types.h"
#include "runtime/builtins_module.h"
#include "runtime/generator.h"
#include "runtime/grouped_reduce.h"
#include "runtime/interrupt.h"
#include "runtime/kernel_lists.h"
#include "runtime/kernel_support.h"
#include "runtime/fork_join.h"
#include "runtime/parallel_reduce.h"
#include "runtime/modules.h"
#include "runtime/ops.h"
#include "runtime/set_algorithms.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/set_layout.h"

using namespace ufora;

namespace {

// Accumulators are lists or dicts under construction, private to the compiled code that
// builds them; AccFinish freezes them into the requested kind.
enum class AccKind : int32_t { List, Tuple, Set, FrozenSet, Dict };

bool set_add(DictObj* d, Obj* v) {
  int64_t h = op_hash(v);
  if (h == -1 && error_pending()) return false;
  return dict_insert(d, v, nullptr, h, [](Obj* a, Obj* b) { return op_eq(a, b); });
}

bool dict_put(DictObj* d, Obj* k, Obj* v) {
  int64_t h = op_hash(k);
  if (h == -1 && error_pending()) return false;
  return dict_insert(d, k, v, h, [](Obj* a, Obj* b) { return op_eq(a, b); });
}

}  // namespace

extern "C" {

void ufr_dealloc(Obj* o) { delete o; }
void ufr_decref(Obj* o) { decref(o); }
void ufr_xdecref(Obj* o) { xdecref(o); }

// Float arithmetic on two floats is most of what boxed numeric code does: answered here
// without the generic dispatch (same IEEE operations, so the same results).
Obj* ufr_binary(Obj* a, Obj* b, int32_t op) {
  if (a->tag == Tag::Float && b->tag == Tag::Float) {
    double x = static_cast<FloatObj*>(a)->v, y = static_cast<FloatObj*>(b)->v;
    switch (BinaryOp(op)) {
      case BinaryOp::Add: return new_float(x + y);
      case BinaryOp::Sub: return new_float(x - y);
      case BinaryOp::Mul: return new_float(x * y);
      default: break;
    }
  }
  return op_binary(BinaryOp(op), a, b);
}
// `out = out + [x]` in a loop copies `out` each time in Python (quadratic). When the list
// has no holder but the ones the statement itself knows of, nobody can see it change, so the
// items are appended to it instead (amortised constant time). Lists only: tuples and strings
// may be shared constants, and other types have no `+` that extends.
Obj* ufr_concat_unshared(Obj* a, Obj* b, int64_t owners) {
  if (a->tag == Tag::List && b->tag == Tag::List && a->refcount == owners && a != b) {
    auto* list = static_cast<SeqObj*>(a);
    const std::vector<Obj*>& more = static_cast<SeqObj*>(b)->items();
    std::vector<Obj*>& items = list->building_items();  // drops the unboxed view, if any
    for (Obj* o : more) {
      incref(o);
      items.push_back(o);
    }
    incref(a);
    return a;
  }
  return ufr_binary(a, b, int32_t(BinaryOp::Add));
}

Obj* ufr_unary(Obj* a, int32_t op) { return op_unary(UnaryOp(op), a); }
Obj* ufr_compare(Obj* a, Obj* b, int32_t op) { return op_compare(CompareOp(op), a, b); }

Obj* ufr_contains(Obj* item, Obj* container, int32_t negate) {
  int r = op_contains(container, item);
  if (r < 0) return nullptr;
  return new_bool(negate ? !r : r);
}

Obj* ufr_truthy(Obj* v) {
  int r = op_truthy(v);
  return r < 0 ? nullptr : new_bool(r);
}

int32_t ufr_truth(Obj* v) { return op_truthy(v); }

Obj* ufr_getattr(Obj* obj, Obj* name) { return op_getattr(obj, str_of(name)); }

Obj* ufr_setattr(Obj* obj, Obj* name, Obj* value) {
  if (obj->tag != Tag::Instance)
    return raise_error(ExcKind::AttributeError, "'" + type_name(obj) + "' object attribute '" + str_of(name) + "' is read-only");
  static_cast<InstanceObj*>(obj)->set_attr(str_of(name), value);
  return new_none();
}

Obj* ufr_getitem(Obj* obj, Obj* key) { return op_getitem(obj, key); }

Obj* ufr_build_slice(Obj* a, Obj* b, Obj* c) { return new SliceObj(newref(a), newref(b), newref(c)); }

Obj* ufr_call(Obj* callee, Obj* const* args, int64_t nargs, Obj* kwnames) {
  return op_call(callee, args, size_t(nargs), kwnames);
}

Obj* ufr_call_ex(Obj* callee, Obj* args_tuple, Obj* kwargs) {
  std::vector<Obj*> args = items_of(args_tuple);
  if (!kwargs || static_cast<DictObj*>(kwargs)->entries.empty()) return op_call(callee, args.data(), args.size(), nullptr);
  std::vector<Obj*> names;
  size_t nargs = args.size();
  for (const auto& e : static_cast<DictObj*>(kwargs)->entries) {
    if (e.key->tag != Tag::Str) return raise_error(ExcKind::TypeError, "keywords must be strings");
    names.push_back(newref(e.key));
    args.push_back(e.value);
  }
  Ref kwnames(new_tuple(std::move(names)));
  return op_call(callee, args.data(), nargs, kwnames.get());
}

Obj* ufr_build_tuple(Obj* const* items, int64_t n) {
  std::vector<Obj*> v;
  v.reserve(size_t(n));
  for (int64_t i = 0; i < n; ++i) v.push_back(newref(items[i]));
  return new_tuple(std::move(v));
}

Obj* ufr_build_list(Obj* const* items, int64_t n) {
  std::vector<Obj*> v;
  v.reserve(size_t(n));
  for (int64_t i = 0; i < n; ++i) v.push_back(newref(items[i]));
  return new_list(std::move(v));
}

Obj* ufr_build_set(Obj* const* items, int64_t n) {
  Ref s(new_set(Tag::Set));
  for (int64_t i = 0; i < n; ++i)
    if (!set_add(static_cast<DictObj*>(s.get()), items[i])) return nullptr;
  set_in_slot_order(static_cast<DictObj*>(s.get()));
  return s.release();
}

// `{1, 2, 3}`: CPython's compiler makes the constants a frozenset (added in source order),
// which its constant merging builds again from its own iteration order; the display is an
// empty set updated from that constant, while a loop over the display iterates the constant
// itself (`iterated`). Checked against CPython on 300 random int displays with colliding
// hashes each: 299 and 300 the same (the merge keys of other constants hash differently).
Obj* ufr_build_constant_set(Obj* const* items, int64_t n, int32_t iterated) {
  Ref folded(ufr_build_set(items, n));
  if (folded) {
    std::vector<Obj*> order;  // borrowed: `folded` holds them until the next set is built
    for (const DictEntry& e : static_cast<DictObj*>(folded.get())->entries) order.push_back(e.key);
    folded = Ref(ufr_build_set(order.data(), int64_t(order.size())));
  }
  if (!folded || iterated) return folded.release();
  return set_from(Tag::Set, folded.get());
}

Obj* ufr_build_dict(Obj* const* kv, int64_t npairs) {
  Ref d(new_dict());
  for (int64_t i = 0; i < npairs; ++i)
    if (!dict_put(static_cast<DictObj*>(d.get()), kv[2 * i], kv[2 * i + 1])) return nullptr;
  return d.release();
}

Obj* ufr_build_string(Obj* const* parts, int64_t n) {
  std::string out;
  for (int64_t i = 0; i < n; ++i) out += str_of(parts[i]);
  return new_str(std::move(out));
}

Obj* ufr_format_value(Obj* v, Obj* spec, int32_t conversion) {
  Ref converted;
  if (conversion == 'r')
    converted = Ref(op_repr(v));
  else if (conversion == 'a')
    converted = Ref(ascii_repr(v));
  else if (conversion == 's')
    converted = Ref(op_str(v));
  else
    converted = Ref::borrow(v);
  if (!converted) return nullptr;
  return op_format(converted.get(), spec ? std::string_view(str_of(spec)) : std::string_view());
}

Obj* ufr_acc_new(int32_t kind) {
  switch (AccKind(kind)) {
    case AccKind::Set:
    case AccKind::FrozenSet: return new_set(Tag::Set);
    case AccKind::Dict: return new_dict();
    default: return new_list({});
  }
}

int32_t ufr_acc_append(Obj* acc, Obj* v) {
  if (acc->tag == Tag::Set) return set_add(static_cast<DictObj*>(acc), v) ? 0 : -1;
  static_cast<SeqObj*>(acc)->building_items().push_back(newref(v));
  return 0;
}

int32_t ufr_acc_extend(Obj* acc, Obj* iterable) {
  if (acc->tag == Tag::Dict) {
    if (iterable->tag != Tag::Dict) {
      raise_error(ExcKind::TypeError, "'" + type_name(iterable) + "' object is not a mapping");
      return -1;
    }
    for (const auto& e : static_cast<DictObj*>(iterable)->entries)
      if (!dict_insert(static_cast<DictObj*>(acc), e.key, e.value, e.hash, [](Obj* a, Obj* b) { return op_eq(a, b); }))
        return -1;
    return 0;
  }
  if (acc->tag == Tag::Set) return set_update(static_cast<DictObj*>(acc), iterable) ? 0 : -1;  // {*a, *b}
  std::vector<Obj*> items;
  if (!collect(iterable, items)) return -1;
  int32_t r = 0;
  for (Obj* o : items) {
    if (r == 0) r = ufr_acc_append(acc, o);
    decref(o);
  }
  return r;
}

int32_t ufr_acc_setitem(Obj* acc, Obj* k, Obj* v) { return dict_put(static_cast<DictObj*>(acc), k, v) ? 0 : -1; }

Obj* ufr_acc_finish(Obj* acc, int32_t kind) {
  switch (AccKind(kind)) {
    case AccKind::Tuple: {
      std::vector<Obj*> items;
      for (Obj* o : items_of(acc)) items.push_back(newref(o));
      return new_tuple(std::move(items));
    }
    case AccKind::Set:
    case AccKind::FrozenSet:
      // Nobody else has seen the accumulator: it becomes the value, its table as built.
      if (AccKind(kind) == AccKind::FrozenSet) acc->tag = Tag::FrozenSet;
      set_in_slot_order(static_cast<DictObj*>(acc));
      return newref(acc);
    case AccKind::List:
      // Long lists of numbers are kept unboxed (DESIGN.md decision 8).
      static_cast<SeqObj*>(acc)->compact();
      return newref(acc);
    default:
      // List, set and dict accumulators become the value itself: nobody else has seen them.
      return newref(acc);
  }
}

Obj* ufr_get_iter(Obj* v) { return op_iter(v); }
Obj* ufr_for_iter(Obj* it) {
  if (g_interrupt_requested.load(std::memory_order_relaxed) && !poll_interrupt()) return nullptr;
  return op_next(it);
}
int32_t ufr_error_pending() { return error_pending() ? 1 : 0; }

Obj* ufr_unpack_seq(Obj* v, int64_t n) {
  std::vector<Obj*> items;
  // A tuple or list of the right length is its own unpacked form: TupleItem reads either.
  if (is_seq(v) && static_cast<SeqObj*>(v)->size() == n) return newref(v);
  if (!is_seq(v) && v->tag != Tag::Instance && v->tag != Tag::Generator && v->tag != Tag::Iterator &&
      v->tag != Tag::Str && v->tag != Tag::Dict && v->tag != Tag::Set && v->tag != Tag::FrozenSet && v->tag != Tag::Range)
    return raise_error(ExcKind::TypeError, "cannot unpack non-iterable " + type_name(v) + " object");
  if (!collect(v, items)) return nullptr;
  Ref t(new_tuple(std::move(items)));
  int64_t got = int64_t(items_of(t.get()).size());
  if (got > n) return raise_error(ExcKind::ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
  if (got < n)
    return raise_error(ExcKind::ValueError,
                       "not enough values to unpack (expected " + std::to_string(n) + ", got " + std::to_string(got) + ")");
  return t.release();
}

Obj* ufr_unpack_star(Obj* v, int64_t before, int64_t after) {
  std::vector<Obj*> items;
  if (!collect(v, items)) return nullptr;
  int64_t got = int64_t(items.size());
  if (got < before + after) {
    for (Obj* o : items) decref(o);
    return raise_error(ExcKind::ValueError, "not enough values to unpack (expected at least " +
                                                std::to_string(before + after) + ", got " + std::to_string(got) + ")");
  }
  std::vector<Obj*> out(items.begin(), items.begin() + before);
  std::vector<Obj*> middle(items.begin() + before, items.end() - after);
  out.push_back(new_list(std::move(middle)));
  out.insert(out.end(), items.end() - after, items.end());
  return new_tuple(std::move(out));
}

Obj* ufr_tuple_item(Obj* t, int64_t i) { return newref(items_of(t)[size_t(i)]); }

Obj* ufr_make_function(const CodeInfo* code, Obj* defaults, Obj* kwdefaults, Obj* const* cells, int64_t ncells) {
  std::vector<Obj*> cl;
  for (int64_t i = 0; i < ncells; ++i) cl.push_back(newref(cells[i]));
  return new FunctionObj(code, defaults ? newref(defaults) : nullptr, kwdefaults ? newref(kwdefaults) : nullptr, std::move(cl));
}

Obj* ufr_make_cell() { return new CellObj(); }

Obj* ufr_cell_get(Obj* cell, Obj* name, int32_t is_free) {
  Obj* v = static_cast<CellObj*>(cell)->value;
  if (v) return newref(v);
  if (is_free)
    return raise_error(ExcKind::NameError, "cannot access free variable '" + str_of(name) +
                                               "' where it is not associated with a value in enclosing scope");
  return raise_error(ExcKind::UnboundLocalError,
                     "cannot access local variable '" + str_of(name) + "' where it is not associated with a value");
}

void ufr_cell_set(Obj* cell, Obj* v) {
  auto* c = static_cast<CellObj*>(cell);
  Obj* old = c->value;
  c->value = v ? newref(v) : nullptr;  // null: `del`/end of an `except ... as` handler
  xdecref(old);
}

Obj* ufr_load_global_slow(ModuleObj* m, int64_t slot) {
  const std::string& name = m->names[size_t(slot)];
  if (Obj* b = dict_find_str(builtins_dict(), name)) return newref(b);
  return raise_error(ExcKind::NameError, "name '" + name + "' is not defined");
}

Obj* ufr_load_global(ModuleObj* m, int64_t slot) {
  if (Obj* g = m->globals[size_t(slot)]) return newref(g);
  return ufr_load_global_slow(m, slot);
}

Obj* ufr_unbound_local(Obj* name) {
  return raise_error(ExcKind::UnboundLocalError,
                     "cannot access local variable '" + str_of(name) + "' where it is not associated with a value");
}

Obj* ufr_make_class(Obj* name, Obj* bases, Obj* ns, Obj* class_cell) {
  std::vector<ClassObj*> base_classes;
  for (Obj* b : items_of(bases)) {
    if (b->tag != Tag::Class) {
      for (ClassObj* c : base_classes) decref(c);
      return raise_error(ExcKind::TypeError, "bases must be types");
    }
    base_classes.push_back(static_cast<ClassObj*>(newref(b)));
  }
  if (base_classes.empty()) base_classes.push_back(static_cast<ClassObj*>(newref(object_class())));
  // Every class has its own __doc__, None without a docstring (so it is never inherited).
  if (!dict_find_str(static_cast<DictObj*>(ns), "__doc__")) dict_insert_str(static_cast<DictObj*>(ns), "__doc__", new_none());
  Obj* cls = new_class(str_of(name), std::move(base_classes), static_cast<DictObj*>(newref(ns)));
  if (cls) ufr_cell_set(class_cell, cls);
  return cls;
}

Obj* ufr_locals_dict(Obj* const* names, Obj* const* values, int64_t n) {
  Ref d(new_dict());
  for (int64_t i = 0; i < n; ++i)
    if (values[i]) dict_insert_str(static_cast<DictObj*>(d.get()), str_of(names[i]), values[i]);
  return d.release();
}

Obj* ufr_import(Obj* name) { return import_module(str_of(name)); }

Obj* ufr_super(Obj* cls, Obj* self) {
  if (cls->tag != Tag::Class) return raise_error(ExcKind::RuntimeError, "super(): __class__ is not a type");
  return new SuperObj(static_cast<ClassObj*>(cls), self);
}

Obj* ufr_yield(Obj* v) { return generator_yield(v); }
Obj* ufr_iter_result(Obj* it) { return generator_return_value(it); }

Obj* ufr_current_exception() { return take_error(); }

Obj* ufr_exc_matches(Obj* exc, Obj* type) {
  auto matches = [&](Obj* t) -> int {
    if (t->tag != Tag::Class || !static_cast<ClassObj*>(t)->is_exception) {
      raise_error(ExcKind::TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return is_instance(exc, static_cast<ClassObj*>(t)) ? 1 : 0;
  };
  if (type->tag == Tag::Tuple) {
    for (Obj* t : items_of(type)) {
      int r = matches(t);
      if (r != 0) return r < 0 ? nullptr : new_bool(true);
    }
    return new_bool(false);
  }
  int r = matches(type);
  return r < 0 ? nullptr : new_bool(r);
}

// `raise X from Y` records Y as X.__cause__; `context` is the exception being handled (by a
// handler lexically around the raise), recorded as X.__context__.
void ufr_raise(Obj* exc, Obj* cause, Obj* context) {
  if (exc->tag == Tag::None) {
    raise_error(ExcKind::RuntimeError, "No active exception to reraise");
    return;
  }
  Ref inst;
  if (exc->tag == Tag::Class && static_cast<ClassObj*>(exc)->is_exception) {
    inst = Ref(op_call0(exc));
    if (!inst) return;
  } else if (exc->tag == Tag::Instance && static_cast<InstanceObj*>(exc)->cls->is_exception) {
    inst = Ref(newref(exc));
  } else {
    raise_error(ExcKind::TypeError, "exceptions must derive from BaseException");
    return;
  }
  auto* e = static_cast<InstanceObj*>(inst.get());
  if (cause) {
    Ref c;
    if (cause->tag == Tag::Class && static_cast<ClassObj*>(cause)->is_exception) {
      c = Ref(op_call0(cause));
      if (!c) return;
    } else if (cause->tag == Tag::None ||
               (cause->tag == Tag::Instance && static_cast<InstanceObj*>(cause)->cls->is_exception)) {
      c = Ref(newref(cause));
    } else {
      raise_error(ExcKind::TypeError, "exception causes must derive from BaseException");
      return;
    }
    e->set_attr("__cause__", c.get());
    e->set_attr("__suppress_context__", py_true());
  }
  if (context && context != e && context->tag == Tag::Instance) {
    xdecref(e->context);
    e->context = newref(context);
  }
  // A fresh raise starts a fresh traceback.
  e->traceback.clear();
  raise_object(inst.release());
}

void ufr_reraise(Obj* exc) { raise_object(newref(exc)); }

void ufr_assert_fail(Obj* msg) {
  if (msg) {
    raise_with_arg(ExcKind::AssertionError, msg);
    return;
  }
  auto* e = static_cast<InstanceObj*>(new_instance(builtin_exception(ExcKind::AssertionError)));
  e->set_attr("args", Ref(new_tuple({})).get());
  raise_object(e);
}

int32_t ufr_poll_interrupt() { return poll_interrupt() ? 1 : 0; }

// A frame that stands for a loop of its caller leaves its line for the caller's entry.
void ufr_traceback_line(int32_t line) {
  Obj* e = pending_error();
  if (e && e->tag == Tag::Instance) static_cast<InstanceObj*>(e)->traceback.push_back({std::string(), line, std::string()});
}

void ufr_traceback(const CodeInfo* code, int32_t line) {
  Obj* e = pending_error();
  if (!e || e->tag != Tag::Instance) return;
  auto& tb = static_cast<InstanceObj*>(e)->traceback;
  if (!tb.empty() && tb.back().file.empty()) {  // left by ufr_traceback_line
    line = tb.back().line;
    tb.pop_back();
  }
  tb.push_back({code->file, line, code->name});
}

}  // extern "C"

namespace ufora {

const EntryPoint* entry_point_table(size_t* count) {
#define UFORA_ENTRY(fn) {#fn, reinterpret_cast<void*>(&fn)}
  static const EntryPoint table[] = {
      UFORA_ENTRY(ufr_dealloc),       UFORA_ENTRY(ufr_decref),          UFORA_ENTRY(ufr_xdecref),       UFORA_ENTRY(ufr_binary), UFORA_ENTRY(ufr_concat_unshared),          UFORA_ENTRY(ufr_unary),
      UFORA_ENTRY(ufr_compare),       UFORA_ENTRY(ufr_contains),        UFORA_ENTRY(ufr_truthy),
      UFORA_ENTRY(ufr_truth),         UFORA_ENTRY(ufr_getattr),         UFORA_ENTRY(ufr_setattr),
      UFORA_ENTRY(ufr_getitem),       UFORA_ENTRY(ufr_build_slice),     UFORA_ENTRY(ufr_call),
      UFORA_ENTRY(ufr_call_ex),       UFORA_ENTRY(ufr_build_tuple),     UFORA_ENTRY(ufr_build_list),
      UFORA_ENTRY(ufr_build_set),     UFORA_ENTRY(ufr_build_constant_set),     UFORA_ENTRY(ufr_build_dict),      UFORA_ENTRY(ufr_build_string),
      UFORA_ENTRY(ufr_format_value),  UFORA_ENTRY(ufr_acc_new),         UFORA_ENTRY(ufr_acc_append),
      UFORA_ENTRY(ufr_acc_extend),    UFORA_ENTRY(ufr_acc_setitem),     UFORA_ENTRY(ufr_acc_finish),
      UFORA_ENTRY(ufr_get_iter),      UFORA_ENTRY(ufr_for_iter),        UFORA_ENTRY(ufr_error_pending),
      UFORA_ENTRY(ufr_unpack_seq),    UFORA_ENTRY(ufr_unpack_star),     UFORA_ENTRY(ufr_tuple_item),
      UFORA_ENTRY(ufr_make_function), UFORA_ENTRY(ufr_make_cell),       UFORA_ENTRY(ufr_cell_get),
      UFORA_ENTRY(ufr_cell_set),      UFORA_ENTRY(ufr_load_global_slow), UFORA_ENTRY(ufr_load_global), UFORA_ENTRY(ufr_unbound_local),
      UFORA_ENTRY(ufr_make_class),    UFORA_ENTRY(ufr_locals_dict),     UFORA_ENTRY(ufr_import),
      UFORA_ENTRY(ufr_super),         UFORA_ENTRY(ufr_yield),           UFORA_ENTRY(ufr_iter_result),           UFORA_ENTRY(ufr_current_exception),
      UFORA_ENTRY(ufr_exc_matches),   UFORA_ENTRY(ufr_raise),           UFORA_ENTRY(ufr_reraise),
      UFORA_ENTRY(ufr_assert_fail),   UFORA_ENTRY(ufr_traceback),       UFORA_ENTRY(ufr_traceback_line),       UFORA_ENTRY(ufr_poll_interrupt),       UFORA_ENTRY(ufr_k_ipow),
      UFORA_ENTRY(ufr_k_fpow),        UFORA_ENTRY(ufr_k_fmod),          UFORA_ENTRY(ufr_k_ffloordiv),
      UFORA_ENTRY(ufr_k_list_new),    UFORA_ENTRY(ufr_k_list_new_part),    UFORA_ENTRY(ufr_k_list_push), UFORA_ENTRY(ufr_k_list_tail),     UFORA_ENTRY(ufr_k_list_finish),
      UFORA_ENTRY(ufr_k_list_discard),  UFORA_ENTRY(ufr_parallel_reduce), UFORA_ENTRY(ufr_parallel_reduce_keyed), UFORA_ENTRY(ufr_fork),
      UFORA_ENTRY(ufr_join),          UFORA_ENTRY(ufr_parallel_reduce_many),
      UFORA_ENTRY(ufr_kl_make),       UFORA_ENTRY(ufr_kl_slice),        UFORA_ENTRY(ufr_kl_concat),
      UFORA_ENTRY(ufr_kl_push),       UFORA_ENTRY(ufr_kl_reserve),  UFORA_ENTRY(ufr_kl_trim),       UFORA_ENTRY(ufr_kl_copy),         UFORA_ENTRY(ufr_kl_share),       UFORA_ENTRY(ufr_kl_adopt),
  };
#undef UFORA_ENTRY
  *count = sizeof(table) / sizeof(table[0]);
  return table;
}

}  // namespace ufora
