// Objects that compiled code refers to by address: literals, keyword-name tuples, attribute
// names. The pool holds one reference to each for as long as the compiled module lives.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "values/object.h"

namespace ufora::jit {

class ConstantPool {
 public:
  ConstantPool() = default;
  ConstantPool(const ConstantPool&) = delete;
  ConstantPool& operator=(const ConstantPool&) = delete;
  ~ConstantPool();
  Obj* str(const std::string& s);    // interned per pool
  Obj* keep(Obj* stolen);            // any other object
  Obj* kwnames(const std::vector<std::string>& names);

 private:
  std::map<std::string, Obj*> strings_;
  std::vector<Obj*> others_;
};

}  // namespace ufora::jit
