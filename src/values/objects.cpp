// Constructors, singletons and destructors of the basic values.
#include "values/object.h"

namespace ufora {

namespace {

struct NoneObj : Obj {
  NoneObj() : Obj(Tag::None) { refcount = kImmortal; }
};
struct NotImplementedObj : Obj {
  NotImplementedObj() : Obj(Tag::NotImplemented) { refcount = kImmortal; }
};

template <class T>
T* immortal(T* o) {
  o->refcount = kImmortal;
  return o;
}

// Small ints are shared, like CPython's: loops over small ranges allocate nothing.
constexpr int64_t kSmallIntMin = -5;
constexpr int64_t kSmallIntMax = 256;

IntObj** small_ints() {
  static IntObj** table = [] {
    auto** t = new IntObj*[kSmallIntMax - kSmallIntMin + 1];
    for (int64_t v = kSmallIntMin; v <= kSmallIntMax; ++v) t[v - kSmallIntMin] = immortal(new IntObj(v));
    return t;
  }();
  return table;
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

int64_t count_code_points(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

StrObj::StrObj(std::string text) : Obj(Tag::Str), s(std::move(text)) {
  ascii = is_ascii(s);
  length = ascii ? int64_t(s.size()) : count_code_points(s);
}

SeqObj::~SeqObj() {
  for (Obj* o : items) decref(o);
}

DictObj::~DictObj() {
  for (auto& e : entries) {
    decref(e.key);
    xdecref(e.value);
  }
}

SliceObj::~SliceObj() {
  decref(start);
  decref(stop);
  decref(step);
}

int64_t RangeObj::size() const {
  if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
  return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Obj* none() {
  static Obj* o = new NoneObj();
  return o;
}
Obj* not_implemented() {
  static Obj* o = new NotImplementedObj();
  return o;
}
Obj* py_true() {
  static Obj* o = immortal(new BoolObj(true));
  return o;
}
Obj* py_false() {
  static Obj* o = immortal(new BoolObj(false));
  return o;
}

Obj* new_int(int64_t v) {
  if (v >= kSmallIntMin && v <= kSmallIntMax) return small_ints()[v - kSmallIntMin];  // immortal
  return new IntObj(v);
}
Obj* new_float(double v) { return new FloatObj(v); }
Obj* new_str(std::string s) { return new StrObj(std::move(s)); }
Obj* new_tuple(std::vector<Obj*> items) { return new SeqObj(Tag::Tuple, std::move(items)); }
Obj* new_list(std::vector<Obj*> items) { return new SeqObj(Tag::List, std::move(items)); }
Obj* new_range(int64_t a, int64_t b, int64_t c) { return new RangeObj(a, b, c); }

}  // namespace ufora
