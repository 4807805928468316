// Iterators over the built-in containers.
#include "runtime/iterator.h"

#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

IterObj::~IterObj() {
  xdecref(source);
  xdecref(func);
  for (Obj* p : parts) decref(p);
}

namespace {

Obj* next_seq(IterObj* it) {
  const auto* seq = static_cast<const SeqObj*>(it->source);
  if (it->index >= seq->size()) return nullptr;
  return seq->item(it->index++);
}

Obj* next_range(IterObj* it) {
  if (it->index >= it->stop) return nullptr;
  auto* r = static_cast<RangeObj*>(it->source);
  return new_int(r->start + r->step * it->index++);
}

// Strings iterate by code point; `index` is a byte offset into the UTF-8 text.
Obj* next_str(IterObj* it) {
  const std::string& s = str_of(it->source);
  if (it->index >= int64_t(s.size())) return nullptr;
  size_t start = size_t(it->index);
  size_t end = start + 1;
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  it->index = int64_t(end);
  return new_str(s.substr(start, end - start));
}

Obj* next_dict_key(IterObj* it) {
  const auto& entries = static_cast<DictObj*>(it->source)->entries;
  if (it->index >= int64_t(entries.size())) return nullptr;
  return newref(entries[size_t(it->index++)].key);
}

IterObj* make(const char* kind, Obj* (*fn)(IterObj*), Obj* source) {
  auto* it = new IterObj(fn);
  it->source = newref(source);
  it->kind = kind;
  return it;
}

}  // namespace

bool range_iter_remaining(Obj* o, int64_t& next, int64_t& stop, int64_t& step) {
  if (o->tag != Tag::Iterator || static_cast<IterObj*>(o)->next != next_range) return false;
  auto* it = static_cast<IterObj*>(o);
  auto* r = static_cast<RangeObj*>(it->source);
  // Values still to come: start + step * k for index <= k < stop (the count). The end is
  // one step past the last value, which may not fit in int64: then the kernel is not used.
  step = r->step;
  return !__builtin_mul_overflow(r->step, it->index, &next) && !__builtin_add_overflow(next, r->start, &next) &&
         !__builtin_mul_overflow(r->step, it->stop, &stop) && !__builtin_add_overflow(stop, r->start, &stop);
}

bool seq_iter_remaining(Obj* o, SeqObj*& seq, int64_t& index) {
  if (o->tag != Tag::Iterator || static_cast<IterObj*>(o)->next != next_seq) return false;
  auto* it = static_cast<IterObj*>(o);
  seq = static_cast<SeqObj*>(it->source);
  index = it->index;
  return true;
}

Obj* builtin_iter(Obj* o) {
  switch (o->tag) {
    case Tag::Tuple: return make("tuple_iterator", next_seq, o);
    case Tag::List: return make("list_iterator", next_seq, o);
    case Tag::Str: return make(static_cast<StrObj*>(o)->ascii ? "str_ascii_iterator" : "str_iterator", next_str, o);
    case Tag::Dict: return make("dict_keyiterator", next_dict_key, o);
    case Tag::Set:
    case Tag::FrozenSet: return make("set_iterator", next_dict_key, o);
    case Tag::Range: {
      IterObj* it = make("range_iterator", next_range, o);
      it->stop = static_cast<RangeObj*>(o)->size();
      return it;
    }
    case Tag::Iterator: return newref(o);
    default: return raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object is not iterable");
  }
}

}  // namespace ufora
