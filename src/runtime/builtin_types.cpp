#include "runtime/builtin_types.h"

#include <map>
#include <mutex>
#include <string>

#include "runtime/core_methods.h"
#include "values/dict_table.h"

namespace ufora {

namespace {

ClassObj* make_type(const char* name, int tag, ClassObj* base) {
  std::vector<ClassObj*> bases;
  if (base) bases.push_back(static_cast<ClassObj*>(newref(base)));
  auto* c = static_cast<ClassObj*>(new_class(name, std::move(bases), static_cast<DictObj*>(new_dict())));
  c->builtin_tag = tag;
  c->refcount = kImmortal;
  return c;
}

struct Types {
  ClassObj* object;
  ClassObj* by_tag[int(Tag::Super) + 1] = {};
};

Types& types() {
  static Types* t = [] {
    auto* ts = new Types();
    ts->object = make_type("object", -1, nullptr);
    auto add = [&](Tag tag, const char* name, ClassObj* base = nullptr) {
      ts->by_tag[int(tag)] = make_type(name, int(tag), base ? base : ts->object);
      return ts->by_tag[int(tag)];
    };
    ClassObj* int_type = add(Tag::Int, "int");
    ts->by_tag[int(Tag::BigInt)] = int_type;
    add(Tag::Bool, "bool", int_type);
    add(Tag::None, "NoneType");
    add(Tag::NotImplemented, "NotImplementedType");
    add(Tag::Float, "float");
    add(Tag::Str, "str");
    add(Tag::Tuple, "tuple");
    add(Tag::List, "list");
    add(Tag::Dict, "dict");
    add(Tag::Set, "set");
    add(Tag::FrozenSet, "frozenset");
    add(Tag::Range, "range");
    add(Tag::Slice, "slice");
    add(Tag::Iterator, "iterator");
    add(Tag::Function, "function");
    add(Tag::Builtin, "builtin_function_or_method");
    add(Tag::BoundMethod, "method");
    add(Tag::Class, "type");
    add(Tag::Generator, "generator");
    add(Tag::Module, "module");
    add(Tag::Cell, "cell");
    add(Tag::StaticMethod, "staticmethod");
    add(Tag::ClassMethod, "classmethod");
    add(Tag::Property, "property");
    add(Tag::Super, "super");
    return ts;
  }();
  return *t;
}

}  // namespace

ClassObj* builtin_type(Tag tag) { return types().by_tag[int(tag)]; }

ClassObj* iterator_type(const char* kind) {
  static std::mutex lock;
  static auto* by_kind = new std::map<std::string, ClassObj*>();  // lives as long as the types
  std::lock_guard<std::mutex> hold(lock);
  ClassObj*& c = (*by_kind)[kind];
  if (!c) c = make_type(kind, int(Tag::Iterator), types().object);
  return c;
}
ClassObj* object_class() {
  ClassObj* o = types().object;
  install_core_methods();
  return o;
}

}  // namespace ufora
