// repr(), str(), format() and printf-style `%` formatting.
#include "runtime/callable.h"
#include "runtime/ops_internal.h"
#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/float_repr.h"
#include "values/format_spec.h"
#include "values/number_ops.h"
#include "values/str_algorithms.h"

namespace ufora {

namespace {

std::string hex_address(const void* p) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%012lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(p)));
  return buf;
}

bool append_items(std::string& out, const std::vector<Obj*>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    if (!append_repr(out, items[i])) return false;
  }
  return true;
}

bool append_exception_repr(std::string& out, InstanceObj* e) {
  out += e->cls->name;
  Obj* args = e->get_attr("args");
  out += "(";
  if (args && args->tag == Tag::Tuple && !append_items(out, items_of(args))) return false;
  out += ")";
  return true;
}

bool append_exception_str(std::string& out, InstanceObj* e) {
  Obj* args = e->get_attr("args");
  if (!args || args->tag != Tag::Tuple || items_of(args).empty()) return true;
  if (items_of(args).size() == 1) {
    // KeyError shows the missing key as its repr: KeyError: 'x'.
    if (e->cls->is_subclass_of(builtin_exception(ExcKind::KeyError))) return append_repr(out, items_of(args)[0]);
    return append_str(out, items_of(args)[0]);
  }
  return append_repr(out, args);
}

// Calls a user __repr__/__str__ and appends its (str) result.
bool append_dunder_result(std::string& out, Obj* self, const char* name, bool* handled) {
  Obj* r = call_method_if_defined(self, name, nullptr, 0);
  if (r == not_implemented()) {
    decref(r);
    *handled = false;
    return true;
  }
  *handled = true;
  if (!r) return false;
  if (r->tag != Tag::Str) {
    raise_error(ExcKind::TypeError, std::string(name) + " returned non-string (type " + type_name(r) + ")");
    decref(r);
    return false;
  }
  out += str_of(r);
  decref(r);
  return true;
}

}  // namespace

bool append_repr(std::string& out, Obj* a) {
  switch (a->tag) {
    case Tag::None: out += "None"; return true;
    case Tag::NotImplemented: out += "NotImplemented"; return true;
    case Tag::Bool: out += static_cast<BoolObj*>(a)->v ? "True" : "False"; return true;
    case Tag::Int: out += std::to_string(static_cast<IntObj*>(a)->v); return true;
    case Tag::BigInt: {
      std::string digits = int_to_string(a, 10);  // fails beyond CPython's 4300-digit limit
      out += digits;
      return !digits.empty();
    }
    case Tag::Float: out += text::float_repr(static_cast<FloatObj*>(a)->v); return true;
    case Tag::Str: out += text::py_repr(str_of(a)); return true;
    case Tag::Tuple:
      out += "(";
      if (!append_items(out, items_of(a))) return false;
      out += items_of(a).size() == 1 ? ",)" : ")";
      return true;
    case Tag::List:
      out += "[";
      if (!append_items(out, items_of(a))) return false;
      out += "]";
      return true;
    case Tag::Dict: {
      out += "{";
      bool first = true;
      for (const auto& e : static_cast<DictObj*>(a)->entries) {
        if (!first) out += ", ";
        first = false;
        if (!append_repr(out, e.key)) return false;
        out += ": ";
        if (!append_repr(out, e.value)) return false;
      }
      out += "}";
      return true;
    }
    case Tag::Set:
    case Tag::FrozenSet: {
      const auto& entries = static_cast<DictObj*>(a)->entries;
      bool frozen = a->tag == Tag::FrozenSet;
      if (entries.empty()) {
        out += frozen ? "frozenset()" : "set()";
        return true;
      }
      out += frozen ? "frozenset({" : "{";
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i) out += ", ";
        if (!append_repr(out, entries[i].key)) return false;
      }
      out += frozen ? "})" : "}";
      return true;
    }
    case Tag::Range: {
      auto* r = static_cast<RangeObj*>(a);
      out += "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      out += ")";
      return true;
    }
    case Tag::Class: {
      auto* c = static_cast<ClassObj*>(a);
      // Built-in classes are immortal; user classes live in __main__.
      bool builtin = c->refcount >= kImmortal / 2;
      out += builtin ? "<class '" + c->name + "'>" : "<class '__main__." + c->name + "'>";
      return true;
    }
    case Tag::Function:
      out += "<function " + static_cast<FunctionObj*>(a)->qualname + " at " + hex_address(a) + ">";
      return true;
    case Tag::Builtin: out += std::string("<built-in function ") + static_cast<BuiltinObj*>(a)->name + ">"; return true;
    case Tag::Module: out += "<module '" + static_cast<ModuleObj*>(a)->name + "'>"; return true;
    case Tag::Generator: out += "<generator object at " + hex_address(a) + ">"; return true;
    case Tag::Instance: {
      bool handled = false;
      if (!append_dunder_result(out, a, "__repr__", &handled)) return false;
      if (handled) return true;
      auto* inst = static_cast<InstanceObj*>(a);
      if (inst->cls->is_exception) return append_exception_repr(out, inst);
      out += "<__main__." + inst->cls->name + " object at " + hex_address(a) + ">";
      return true;
    }
    default: out += "<" + type_name(a) + " object at " + hex_address(a) + ">"; return true;
  }
}

