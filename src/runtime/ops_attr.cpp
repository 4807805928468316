// Attribute access, subscripting and type queries.
#include "runtime/builtin_methods.h"
#include "values/slice_bounds.h"
#include "runtime/builtin_types.h"
#include "runtime/callable.h"
#include "runtime/iterator.h"
#include "runtime/ops_internal.h"
#include "values/dict_table.h"
#include "values/packed_seq.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// What a class attribute becomes when read through an instance (`bind_to` = the instance)
// or through the class itself (`bind_to` = nullptr): the descriptor protocol, reduced to the
// kinds of attribute classes here can hold.
Obj* bind_class_attr(Obj* v, Obj* self, ClassObj* cls) {
  switch (v->tag) {
    case Tag::Function:
    case Tag::Builtin: return self ? new BoundMethodObj(v, self) : newref(v);
    case Tag::StaticMethod: return newref(static_cast<WrapperObj*>(v)->func);
    case Tag::ClassMethod: return new BoundMethodObj(static_cast<WrapperObj*>(v)->func, cls);
    case Tag::Property:
      if (!self) return newref(v);
      return op_call1(static_cast<WrapperObj*>(v)->func, self);
    default: return newref(v);
  }
}

Obj* no_attribute(Obj* obj, std::string_view name) {
  if (obj->tag == Tag::Class)
    return raise_error(ExcKind::AttributeError, "type object '" + static_cast<ClassObj*>(obj)->name +
                                                    "' has no attribute '" + std::string(name) + "'");
  if (obj->tag == Tag::Module)
    return raise_error(ExcKind::AttributeError, "module '" + static_cast<ModuleObj*>(obj)->name +
                                                    "' has no attribute '" + std::string(name) + "'");
  return raise_error(ExcKind::AttributeError,
                     "'" + type_name(obj) + "' object has no attribute '" + std::string(name) + "'");
}

Obj* super_attr(SuperObj* s, const std::string& name) {
  ClassObj* cls = type_of(s->self);
  ClassObj* object = object_class();  // also makes sure the built-in __init__ methods exist
  bool after = false;
  for (ClassObj* c : cls->mro) {
    if (after) {
      if (Obj* v = dict_find_str(c->dict, name)) return bind_class_attr(v, s->self, cls);
    }
    after = after || c == s->start;
  }
  if (Obj* v = dict_find_str(object->dict, name)) return bind_class_attr(v, s->self, cls);
  return raise_error(ExcKind::AttributeError, "'super' object has no attribute '" + name + "'");
}

Obj* special_attr(Obj* obj, std::string_view name) {
  if (obj->tag == Tag::Range && (name == "start" || name == "stop" || name == "step")) {
    auto* r = static_cast<RangeObj*>(obj);
    return new_int(name == "start" ? r->start : name == "stop" ? r->stop : r->step);
  }
  if (obj->tag == Tag::Slice && (name == "start" || name == "stop" || name == "step")) {
    auto* s = static_cast<SliceObj*>(obj);
    return newref(name == "start" ? s->start : name == "stop" ? s->stop : s->step);
  }
  if (name == "__class__") return newref(type_of(obj));
  if (obj->tag == Tag::Class && (name == "__name__" || name == "__qualname__"))
    return new_str(static_cast<ClassObj*>(obj)->name);
  if (obj->tag == Tag::Function && (name == "__name__" || name == "__qualname__"))
    return new_str(name == "__name__" ? static_cast<FunctionObj*>(obj)->code->name : static_cast<FunctionObj*>(obj)->qualname);
  if (obj->tag == Tag::Function) {
    auto* f = static_cast<FunctionObj*>(obj);
    if (name == "__doc__") return f->code->has_doc ? new_str(f->code->doc) : new_none();
    if (name == "__defaults__")
      return f->defaults && !items_of(f->defaults).empty() ? newref(f->defaults) : new_none();
    if (name == "__kwdefaults__") return f->kwdefaults ? newref(f->kwdefaults) : new_none();
  }
  if (obj->tag == Tag::Builtin && name == "__name__") return new_str(static_cast<BuiltinObj*>(obj)->name);
  if (obj->tag == Tag::Class && name == "__mro__") {
    std::vector<Obj*> items;
    for (ClassObj* c : static_cast<ClassObj*>(obj)->mro) items.push_back(newref(c));
    return new_tuple(std::move(items));
  }
  if (obj->tag == Tag::Class && name == "__bases__") {
    std::vector<Obj*> items;
    for (ClassObj* c : static_cast<ClassObj*>(obj)->bases) items.push_back(newref(c));
    return new_tuple(std::move(items));
  }
  if (obj->tag == Tag::Instance && static_cast<InstanceObj*>(obj)->cls->is_exception) {
    auto* inst = static_cast<InstanceObj*>(obj);
    if (name == "__context__") return newref(inst->context ? inst->context : none());
    if (name == "__cause__") return new_none();
    if (name == "__suppress_context__") return new_bool(false);
    if (name == "value" && inst->cls->is_subclass_of(builtin_exception(ExcKind::StopIteration))) {
      Obj* args = inst->get_attr("args");
      bool has = args && args->tag == Tag::Tuple && !items_of(args).empty();
      return newref(has ? items_of(args)[0] : none());
    }
  }
  return nullptr;
}

