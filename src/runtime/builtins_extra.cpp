#include "runtime/builtins_extra.h"

#include <algorithm>
#include <bit>
#include <string>

#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/builtin_types.h"
#include "runtime/builtins_internal.h"
#include "runtime/methods_internal.h"
#include "runtime/ops.h"
#include "values/bigint.h"
#include "values/class_obj.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace ufora {

namespace {

Obj* receiver(Obj* self, Obj* const*& args, size_t& nargs) {
  if (self) return self;
  Obj* r = args[0];
  ++args;
  --nargs;
  return r;
}

ClassObj* make_builtin_class(const char* name) {
  std::vector<ClassObj*> bases{static_cast<ClassObj*>(newref(object_class()))};
  auto* c = static_cast<ClassObj*>(new_class(name, std::move(bases), static_cast<DictObj*>(new_dict())));
  c->refcount = kImmortal;
  return c;
}

void add_method(ClassObj* c, const char* name, BuiltinFn fn) {
  Obj* f = new_builtin(name, fn);
  f->refcount = kImmortal;
  dict_insert_str(c->dict, name, f);
}

// ---- hex / oct / bin / ascii -------------------------------------------------------

Obj* int_base_string(const char* fname, Obj* const* args, size_t nargs, Obj* kw, int base, const char* prefix) {
  if (!no_keywords(fname, kw) || !check_one_arg(fname, nargs)) return nullptr;
  Obj* v = args[0];
  if (!is_int_like(v))
    return raise_error(ExcKind::TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  Ref i;
  if (v->tag == Tag::Bool) {
    i = Ref(new_int(static_cast<BoolObj*>(v)->v ? 1 : 0));
    v = i.get();
  }
  std::string digits = int_to_string(v, base);
  bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.erase(0, 1);
  return new_str((neg ? "-" : "") + std::string(prefix) + digits);
}

Obj* builtin_hex(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return int_base_string("hex", args, nargs, kw, 16, "0x"); }
Obj* builtin_oct(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return int_base_string("oct", args, nargs, kw, 8, "0o"); }
Obj* builtin_bin(Obj*, Obj* const* args, size_t nargs, Obj* kw) { return int_base_string("bin", args, nargs, kw, 2, "0b"); }

Obj* builtin_ascii(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("ascii", kw) || !check_one_arg("ascii", nargs)) return nullptr;
  return ascii_repr(args[0]);
}

// ---- int methods -------------------------------------------------------------------

bool int_receiver(Obj*& self, Obj* const*& args, size_t& nargs, const char* method) {
  return method_receiver(self, args, nargs, "int", method, [](const Obj* o) { return is_int_like(o); });
}

uint64_t int_bits(Obj* v, uint64_t* popcount) {
  if (v->tag == Tag::BigInt) {
    cpp_int a = abs(bigint_value(v));
    uint64_t n = bit_length(a), pc = 0;
    if (popcount) {
      for (uint64_t k = 0; k < n; ++k) pc += bit_test(a, unsigned(k)) ? 1 : 0;
      *popcount = pc;
    }
    return n;
  }
  int64_t x = v->tag == Tag::Bool ? int64_t(static_cast<BoolObj*>(v)->v) : static_cast<IntObj*>(v)->v;
  uint64_t u = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
  if (popcount) *popcount = uint64_t(std::popcount(u));
  return uint64_t(64 - std::countl_zero(u));
}

Obj* int_bit_length(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!int_receiver(self, args, nargs, "bit_length") || !method_no_args("int.bit_length", nargs, kw)) return nullptr;
  return new_int(int64_t(int_bits(self, nullptr)));
}

Obj* int_bit_count(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!int_receiver(self, args, nargs, "bit_count") || !method_no_args("int.bit_count", nargs, kw)) return nullptr;
  uint64_t pc = 0;
  int_bits(self, &pc);
  return new_int(int64_t(pc));
}