bool append_str(std::string& out, Obj* a) {
  if (a->tag == Tag::Str) {
    out += str_of(a);
    return true;
  }
  if (a->tag == Tag::Float) {
    out += text::float_repr(static_cast<FloatObj*>(a)->v);
    return true;
  }
  if (a->tag == Tag::Instance) {
    bool handled = false;
    if (!append_dunder_result(out, a, "__str__", &handled)) return false;
    if (handled) return true;
    auto* inst = static_cast<InstanceObj*>(a);
    if (inst->cls->is_exception && !inst->cls->lookup("__repr__")) return append_exception_str(out, inst);
  }
  return append_repr(out, a);
}

Obj* op_repr(Obj* a) {
  std::string out;
  if (!append_repr(out, a)) return nullptr;
  return new_str(std::move(out));
}

Obj* op_str(Obj* a) {
  if (a->tag == Tag::Str) return newref(a);
  std::string out;
  if (!append_str(out, a)) return nullptr;
  return new_str(std::move(out));
}

namespace {

Obj* format_error(const std::string& error) { return raise_error(ExcKind::ValueError, error); }

Obj* format_integer(Obj* v, const text::FormatSpec& spec) {
  char32_t t = spec.type;
  std::string error;
  if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
    bool overflow = false;
    double d = int_to_double(v, &overflow);
    if (overflow) return raise_error(ExcKind::OverflowError, "int too large to convert to float");
    std::string s = text::format_float(d, spec, error);
    return error.empty() ? new_str(std::move(s)) : format_error(error);
  }
  if (t == 'c') {
    int64_t cp = 0;
    if (!index_value(v, cp, "%c")) return nullptr;
    text::FormatSpec s2 = spec;
    s2.type = 0;
    std::string s = text::format_str(text::utf8_encode(char32_t(cp)), s2, error);
    return error.empty() ? new_str(std::move(s)) : format_error(error);
  }
  int base = t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 10;
  if (!(t == 0 || t == 'd' || t == 'n' || base != 10))
    return format_error("Unknown format code '" + text::utf8_encode(t) + "' for object of type 'int'");
  std::string digits = int_to_string(v, base);
  if (digits.empty()) return nullptr;  // over the digit limit: ValueError pending
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (t == 'X')
    for (char& c : digits) c = char(toupper(static_cast<unsigned char>(c)));
  std::string s = text::format_int(negative, digits, spec, error);
  return error.empty() ? new_str(std::move(s)) : format_error(error);
}

}  // namespace

Obj* op_format(Obj* v, std::string_view spec_text) {
  if (v->tag == Tag::Instance) {
    Ref spec_obj(new_str(std::string(spec_text)));
    Obj* spec_arg = spec_obj.get();
    Obj* r = call_method_if_defined(v, "__format__", &spec_arg, 1);
    if (r != not_implemented()) return r;
    decref(r);
  }
  if (spec_text.empty()) return op_str(v);
  text::FormatSpec spec;
  std::string error;
  if (!text::parse_format_spec(spec_text, spec, error)) return format_error(error);
  switch (v->tag) {
    case Tag::Int:
    case Tag::BigInt:
    case Tag::Bool: return format_integer(v, spec);
    case Tag::Float: {
      if (spec.type && std::u32string_view(U"eEfFgGn%").find(spec.type) == std::u32string_view::npos)
        return format_error("Unknown format code '" + text::utf8_encode(spec.type) + "' for object of type 'float'");
      std::string s = text::format_float(static_cast<FloatObj*>(v)->v, spec, error);
      return error.empty() ? new_str(std::move(s)) : format_error(error);
    }
    case Tag::Str: {
      if (spec.type && spec.type != 's')
        return format_error("Unknown format code '" + text::utf8_encode(spec.type) + "' for object of type 'str'");
      std::string s = text::format_str(str_of(v), spec, error);
      return error.empty() ? new_str(std::move(s)) : format_error(error);
    }
    default:
      return raise_error(ExcKind::TypeError, "unsupported format string passed to " + type_name(v) + ".__format__");
  }
}

}  // namespace ufora
