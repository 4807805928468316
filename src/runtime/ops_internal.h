// Helpers shared by the ops_*.cpp files: dunder dispatch for instances of user classes.
#pragma once

#include "runtime/ops.h"

namespace ufora {

int key_eq(Obj* a, Obj* b);  // op_eq as a dict KeyEq

// Looks `name` up on type(self) and calls it with self prepended. Returns a new reference
// to NotImplemented (not an error) when the class does not define it.
Obj* call_method_if_defined(Obj* self, const char* name, Obj* const* args, size_t nargs);
// a.__op__(b), then b.__rop__(a); NotImplemented when neither applies.
Obj* call_binary_dunder(BinaryOp op, Obj* a, Obj* b);
// Rich comparison with reflection and the identity fallback for == and !=.
Obj* call_compare_dunder(CompareOp op, Obj* a, Obj* b);

int instance_truthy(Obj* a);
int64_t instance_hash(Obj* a);
int64_t instance_len(Obj* a);
int instance_contains(Obj* c, Obj* item);

// printf-style `"..." % args`.
Obj* percent_format(Obj* fmt, Obj* args);

}  // namespace ufora
