// CPython's set operations, step for step where the order of insertions decides the
// result's iteration order (values/set_layout.h): the same keys inserted, discarded and
// copied in the same order give the same table, so the result iterates as CPython's does.
// Each returns a new reference (a finished set: set_in_slot_order), or nullptr with an
// exception pending when hashing or comparing a key raised.
#pragma once

#include "values/object.h"

namespace ufora {

// set(x) / frozenset(x): a new set, then set_update.
Obj* set_from(Tag tag, Obj* iterable);
// A copy of a set or frozenset as `tag` (set.copy(), the start of union).
Obj* set_copy_as(Tag tag, Obj* s);
// Adds the items of `iterable` to the set being built `s`: a set is merged (its table copied
// when `s` is empty), a dict's keys are added after one resize, anything else item by item.
bool set_update(DictObj* s, Obj* iterable);
// a | b, a & b, a - b, a ^ b for sets and frozensets (the result has a's type).
Obj* set_or(Obj* a, Obj* b);
Obj* set_and(Obj* a, Obj* b);
Obj* set_sub(Obj* a, Obj* b);
Obj* set_xor(Obj* a, Obj* b);
// The methods' forms: `other` may be any iterable.
Obj* set_intersection_with(Obj* so, Obj* other);
Obj* set_difference_with(Obj* so, Obj* other);
bool set_difference_update(DictObj* s, Obj* other);
Obj* set_symmetric_difference_with(Obj* so, Obj* other);

}  // namespace ufora
