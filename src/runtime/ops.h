// Python's generic operations on any value: the semantics every back end relies on.
//
// These dispatch on the operands' tags; for instances of user classes they call the dunder
// methods (`__add__`, `__eq__`, `__iter__`, `__repr__`, ...). Ownership as in values/object.h:
// arguments borrowed, `Obj*` results new, nullptr / -1 when a Python exception is pending.
#pragma once

#include <string>
#include <string_view>

#include "values/class_obj.h"
#include "values/operators.h"

namespace ufora {

Obj* op_binary(BinaryOp op, Obj* a, Obj* b);
Obj* op_unary(UnaryOp op, Obj* a);
Obj* op_compare(CompareOp op, Obj* a, Obj* b);  // may be any object when a dunder returns one
int op_compare_bool(CompareOp op, Obj* a, Obj* b);
int op_eq(Obj* a, Obj* b);            // 1 / 0 / -1; `a is b or a == b` (containers, `in`)
int op_truthy(Obj* a);                // 1 / 0 / -1
int op_contains(Obj* container, Obj* item);  // `item in container`: 1 / 0 / -1
int64_t op_hash(Obj* a);              // -1 on error (TypeError: unhashable type)
int64_t op_len(Obj* a);               // -1 on error

Obj* op_getattr(Obj* obj, std::string_view name);
Obj* op_getattr_or_null(Obj* obj, std::string_view name);  // nullptr without error if missing
Obj* op_getitem(Obj* obj, Obj* key);
Obj* op_call(Obj* callable, Obj* const* args, size_t nargs, Obj* kwnames);
Obj* op_call0(Obj* callable);
Obj* op_call1(Obj* callable, Obj* a);
Obj* op_call2(Obj* callable, Obj* a, Obj* b);

Obj* op_iter(Obj* iterable);
// The next item (new reference); nullptr with no error pending when the iterator is exhausted.
Obj* op_next(Obj* iterator);

Obj* op_repr(Obj* a);   // a str
Obj* op_str(Obj* a);    // a str
// Appends repr/str to `out`; false on error. Used by container reprs without temporaries.
bool append_repr(std::string& out, Obj* a);
bool append_str(std::string& out, Obj* a);
Obj* op_format(Obj* value, std::string_view spec);  // format(value, spec)

// Python's name for the type of `a` ("int", "list", "Point").
std::string type_name(const Obj* a);
ClassObj* type_of(Obj* a);  // borrowed
// isinstance(obj, cls) for one class (not a tuple of classes).
bool is_instance(Obj* obj, ClassObj* cls);

// Collects an iterable into a vector of new references; false on error (vector released).
bool collect(Obj* iterable, std::vector<Obj*>& out);
// Sequence index normalisation: negative indices count from the end; false if out of range.
bool normalize_index(int64_t& i, int64_t len);
// Converts an int-like object to int64 for indexing; sets IndexError/TypeError on failure.
bool index_value(Obj* o, int64_t& out, const char* what);

}  // namespace ufora
