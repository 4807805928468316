// Iterators over built-in values, and the building block for built-in lazy iterators
// (zip, enumerate, map, filter, reversed, ...): an IterObj with a `next` function and state.
#pragma once

#include <vector>

#include "values/object.h"

namespace ufora {

struct IterObj : Obj {
  // Returns the next item (new reference), or nullptr: exhausted when no error is pending.
  Obj* (*next)(IterObj* self);
  Obj* source = nullptr;      // owned: what is iterated (a sequence, dict, string, function ...)
  Obj* func = nullptr;        // owned: map/filter function, or nullptr
  std::vector<Obj*> parts;    // owned: e.g. the iterators zip advances
  int64_t index = 0;          // position, count, or byte offset (strings)
  int64_t stop = 0;
  int64_t step = 1;
  const char* kind = "iterator";  // CPython's type name: list_iterator, zip, map, ...
  explicit IterObj(Obj* (*next_fn)(IterObj*)) : Obj(Tag::Iterator), next(next_fn) {}
  ~IterObj() override;
};

// A new iterator over a built-in iterable (seq, str, range, dict, set); nullptr with
// TypeError "'x' object is not iterable" otherwise. op_iter() in ops.h handles user classes.
Obj* builtin_iter(Obj* iterable);

// What is left of a plain iterator over a range or a sequence, for typed kernels that run it
// to the end themselves; false for any other iterator.
bool range_iter_remaining(Obj* it, int64_t& next, int64_t& stop, int64_t& step);
bool seq_iter_remaining(Obj* it, SeqObj*& seq, int64_t& index);

}  // namespace ufora