// CPython's slice.indices(): clamps start/stop for the given length.
bool slice_indices(SliceObj* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step) {
  step = 1;
  if (s->step->tag != Tag::None && !index_value(s->step, step, "slice indices")) return false;
  if (step == 0) {
    raise_error(ExcKind::ValueError, "slice step cannot be zero");
    return false;
  }
  auto bound = [&](Obj* o, int64_t def, int64_t& out) {
    if (o->tag == Tag::None) {
      out = def;
      return true;
    }
    if (o->tag == Tag::BigInt) {  // beyond any length: clamp by sign
      out = op_compare_bool(CompareOp::Lt, o, Ref(new_int(0)).get()) == 1 ? INT64_MIN / 2 : INT64_MAX / 2;
    } else if (!index_value(o, out, "slice indices")) {
      return false;
    }
    out = clamp_slice_bound(out, len, step);
    return true;
  };
  return bound(s->start, step < 0 ? len - 1 : 0, start) && bound(s->stop, step < 0 ? -1 : len, stop);
}

std::vector<size_t> code_point_offsets(const std::string& s) {
  std::vector<size_t> offs;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(s.size());
  return offs;
}

Obj* slice_value(Obj* obj, SliceObj* s) {
  int64_t len = op_len(obj), start, stop, step;
  if (!slice_indices(s, len, start, stop, step)) return nullptr;
  if (obj->tag == Tag::Str) {
    const std::string& text = str_of(obj);
    auto* so = static_cast<StrObj*>(obj);
    if (so->ascii && step == 1) return new_str(start < stop ? text.substr(size_t(start), size_t(stop - start)) : "");
    std::vector<size_t> offs = code_point_offsets(text);
    std::string out;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
      out.append(text, offs[size_t(i)], offs[size_t(i) + 1] - offs[size_t(i)]);
    return new_str(std::move(out));
  }
  if (obj->tag == Tag::Range) {
    auto* r = static_cast<RangeObj*>(obj);
    return new_range(r->start + start * r->step, r->start + stop * r->step, r->step * step);
  }
  const auto* seq = static_cast<const SeqObj*>(obj);
  if (const PackedSeq* packed = seq->packed_if_made(); packed && !seq->has_boxed_items()) {
    // An unboxed list stays unboxed: boxing every element to take a few would cost more.
    std::vector<int64_t> bits;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) bits.push_back(packed->int_at(i));
    if (bits.empty()) return new SeqObj(obj->tag, std::vector<Obj*>{});
    return new SeqObj(obj->tag, PackedSeq::copy_of(packed->kind(), bits.data(), int64_t(bits.size())));
  }
  std::vector<Obj*> out;
  const auto& items = seq->items();
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(newref(items[size_t(i)]));
  return new SeqObj(obj->tag, std::move(out));
}

Obj* str_index(Obj* s, int64_t i) {
  auto* so = static_cast<StrObj*>(s);
  if (!normalize_index(i, so->length)) return raise_error(ExcKind::IndexError, "string index out of range");
  if (so->ascii) return new_str(std::string(1, so->s[size_t(i)]));
  std::vector<size_t> offs = code_point_offsets(so->s);
  return new_str(so->s.substr(offs[size_t(i)], offs[size_t(i) + 1] - offs[size_t(i)]));
}

}  // namespace

bool normalize_index(int64_t& i, int64_t len) {
  if (i < 0) i += len;
  return i >= 0 && i < len;
}

