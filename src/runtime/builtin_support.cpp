#include "runtime/builtin_support.h"

#include "runtime/ops.h"
#include "values/dict_table.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

std::string arguments(size_t n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

}  // namespace

bool check_arity(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  std::string msg = fname;
  if (min == max)
    msg += " expected " + arguments(min);
  else if (nargs < min)
    msg += " expected at least " + arguments(min);
  else
    msg += " expected at most " + arguments(max);
  raise_error(ExcKind::TypeError, msg + ", got " + std::to_string(nargs));
  return false;
}

bool check_one_arg(const char* fname, size_t nargs) {
  if (nargs == 1) return true;
  raise_error(ExcKind::TypeError,
              std::string(fname) + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return false;
}

Obj* keyword_arg(Obj* const* args, size_t nargs, Obj* kwnames, const char* name) {
  if (!kwnames) return nullptr;
  const auto& names = items_of(kwnames);
  for (size_t k = 0; k < names.size(); ++k)
    if (str_of(names[k]) == name) return args[nargs + k];
  return nullptr;
}

bool only_keywords(const char* fname, Obj* kwnames, std::initializer_list<const char*> allowed) {
  if (!kwnames) return true;
  for (Obj* k : items_of(kwnames)) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || str_of(k) == a;
    if (!ok) {
      raise_error(ExcKind::TypeError, "'" + str_of(k) + "' is an invalid keyword argument for " + fname + "()");
      return false;
    }
  }
  return true;
}

bool as_int64(Obj* o, int64_t& out, const char* c_type) {
  switch (o->tag) {
    case Tag::Int: out = static_cast<IntObj*>(o)->v; return true;
    case Tag::Bool: out = static_cast<BoolObj*>(o)->v ? 1 : 0; return true;
    case Tag::BigInt:
      raise_error(ExcKind::OverflowError, std::string("Python int too large to convert to ") + c_type);
      return false;
    default:
      raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object cannot be interpreted as an integer");
      return false;
  }
}

bool set_add(DictObj* s, Obj* key) {
  int64_t h = op_hash(key);
  if (h == -1 && error_pending()) return false;
  return dict_insert(s, key, nullptr, h, op_eq);
}

bool dict_put(DictObj* d, Obj* key, Obj* value) {
  int64_t h = op_hash(key);
  if (h == -1 && error_pending()) return false;
  return dict_insert(d, key, value, h, op_eq);
}

int table_contains(const DictObj* d, Obj* key) {
  int64_t h = op_hash(key);
  if (h == -1 && error_pending()) return -1;
  int64_t i = dict_find(d, key, h, op_eq);
  return i == -2 ? -1 : i >= 0 ? 1 : 0;
}

IterObj* new_iter(const char* kind, Obj* (*next)(IterObj*), Obj* source) {
  auto* it = new IterObj(next);
  it->kind = kind;
  if (source) it->source = newref(source);
  return it;
}

std::vector<size_t> code_point_offsets(const std::string& s) {
  std::vector<size_t> offs;
  offs.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(s.size());
  return offs;
}

std::string utf8_encode(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
  return out;
}

uint32_t utf8_decode_one(const std::string& s) {
  auto b = [&](size_t i) { return uint32_t(static_cast<unsigned char>(s[i])); };
  uint32_t c = b(0);
  if (c < 0x80) return c;
  if (c < 0xE0) return ((c & 0x1F) << 6) | (b(1) & 0x3F);
  if (c < 0xF0) return ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

void add_builtin(DictObj* d, const char* name, BuiltinFn fn) {
  Obj* f = new_builtin(name, fn);
  f->refcount = kImmortal;
  dict_insert_str(d, name, f);
}

}  // namespace ufora

namespace ufora {

bool method_receiver(Obj*& self, Obj* const*& args, size_t& nargs, const char* type, const char* method,
                     bool (*accepts)(const Obj*)) {
  if (!self) {
    if (nargs == 0) {
      raise_error(ExcKind::TypeError,
                  std::string("unbound method ") + type + "." + method + "() needs an argument");
      return false;
    }
    self = args[0];
    ++args;
    --nargs;
  }
  if (accepts(self)) return true;
  raise_error(ExcKind::TypeError, std::string("descriptor '") + method + "' for '" + type +
                                      "' objects doesn't apply to a '" + type_name(self) + "' object");
  return false;
}

}  // namespace ufora