Obj* int_conjugate(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!int_receiver(self, args, nargs, "conjugate") || !method_no_args("int.conjugate", nargs, kw)) return nullptr;
  if (self->tag == Tag::Bool) return new_int(static_cast<BoolObj*>(self)->v ? 1 : 0);
  return newref(self);
}

constexpr MethodEntry kIntMethods[] = {
    {"bit_length", int_bit_length}, {"bit_count", int_bit_count}, {"conjugate", int_conjugate}};

// ---- Ellipsis ----------------------------------------------------------------------

Obj* ellipsis_repr(Obj*, Obj* const*, size_t, Obj*) { return new_str("Ellipsis"); }


// ---- dict views --------------------------------------------------------------------

const char* const kViewNames[3] = {"dict_keys", "dict_values", "dict_items"};
constexpr const char* kViewSlot = "__view_dict__";

DictObj* view_dict(Obj* view) {
  return static_cast<DictObj*>(static_cast<InstanceObj*>(view)->get_attr(kViewSlot));
}
int view_kind(Obj* view);

// The view's items as a list (new reference).
Obj* view_list(Obj* view) {
  int kind = view_kind(view);
  std::vector<Obj*> out;
  for (const DictEntry& e : view_dict(view)->entries) {
    if (kind == 0) out.push_back(newref(e.key));
    else if (kind == 1) out.push_back(newref(e.value));
    else out.push_back(new_tuple({newref(e.key), newref(e.value)}));
  }
  return new_list(std::move(out));
}

Obj* view_iter(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  if (view_kind(self) == 0) return op_iter(view_dict(self));
  Ref l(view_list(self));
  return op_iter(l.get());
}

Obj* view_reversed(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  Ref l(view_list(self));
  auto& items = static_cast<SeqObj*>(l.get())->building_items();
  std::reverse(items.begin(), items.end());
  return op_iter(l.get());
}

Obj* view_len(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  return new_int(int64_t(view_dict(self)->entries.size()));
}

Obj* view_contains(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  int kind = view_kind(self);
  int r;
  if (kind == 0) {
    r = op_contains(view_dict(self), args[0]);
  } else if (kind == 2) {
    Obj* item = args[0];
    if (item->tag != Tag::Tuple || items_of(item).size() != 2) return new_bool(false);
    Ref v(op_getitem(view_dict(self), items_of(item)[0]));
    if (!v) {
      if (!error_matches(ExcKind::KeyError)) return nullptr;
      clear_error();
      return new_bool(false);
    }
    Obj* want = items_of(item)[1];
    r = v.get() == want ? 1 : op_eq(v.get(), want);
  } else {
    Ref l(view_list(self));
    r = op_contains(l.get(), args[0]);
  }
  return r < 0 ? nullptr : new_bool(r);
}

Obj* view_repr(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  Ref l(view_list(self));
  std::string out = std::string(kViewNames[view_kind(self)]) + "(";
  if (!append_repr(out, l.get())) return nullptr;
  return new_str(out + ")");
}

Obj* to_set(Obj* o) {
  Obj* arg[1] = {o};
  return construct_set(arg, 1, nullptr);
}

Obj* view_setop(BinaryOp op, Obj* a, Obj* b) {
  Ref sa(to_set(a));
  if (!sa) return nullptr;
  Ref sb(to_set(b));
  if (!sb) return nullptr;
  return op_binary(op, sa.get(), sb.get());
}

template <BinaryOp Op, bool Reflected>
Obj* view_binop(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  Obj* other = args[0];
  Ref probe(op_iter(other));
  if (!probe) {
    clear_error();
    return newref(not_implemented());
  }
  return Reflected ? view_setop(Op, other, self) : view_setop(Op, self, other);
}

