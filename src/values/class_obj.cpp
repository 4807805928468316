#include "values/class_obj.h"

#include "values/dict_table.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// C3 linearisation: the MRO Python uses, so super() and method lookup agree with CPython.
bool c3_merge(std::vector<std::vector<ClassObj*>> seqs, std::vector<ClassObj*>& out) {
  for (;;) {
    bool all_empty = true;
    for (auto& s : seqs) all_empty = all_empty && s.empty();
    if (all_empty) return true;
    ClassObj* candidate = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      ClassObj* head = s.front();
      bool in_tail = false;
      for (auto& t : seqs)
        for (size_t i = 1; i < t.size(); ++i) in_tail = in_tail || t[i] == head;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) return false;
    out.push_back(candidate);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
  }
}

}  // namespace

ClassObj::ClassObj(std::string n, std::vector<ClassObj*> stolen_bases)
    : Obj(Tag::Class), name(std::move(n)), bases(std::move(stolen_bases)), dict(static_cast<DictObj*>(new_dict())) {}

ClassObj::~ClassObj() {
  for (ClassObj* b : bases) decref(b);
  decref(dict);
}

Obj* ClassObj::lookup(const std::string& attr) const {
  for (const ClassObj* c : mro)
    if (Obj* v = dict_find_str(c->dict, attr)) return v;
  return nullptr;
}

bool ClassObj::is_subclass_of(const ClassObj* other) const {
  for (const ClassObj* c : mro)
    if (c == other) return true;
  return false;
}

InstanceObj::InstanceObj(ClassObj* c) : Obj(Tag::Instance), cls(c), attrs(static_cast<DictObj*>(new_dict())) {
  incref(cls);
}

InstanceObj::~InstanceObj() {
  decref(attrs);
  decref(cls);
  xdecref(context);
}

Obj* InstanceObj::get_attr(const std::string& n) const { return dict_find_str(attrs, n); }
void InstanceObj::set_attr(const std::string& n, Obj* value) { dict_insert_str(attrs, n, value); }

Obj* new_class(std::string name, std::vector<ClassObj*> bases, DictObj* dict) {
  auto* cls = new ClassObj(std::move(name), std::move(bases));
  decref(cls->dict);
  cls->dict = dict;
  std::vector<std::vector<ClassObj*>> seqs;
  for (ClassObj* b : cls->bases) {
    seqs.push_back(b->mro);
    cls->is_exception = cls->is_exception || b->is_exception;
  }
  seqs.push_back(cls->bases);
  cls->mro.push_back(cls);
  if (!c3_merge(std::move(seqs), cls->mro)) {
    decref(cls);
    return raise_error(ExcKind::TypeError, "Cannot create a consistent method resolution order (MRO)");
  }
  return cls;
}

Obj* new_instance(ClassObj* cls) { return new InstanceObj(cls); }

}  // namespace ufora