bool index_value(Obj* o, int64_t& out, const char* what) {
  switch (o->tag) {
    case Tag::Int: out = static_cast<IntObj*>(o)->v; return true;
    case Tag::Bool: out = static_cast<BoolObj*>(o)->v; return true;
    case Tag::BigInt:
      raise_error(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer");
      return false;
    default:
      raise_error(ExcKind::TypeError, std::string(what) + " must be integers or slices, not " + type_name(o));
      return false;
  }
}

ClassObj* type_of(Obj* a) {
  if (a->tag == Tag::Instance) return static_cast<InstanceObj*>(a)->cls;
  if (a->tag == Tag::Iterator) return iterator_type(static_cast<IterObj*>(a)->kind);
  return builtin_type(a->tag);
}

std::string type_name(const Obj* a) { return type_of(const_cast<Obj*>(a))->name; }

bool is_instance(Obj* obj, ClassObj* cls) {
  if (cls == object_class()) return true;
  return type_of(obj)->is_subclass_of(cls);
}

Obj* op_getattr_or_null(Obj* obj, std::string_view name) {
  Obj* r = op_getattr(obj, name);
  if (!r && error_matches(ExcKind::AttributeError)) clear_error();
  return r;
}

Obj* op_getattr(Obj* obj, std::string_view name_view) {
  std::string name(name_view);
  switch (obj->tag) {
    case Tag::Instance: {
      auto* inst = static_cast<InstanceObj*>(obj);
      if (Obj* v = inst->get_attr(name)) return newref(v);
      if (Obj* v = inst->cls->lookup(name)) return bind_class_attr(v, obj, inst->cls);
      if (Obj* v = dict_find_str(object_class()->dict, name)) return bind_class_attr(v, obj, inst->cls);
      break;
    }
    case Tag::Class: {
      auto* cls = static_cast<ClassObj*>(obj);
      if (Obj* v = cls->lookup(name)) return bind_class_attr(v, nullptr, cls);
      if (cls->builtin_tag >= 0) {
        if (BuiltinFn fn = find_builtin_method(Tag(cls->builtin_tag), name)) return new_builtin("method", fn, nullptr);
      }
      break;
    }
    case Tag::Module:
      if (Obj* v = static_cast<ModuleObj*>(obj)->get(name)) return newref(v);
      break;
    case Tag::Super: return super_attr(static_cast<SuperObj*>(obj), name);
    default:
      if (BuiltinFn fn = find_builtin_method(obj->tag, name)) return new BuiltinObj("method", fn, obj);
      break;
  }
  if (Obj* v = special_attr(obj, name)) return v;
  return no_attribute(obj, name);
}

Obj* op_getitem(Obj* obj, Obj* key) {
  switch (obj->tag) {
    case Tag::Tuple:
    case Tag::List: {
      if (key->tag == Tag::Slice) return slice_value(obj, static_cast<SliceObj*>(key));
      int64_t i = 0;
      const char* what = obj->tag == Tag::List ? "list indices" : "tuple indices";
      if (!index_value(key, i, what)) return nullptr;
      const auto* seq = static_cast<const SeqObj*>(obj);
      if (!normalize_index(i, seq->size()))
        return raise_error(ExcKind::IndexError, obj->tag == Tag::List ? "list index out of range" : "tuple index out of range");
      return seq->item(i);
    }
    case Tag::Str: {
      if (key->tag == Tag::Slice) return slice_value(obj, static_cast<SliceObj*>(key));
      int64_t i = 0;
      if (!index_value(key, i, "string indices")) return nullptr;
      return str_index(obj, i);
    }
    case Tag::Range: {
      if (key->tag == Tag::Slice) return slice_value(obj, static_cast<SliceObj*>(key));
      int64_t i = 0;
      if (!index_value(key, i, "range indices")) return nullptr;
      auto* r = static_cast<RangeObj*>(obj);
      if (!normalize_index(i, r->size())) return raise_error(ExcKind::IndexError, "range object index out of range");
      return new_int(r->start + i * r->step);
    }
    case Tag::Dict: {
      int64_t h = op_hash(key);
      if (h == -1 && error_pending()) return nullptr;
      auto* d = static_cast<DictObj*>(obj);
      int64_t i = dict_find(d, key, h, key_eq);
      if (i == -2) return nullptr;
      if (i < 0) return raise_with_arg(ExcKind::KeyError, key);
      return newref(d->entries[size_t(i)].value);
    }
    case Tag::Instance: {
      Obj* r = call_method_if_defined(obj, "__getitem__", &key, 1);
      if (r != not_implemented()) return r;
      decref(r);
      break;
    }
    default: break;
  }
  return raise_error(ExcKind::TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

}  // namespace ufora
