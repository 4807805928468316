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

SeqObj::SeqObj(Tag t, std::vector<Obj*> stolen_items)
    : Obj(t), items_(std::move(stolen_items)), boxed_ready_(true), pack_checked_(false) {}

SeqObj::SeqObj(Tag t, std::unique_ptr<PackedSeq> packed)
    : Obj(t), packed_(std::move(packed)), boxed_ready_(false), pack_checked_(true) {}

SeqObj::~SeqObj() {
  for (Obj* o : items_) decref(o);
}

namespace {
// Views are made rarely (once per sequence at most), so one lock for all of them is enough.
std::mutex& view_lock() {
  static std::mutex m;
  return m;
}
}  // namespace

const std::vector<Obj*>& SeqObj::box_all() const {
  std::lock_guard<std::mutex> hold(view_lock());
  if (!boxed_ready_.load(std::memory_order_relaxed)) {
    items_.reserve(size_t(packed_->size()));
    for (int64_t i = 0; i < packed_->size(); ++i) items_.push_back(packed_->box(i));
    boxed_ready_.store(true, std::memory_order_release);
  }
  return items_;
}

int64_t SeqObj::size() const {
  return boxed_ready_.load(std::memory_order_acquire) ? int64_t(items_.size()) : packed_->size();
}

std::vector<Obj*>& SeqObj::building_items() {
  if (packed_ || pack_checked_.load(std::memory_order_relaxed)) {
    items();
    pack_checked_.store(false, std::memory_order_relaxed);
    packed_.reset();
  }
  return items_;
}

const PackedSeq* SeqObj::packed() const {
  if (!pack_checked_.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> hold(view_lock());
    if (!pack_checked_.load(std::memory_order_relaxed)) {
      packed_ = PackedSeq::pack(items_);
      pack_checked_.store(true, std::memory_order_release);
    }
  }
  return packed_.get();
}

const PackedSeq* SeqObj::packed_if_made() const {
  return pack_checked_.load(std::memory_order_acquire) ? packed_.get() : nullptr;
}

Obj* SeqObj::item(int64_t i) const {
  if (boxed_ready_.load(std::memory_order_acquire)) return newref(items_[size_t(i)]);
  return packed_->box(i);
}

void SeqObj::compact() {
  constexpr size_t kCompactFrom = 256;  // short sequences are cheaper to keep boxed
  if (items_.size() < kCompactFrom || !boxed_ready_.load(std::memory_order_relaxed)) return;
  packed_ = PackedSeq::pack(items_);
  pack_checked_.store(true, std::memory_order_relaxed);
  if (!packed_) return;
  for (Obj* o : items_) decref(o);
  std::vector<Obj*>().swap(items_);
  boxed_ready_.store(false, std::memory_order_release);
}

void SeqObj::detach_views() {
  std::lock_guard<std::mutex> hold(view_lock());
  if (packed_) packed_->detach();
}

DictObj::~DictObj() {
  for (auto& e : entries) {
    xdecref(e.key);  // null for an entry a set operation removed
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
