// The object model: every Python value the runtime handles is an `Obj`.
//
// Values are immutable once built and cannot form cycles (DESIGN.md decision 3), so plain
// reference counting frees everything. Conventions used by every function that takes or
// returns an `Obj*` anywhere in libufora:
//   - a function returning `Obj*` returns a NEW reference (the caller owns one count);
//   - arguments are BORROWED unless the name or comment says "steals";
//   - `nullptr` as a result means "a Python exception is pending" (see exception_state.h).
// The singletons (None, True, False, NotImplemented) and small ints are immortal: their
// count starts so high that it never reaches zero.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "values/packed_seq.h"
#include "values/small_alloc.h"

namespace ufora {

enum class Tag : uint8_t {
  None,
  NotImplemented,
  Bool,
  Int,       // fits in int64_t
  BigInt,    // arbitrary precision; never holds a value that fits in int64_t
  Float,
  Str,
  Tuple,
  List,
  Dict,
  Set,
  FrozenSet,
  Range,
  Slice,
  Iterator,
  Function,
  Builtin,
  BoundMethod,
  Class,
  Instance,
  Generator,
  Module,
  Cell,
  StaticMethod,
  ClassMethod,
  Property,
  Super,
};

struct Obj {
  int64_t refcount = 1;
  Tag tag;
  explicit Obj(Tag t) : tag(t) {}
  virtual ~Obj() = default;
  Obj(const Obj&) = delete;
  Obj& operator=(const Obj&) = delete;
};

constexpr int64_t kImmortal = int64_t(1) << 60;

inline void incref(Obj* o) { ++o->refcount; }
inline void decref(Obj* o) {
  if (--o->refcount == 0) delete o;
}
inline void xdecref(Obj* o) {
  if (o) decref(o);
}
inline Obj* newref(Obj* o) {
  incref(o);
  return o;
}

// Owning smart handle for C++ code in the runtime (JIT code counts by hand).
class Ref {
 public:
  Ref() = default;
  explicit Ref(Obj* stolen) : p_(stolen) {}
  static Ref borrow(Obj* o) { return Ref(o ? newref(o) : nullptr); }
  Ref(const Ref& r) : p_(r.p_) { if (p_) incref(p_); }
  Ref(Ref&& r) noexcept : p_(r.p_) { r.p_ = nullptr; }
  Ref& operator=(Ref r) noexcept { std::swap(p_, r.p_); return *this; }
  ~Ref() { xdecref(p_); }
  Obj* get() const { return p_; }
  Obj* release() { Obj* p = p_; p_ = nullptr; return p; }
  explicit operator bool() const { return p_ != nullptr; }
  Obj* operator->() const { return p_; }
 private:
  Obj* p_ = nullptr;
};

// ---- scalars -------------------------------------------------------------------------

struct IntObj : Obj {
  int64_t v;
  explicit IntObj(int64_t x) : Obj(Tag::Int), v(x) {}
  UFORA_SMALL_OBJECT_ALLOCATION
};

struct FloatObj : Obj {
  double v;
  explicit FloatObj(double x) : Obj(Tag::Float), v(x) {}
  UFORA_SMALL_OBJECT_ALLOCATION
};

// Bool is its own tag but behaves as the ints 0 and 1 in arithmetic.
struct BoolObj : Obj {
  bool v;
  explicit BoolObj(bool x) : Obj(Tag::Bool), v(x) {}
};

// Strings are UTF-8; `length` counts code points (Python's len), `ascii` allows O(1) indexing.
struct StrObj : Obj {
  std::string s;
  int64_t length;
  bool ascii;
  mutable int64_t hash = -1;
  explicit StrObj(std::string text);
};

// ---- containers ----------------------------------------------------------------------

// Tuples and lists share one layout; only the tag differs. A sequence has two views of the
// same immutable elements, each made on first use from the other: boxed items (what generic
// runtime code walks) and, when the elements are all floats or all int64 ints, unboxed
// chunks (what typed kernels read, DESIGN.md decision 8). Lists built from host data or by
// `AccFinish` of many numbers start out unboxed only. Making a view is thread-safe.
struct SeqObj : Obj {
  SeqObj(Tag t, std::vector<Obj*> stolen_items);
  SeqObj(Tag t, std::unique_ptr<PackedSeq> packed);
  ~SeqObj() override;
  UFORA_SMALL_OBJECT_ALLOCATION

