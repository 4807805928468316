// Small helpers shared by the built-in functions, methods and modules (runtime-internal).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "runtime/callable.h"
#include "runtime/iterator.h"
#include "values/object.h"

namespace ufora {

// A vector of owned references, released on scope exit unless taken.
class OwnedVec {
 public:
  OwnedVec() = default;
  OwnedVec(const OwnedVec&) = delete;
  OwnedVec& operator=(const OwnedVec&) = delete;
  ~OwnedVec() { clear(); }
  std::vector<Obj*> v;
  void push(Obj* stolen) { v.push_back(stolen); }
  std::vector<Obj*> take() { return std::move(v); }
  void clear() {
    for (Obj* o : v) decref(o);
    v.clear();
  }
  size_t size() const { return v.size(); }
  Obj* operator[](size_t i) const { return v[i]; }
};

// CPython's arity errors for functions parsed with PyArg_UnpackTuple:
// "f expected at least 1 argument, got 0", "f expected at most 2 arguments, got 3",
// "f expected 2 arguments, got 1".
bool check_arity(const char* fname, size_t nargs, size_t min, size_t max);
// METH_O functions: "f() takes exactly one argument (0 given)".
bool check_one_arg(const char* fname, size_t nargs);
// The value of a keyword argument by name, or nullptr (borrowed).
Obj* keyword_arg(Obj* const* args, size_t nargs, Obj* kwnames, const char* name);
// Rejects keywords other than `allowed` with CPython's "'x' is an invalid keyword argument for f()".
bool only_keywords(const char* fname, Obj* kwnames, std::initializer_list<const char*> allowed);

// Int-like value as int64 (bool included); TypeError "'float' object cannot be interpreted as an
// integer" for other types, OverflowError for big ints (message names the C type as CPython does).
bool as_int64(Obj* o, int64_t& out, const char* c_type = "C ssize_t");

// Sets and dicts built through Python's hash and ==. False when hashing or comparing raised.
bool set_add(DictObj* s, Obj* key);
bool dict_put(DictObj* d, Obj* key, Obj* value);
// Membership through the table: 1 / 0 / -1.
int table_contains(const DictObj* d, Obj* key);

// An iterator driven by `next`; `source` is borrowed (a new reference is stored).
IterObj* new_iter(const char* kind, Obj* (*next)(IterObj*), Obj* source = nullptr);

// Code points of a UTF-8 string, as byte offsets: offsets[i] is where code point i starts,
// offsets[n] == s.size().
std::vector<size_t> code_point_offsets(const std::string& s);
// The UTF-8 encoding of one code point.
std::string utf8_encode(uint32_t cp);
// Decodes the single code point of a one-character str.
uint32_t utf8_decode_one(const std::string& s);

// Registers a built-in function object (immortal) in a builtins or module dict.
void add_builtin(DictObj* d, const char* name, BuiltinFn fn);

}  // namespace ufora

namespace ufora {

// Methods of built-in types are called bound (`self` = receiver) or unbound through the type
// (`str.strip(s)`: `self` == nullptr, receiver in args[0]). Normalises both to the bound form
// and checks the receiver's type with `accepts`; false with CPython's TypeError otherwise.
bool method_receiver(Obj*& self, Obj* const*& args, size_t& nargs, const char* type, const char* method,
                     bool (*accepts)(const Obj*));

}  // namespace ufora
