#include "jit/constant_pool.h"

namespace ufora::jit {

ConstantPool::~ConstantPool() {
  for (auto& [s, o] : strings_) decref(o);
  for (Obj* o : others_) decref(o);
}

Obj* ConstantPool::str(const std::string& s) {
  auto it = strings_.find(s);
  if (it != strings_.end()) return it->second;
  Obj* o = new_str(s);
  strings_[s] = o;
  return o;
}

Obj* ConstantPool::keep(Obj* o) {
  others_.push_back(o);
  return o;
}

Obj* ConstantPool::kwnames(const std::vector<std::string>& names) {
  std::vector<Obj*> items;
  for (const auto& n : names) items.push_back(newref(str(n)));
  return keep(new_tuple(std::move(items)));
}

}  // namespace ufora::jit
