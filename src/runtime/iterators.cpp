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

IterObj* make(Obj* (*fn)(IterObj*), Obj* source) {
  auto* it = new IterObj(fn);
  it->source = newref(source);
  return it;
}

}  // namespace

Obj* builtin_iter(Obj* o) {
  switch (o->tag) {
    case Tag::Tuple:
    case Tag::List: return make(next_seq, o);
    case Tag::Str: return make(next_str, o);
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: return make(next_dict_key, o);
    case Tag::Range: {
      IterObj* it = make(next_range, o);
      it->stop = static_cast<RangeObj*>(o)->size();
      return it;
    }
    case Tag::Iterator: return newref(o);
    default: return raise_error(ExcKind::TypeError, "'" + type_name(o) + "' object is not iterable");
  }
}

}  // namespace ufora
