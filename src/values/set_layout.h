// The iteration order of set and frozenset: CPython's, the order of the slots of its hash
// table, so that printing or iterating a set of numbers (or tuples of them) gives CPython's
// bytes. (Strings hash differently in every CPython process, so no order is promised there.)
//
// CPython's table: 8 slots to start; a key goes to slot hash & mask, else to the next free
// one of the following LINEAR_PROBES (9) slots when they fit before the end, else it jumps
// (i = i * 5 + 1 + (perturb >>= 5)) and tries again; discarded keys leave dummies. At 3/5
// full (active plus dummy) the table grows to the smallest power of two above 4x the active
// count (2x beyond 50000), re-inserting in slot order.
//
// dict_table keeps its own index for lookups. A set also records, in DictObj::layout, the
// slot CPython would have given each entry, replaying the same insertions, discards and
// resizes (dict_insert calls layout_add for a new key). The set operations that decide which
// keys are inserted in which order follow CPython's algorithms (runtime/set_algorithms.cpp).
// Whoever builds a set calls set_in_slot_order() before handing it out: the entries are
// then sorted into slot order, and iterating `entries` is iterating the set.
#pragma once

#include <cstdint>

#include "values/object.h"

namespace ufora {

constexpr int32_t kLayoutEmpty = -1;
constexpr int32_t kLayoutDummy = -2;
constexpr int64_t kSetMinSize = 8;

// A new set's empty 8-slot table.
void layout_init(DictObj* s);
// The key of entry `entry` (just appended, not in the set before) is inserted.
void layout_add(DictObj* s, int32_t entry, int64_t hash);
// Entry `entry` is discarded: its slot becomes a dummy and its key is released.
void layout_discard(DictObj* s, int32_t entry);
// CPython's resize to fit `minused` active slots.
void layout_resize(DictObj* s, int64_t minused);
// Appends a copy of `other`'s active entries to the empty set `s` the way CPython's
// set_merge does when the target is empty: the same slots when the tables have the same
// size and `other` has no dummies, else re-inserted in `other`'s slot order.
void layout_copy_into_empty(DictObj* s, const DictObj* other);
// Sorts the entries into slot order (dropping removed ones) and rebuilds the lookup index.
void set_in_slot_order(DictObj* s);

// CPython's tuple hash (the xxHash-based mix of the items' hashes of CPython 3.8 and later).
int64_t tuple_hash_of(const int64_t* item_hashes, size_t n);
// CPython's frozenset hash: shuffled item hashes combined by xor (so independent of order),
// then the size and a final dispersion.
int64_t frozenset_hash_of(const DictObj* s);

}  // namespace ufora
