#include "runtime/set_algorithms.h"

#include <utility>

#include "runtime/builtin_support.h"
#include "runtime/ops.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/set_layout.h"

namespace ufora {

namespace {

int eq(Obj* a, Obj* b) { return op_eq(a, b); }

DictObj* table(Obj* s) { return static_cast<DictObj*>(s); }

// Calls f(entry) on each key of a set in its slot order (what iterating it gives).
template <class F>
bool each_in_slot_order(const DictObj* s, F f) {
  for (int32_t e : s->layout)
    if (e >= 0 && !f(s->entries[size_t(e)])) return false;
  return true;
}

bool add(DictObj* s, const DictEntry& e) { return dict_insert(s, e.key, nullptr, e.hash, eq); }

// Membership: 1, 0, or -1 when comparing raised.
int contains(const DictObj* s, const DictEntry& e) {
  int64_t i = dict_find(s, e.key, e.hash, eq);
  return i == -2 ? -1 : i >= 0 ? 1 : 0;
}

// Discards the key of `e` from `s`: 1 when it was there, 0 when not, -1 on error.
int discard(DictObj* s, const DictEntry& e) {
  int64_t i = dict_find(s, e.key, e.hash, eq);
  if (i == -2) return -1;
  if (i < 0) return 0;
  layout_discard(s, int32_t(i));
  return 1;
}

// CPython's set_merge.
bool merge(DictObj* s, const DictObj* other) {
  if (other->layout_used == 0) return true;
  if (s->layout_fill == 0) {
    layout_copy_into_empty(s, other);
    return true;
  }
  if ((s->layout_fill + other->layout_used) * 5 >= int64_t(s->layout.size() - 1) * 3)
    layout_resize(s, (s->layout_used + other->layout_used) * 2);
  return each_in_slot_order(other, [&](const DictEntry& e) { return add(s, e); });
}

Obj* finished(Ref& out) {
  set_in_slot_order(table(out.get()));
  return out.release();
}

}  // namespace

bool set_update(DictObj* s, Obj* iterable) {
  if (is_setlike(iterable)) return merge(s, table(iterable));
  if (iterable->tag == Tag::Dict) {
    auto n = int64_t(table(iterable)->entries.size());
    if ((s->layout_fill + n) * 5 >= int64_t(s->layout.size() - 1) * 3) layout_resize(s, (s->layout_used + n) * 2);
    for (const DictEntry& e : table(iterable)->entries)
      if (!add(s, e)) return false;
    return true;
  }
  Ref it(op_iter(iterable));
  if (!it) return false;
  while (Ref item{op_next(it.get())})
    if (!set_add(s, item.get())) return false;
  return !error_pending();
}

Obj* set_from(Tag tag, Obj* iterable) {
  Ref out(new_set(tag));
  if (!set_update(table(out.get()), iterable)) return nullptr;
  return finished(out);
}

Obj* set_copy_as(Tag tag, Obj* s) {
  Ref out(new_set(tag));
  merge(table(out.get()), table(s));
  return finished(out);
}

Obj* set_or(Obj* a, Obj* b) {
  Ref out(new_set(a->tag));
  merge(table(out.get()), table(a));
  if (a != b && !merge(table(out.get()), table(b))) return nullptr;  // a | a is a copy
  return finished(out);
}

// CPython's set_intersection: over the smaller of two sets (b when the sizes are equal),
// keeping the keys of the one it goes over; over any other iterable, in its order.
Obj* set_intersection_with(Obj* so, Obj* other) {
  if (so == other) return set_copy_as(so->tag, so);
  Ref out(new_set(so->tag));
  DictObj* result = table(out.get());
  if (is_setlike(other)) {
    const DictObj* big = table(so);
    const DictObj* small = table(other);
    if (small->layout_used > big->layout_used) std::swap(big, small);
    bool ok = each_in_slot_order(small, [&](const DictEntry& e) {
      int in = contains(big, e);
      return in >= 0 && (in == 0 || add(result, e));
    });
    if (!ok) return nullptr;
    return finished(out);
  }
  Ref it(op_iter(other));
  if (!it) return nullptr;
  while (Ref item{op_next(it.get())}) {
    int64_t h = op_hash(item.get());
    if (h == -1 && error_pending()) return nullptr;
    DictEntry e{item.get(), nullptr, h};
    int in = contains(table(so), e);
    if (in < 0 || (in == 1 && !add(result, e))) return nullptr;
  }
  if (error_pending()) return nullptr;
  return finished(out);
}

Obj* set_and(Obj* a, Obj* b) { return set_intersection_with(a, b); }

bool set_difference_update(DictObj* s, Obj* other) {
  if (is_setlike(other))
    return each_in_slot_order(table(other), [&](const DictEntry& e) { return discard(s, e) >= 0; });
  if (other->tag == Tag::Dict) {
    for (const DictEntry& e : table(other)->entries)
      if (discard(s, e) < 0) return false;
    return true;
  }
  Ref it(op_iter(other));
  if (!it) return false;
  while (Ref item{op_next(it.get())}) {
    int64_t h = op_hash(item.get());
    if (h == -1 && error_pending()) return false;
    if (discard(s, DictEntry{item.get(), nullptr, h}) < 0) return false;
  }
  return !error_pending();
}

// CPython's set_difference: a much larger `so` is copied and `other`'s keys discarded;
// otherwise the keys of `so` not in `other` are added to an empty set.
Obj* set_difference_with(Obj* so, Obj* other) {
  int64_t other_size = is_setlike(other) ? table(other)->layout_used
                       : other->tag == Tag::Dict ? int64_t(table(other)->entries.size())
                                                 : -1;
  if (other_size < 0 || (table(so)->layout_used >> 2) > other_size) {
    Ref out(new_set(so->tag));
    merge(table(out.get()), table(so));
    if (!set_difference_update(table(out.get()), other)) return nullptr;
    return finished(out);
  }
  Ref out(new_set(so->tag));
  bool ok = each_in_slot_order(table(so), [&](const DictEntry& e) {
    int in = contains(table(other), e);
    return in >= 0 && (in == 1 || add(table(out.get()), e));
  });
  if (!ok) return nullptr;
  return finished(out);
}

Obj* set_sub(Obj* a, Obj* b) { return set_difference_with(a, b); }

// CPython's set_symmetric_difference: a set made from `other`, then each key of `so` is
// discarded from it when there and added when not.
Obj* set_symmetric_difference_with(Obj* so, Obj* other) {
  Ref out(new_set(so->tag));
  DictObj* result = table(out.get());
  if (!set_update(result, other)) return nullptr;
  bool ok = each_in_slot_order(table(so), [&](const DictEntry& e) {
    int was = discard(result, e);
    return was >= 0 && (was == 1 || add(result, e));
  });
  if (!ok) return nullptr;
  return finished(out);
}

Obj* set_xor(Obj* a, Obj* b) { return set_symmetric_difference_with(a, b); }

}  // namespace ufora
