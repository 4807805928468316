// The insertion-ordered hash table behind dict, set and frozenset.
//
// A table is filled while its value is being built and is never changed after it has been
// handed out. Hashing and equality of arbitrary keys are Python-level operations (they may
// call `__eq__`), so the caller passes the equality to use; string keys have a fast path.
#pragma once

#include <string_view>

#include "values/object.h"

namespace ufora {

// CPython-compatible in spirit (a stable hash of the UTF-8 bytes); cached in the object.
int64_t str_hash(const StrObj* s);

// 1 equal, 0 not equal, -1 a Python exception is pending.
using KeyEq = int (*)(Obj* a, Obj* b);

Obj* new_dict();
Obj* new_set(Tag tag);  // Tag::Set or Tag::FrozenSet
// Rebuilds the lookup index after the entries were rearranged.
void dict_reindex(DictObj* d);

// Index of `key` in `d->entries`, -1 when absent, -2 when the equality raised.
int64_t dict_find(const DictObj* d, Obj* key, int64_t hash, KeyEq eq);
// Inserts, or replaces the value of an equal key (keeping the first key, as CPython does).
// Takes new references to key and value (value may be nullptr for sets). False on error.
bool dict_insert(DictObj* d, Obj* key, Obj* value, int64_t hash, KeyEq eq);

// String-keyed helpers for attribute dicts (keys are always str there).
Obj* dict_find_str(const DictObj* d, std::string_view key);  // borrowed value or nullptr
void dict_insert_str(DictObj* d, std::string_view key, Obj* value);  // takes a new reference

}  // namespace ufora