  int64_t size() const;
  const std::vector<Obj*>& items() const {     // boxed view; owned items
    return boxed_ready_.load(std::memory_order_acquire) ? items_ : box_all();
  }
  std::vector<Obj*>& building_items();         // only while nobody else can see the sequence
  const PackedSeq* packed() const;             // unboxed view, nullptr if not all float / all int
  const PackedSeq* packed_if_made() const;     // the unboxed view only if it already exists
  bool has_boxed_items() const { return boxed_ready_.load(std::memory_order_acquire); }
  Obj* item(int64_t i) const;                  // new reference to element i (0 <= i < size)
  // Drops the boxed view of a long all-float or all-int sequence that nobody else sees yet.
  void compact();
  // Copies elements that view host memory, so the host may take that memory back.
  void detach_views();

 private:
  const std::vector<Obj*>& box_all() const;
  mutable std::vector<Obj*> items_;
  mutable std::unique_ptr<PackedSeq> packed_;
  mutable std::atomic<bool> boxed_ready_;
  mutable std::atomic<bool> pack_checked_;
};

// Insertion-ordered hash table used by dict, set and frozenset (value == nullptr for sets).
// Tables are filled while being built and never changed afterwards.
struct DictEntry {
  Obj* key;
  Obj* value;
  int64_t hash;
};
struct DictObj : Obj {
  std::vector<DictEntry> entries;  // a set's entries have a null key while removed (set_layout.h)
  std::vector<int32_t> index;  // open addressing over entries; -1 = empty slot
  // Sets only: the slots of CPython's table for the same operations, which decide the
  // iteration order (values/set_layout.h). Entry index, or kLayoutEmpty / kLayoutDummy.
  std::vector<int32_t> layout;
  int64_t layout_fill = 0;  // active and dummy slots
  int64_t layout_used = 0;  // active slots
  explicit DictObj(Tag t) : Obj(t) {}
  ~DictObj() override;
};

struct RangeObj : Obj {
  int64_t start, stop, step;
  RangeObj(int64_t a, int64_t b, int64_t c) : Obj(Tag::Range), start(a), stop(b), step(c) {}
  int64_t size() const;
};

struct SliceObj : Obj {
  Obj* start;  // owned, None when absent
  Obj* stop;
  Obj* step;
  SliceObj(Obj* a, Obj* b, Obj* c) : Obj(Tag::Slice), start(a), stop(b), step(c) {}
  ~SliceObj() override;
};

// ---- singletons and constructors -----------------------------------------------------

Obj* none();            // borrowed immortal
Obj* not_implemented(); // borrowed immortal
Obj* py_true();         // borrowed immortal
Obj* py_false();        // borrowed immortal

inline Obj* new_none() { return newref(none()); }
inline Obj* new_bool(bool b) { return newref(b ? py_true() : py_false()); }
Obj* new_int(int64_t v);
Obj* new_float(double v);
Obj* new_str(std::string s);
Obj* new_tuple(std::vector<Obj*> stolen_items);
Obj* new_list(std::vector<Obj*> stolen_items);
Obj* new_range(int64_t start, int64_t stop, int64_t step);

inline bool is_int_like(const Obj* o) { return o->tag == Tag::Int || o->tag == Tag::BigInt || o->tag == Tag::Bool; }
inline bool is_number(const Obj* o) { return is_int_like(o) || o->tag == Tag::Float; }
inline bool is_seq(const Obj* o) { return o->tag == Tag::Tuple || o->tag == Tag::List; }
inline bool is_setlike(const Obj* o) { return o->tag == Tag::Set || o->tag == Tag::FrozenSet; }

inline const std::string& str_of(const Obj* o) { return static_cast<const StrObj*>(o)->s; }
inline const std::vector<Obj*>& items_of(const Obj* o) { return static_cast<const SeqObj*>(o)->items(); }

}  // namespace ufora