Obj* view_eq(Obj* self, Obj* const* args, size_t nargs, Obj*) {
  self = receiver(self, args, nargs);
  Obj* other = args[0];
  int kind = view_kind(self);
  if (kind == 1) return new_bool(self == other);
  bool other_view = other->tag == Tag::Instance && view_kind(other) == kind;
  if (!is_setlike(other) && !other_view) return newref(not_implemented());
  Ref sa(to_set(self));
  if (!sa) return nullptr;
  Ref sb(to_set(other));
  if (!sb) return nullptr;
  int r = op_eq(sa.get(), sb.get());
  return r < 0 ? nullptr : new_bool(r);
}

ClassObj* view_class(int kind) {
  static ClassObj* classes[3] = {};
  if (!classes[kind]) {
    ClassObj* c = make_builtin_class(kViewNames[kind]);
    add_method(c, "__iter__", view_iter);
    add_method(c, "__reversed__", view_reversed);
    add_method(c, "__len__", view_len);
    add_method(c, "__contains__", view_contains);
    add_method(c, "__repr__", view_repr);
    if (kind != 1) {
      add_method(c, "__eq__", view_eq);
      add_method(c, "__sub__", view_binop<BinaryOp::Sub, false>);
      add_method(c, "__and__", view_binop<BinaryOp::BitAnd, false>);
      add_method(c, "__or__", view_binop<BinaryOp::BitOr, false>);
      add_method(c, "__xor__", view_binop<BinaryOp::BitXor, false>);
      add_method(c, "__rsub__", view_binop<BinaryOp::Sub, true>);
      add_method(c, "__rand__", view_binop<BinaryOp::BitAnd, true>);
      add_method(c, "__ror__", view_binop<BinaryOp::BitOr, true>);
      add_method(c, "__rxor__", view_binop<BinaryOp::BitXor, true>);
    }
    classes[kind] = c;
  }
  return classes[kind];
}

int view_kind(Obj* view) {
  ClassObj* cls = static_cast<InstanceObj*>(view)->cls;
  for (int k = 0; k < 3; ++k)
    if (cls == view_class(k)) return k;
  return -1;
}

}  // namespace

Obj* new_dict_view(Obj* dict, int kind) {
  auto* inst = static_cast<InstanceObj*>(new_instance(view_class(kind)));
  inst->set_attr(kViewSlot, dict);
  return inst;
}

Obj* ellipsis() {
  static Obj* e = [] {
    ClassObj* c = make_builtin_class("ellipsis");
    add_method(c, "__repr__", ellipsis_repr);
    Obj* inst = new_instance(c);
    inst->refcount = kImmortal;
    return inst;
  }();
  return e;
}

Obj* ascii_repr(Obj* x) {
  Obj* r = op_repr(x);
  if (!r) return nullptr;
  const std::string& s = str_of(r);
  if (static_cast<StrObj*>(r)->ascii) return r;
  std::string out;
  std::vector<size_t> offs = code_point_offsets(s);
  static const char* hex = "0123456789abcdef";
  for (size_t i = 0; i + 1 < offs.size(); ++i) {
    std::string ch = s.substr(offs[i], offs[i + 1] - offs[i]);
    if (ch.size() == 1) {
      out += ch;
      continue;
    }
    uint32_t cp = utf8_decode_one(ch);
    int width = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    out += width == 2 ? "\\x" : width == 4 ? "\\u" : "\\U";
    for (int k = width - 1; k >= 0; --k) out += hex[(cp >> (4 * k)) & 0xF];
  }
  decref(r);
  return new_str(std::move(out));
}

BuiltinFn find_int_method(std::string_view name) {
  static const MethodTable table(kIntMethods);
  return table.find(name);
}

void register_extra_builtins(DictObj* d) {
  add_builtin(d, "hex", builtin_hex);
  add_builtin(d, "oct", builtin_oct);
  add_builtin(d, "bin", builtin_bin);
  add_builtin(d, "ascii", builtin_ascii);
  dict_insert_str(d, "NotImplemented", not_implemented());
  dict_insert_str(d, "Ellipsis", ellipsis());
}

}  // namespace ufora
