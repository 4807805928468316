// The functions compiled code calls: the only door from src/jit/ into the runtime.
//
// All are extern "C" so their addresses can be handed to the JIT by name (see
// entry_point_table()). Conventions: `Obj*` arguments are borrowed, `Obj*` results are new
// references, and nullptr (or -1 for int32_t results) means a Python exception is pending.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtins_extra.h"  // ellipsis(): the constant `...` compiled code loads
#include "runtime/callable.h"

extern "C" {
using ufora::CodeInfo;
using ufora::ModuleObj;
using ufora::Obj;

void ufr_dealloc(Obj* o);
void ufr_decref(Obj* o);
void ufr_xdecref(Obj* o);
Obj* ufr_binary(Obj* a, Obj* b, int32_t op);   // op: lower::BinOpKind
// a + b, extending the list `a` in place when it has no holders beyond `owners` (ir.h).
Obj* ufr_concat_unshared(Obj* a, Obj* b, int64_t owners);
Obj* ufr_unary(Obj* a, int32_t op);            // op: lower::UnaryKind
Obj* ufr_compare(Obj* a, Obj* b, int32_t op);  // op: lower::CmpKind (Eq..GtE)
Obj* ufr_contains(Obj* item, Obj* container, int32_t negate);
Obj* ufr_truthy(Obj* v);                       // True/False
int32_t ufr_truth(Obj* v);                     // 1/0/-1 (for branches)
Obj* ufr_getattr(Obj* obj, Obj* name);
Obj* ufr_setattr(Obj* obj, Obj* name, Obj* value);  // returns None
Obj* ufr_getitem(Obj* obj, Obj* key);
Obj* ufr_build_slice(Obj* a, Obj* b, Obj* c);
Obj* ufr_call(Obj* callee, Obj* const* args, int64_t nargs, Obj* kwnames);
Obj* ufr_call_ex(Obj* callee, Obj* args_tuple, Obj* kwargs_dict_or_null);
Obj* ufr_build_tuple(Obj* const* items, int64_t n);
Obj* ufr_build_list(Obj* const* items, int64_t n);
Obj* ufr_build_set(Obj* const* items, int64_t n);
Obj* ufr_build_constant_set(Obj* const* items, int64_t n, int32_t iterated);
Obj* ufr_build_dict(Obj* const* kv, int64_t npairs);
Obj* ufr_build_string(Obj* const* parts, int64_t n);
Obj* ufr_format_value(Obj* v, Obj* spec_or_null, int32_t conversion);
Obj* ufr_acc_new(int32_t kind);                // kind: ir::AccKind
int32_t ufr_acc_append(Obj* acc, Obj* v);
int32_t ufr_acc_extend(Obj* acc, Obj* iterable);
int32_t ufr_acc_setitem(Obj* acc, Obj* k, Obj* v);
Obj* ufr_acc_finish(Obj* acc, int32_t kind);
Obj* ufr_get_iter(Obj* v);
Obj* ufr_for_iter(Obj* it);                    // nullptr: exhausted or error (check ufr_error_pending)
int32_t ufr_error_pending();
Obj* ufr_unpack_seq(Obj* v, int64_t n);
Obj* ufr_unpack_star(Obj* v, int64_t before, int64_t after);
Obj* ufr_tuple_item(Obj* t, int64_t i);
Obj* ufr_make_function(const CodeInfo* code, Obj* defaults, Obj* kwdefaults, Obj* const* cells, int64_t ncells);
Obj* ufr_make_cell();
Obj* ufr_cell_get(Obj* cell, Obj* name, int32_t is_free);
void ufr_cell_set(Obj* cell, Obj* v);
Obj* ufr_load_global_slow(ModuleObj* m, int64_t slot);
Obj* ufr_load_global(ModuleObj* m, int64_t slot);  // the global, else the builtin, else NameError
Obj* ufr_unbound_local(Obj* name);
Obj* ufr_make_class(Obj* name, Obj* bases, Obj* ns, Obj* class_cell);
Obj* ufr_locals_dict(Obj* const* names, Obj* const* values, int64_t n);
Obj* ufr_import(Obj* name);
Obj* ufr_super(Obj* cls, Obj* self);
Obj* ufr_yield(Obj* v);
Obj* ufr_iter_result(Obj* it);
Obj* ufr_current_exception();
Obj* ufr_exc_matches(Obj* exc, Obj* type);
void ufr_raise(Obj* exc_or_none, Obj* cause_or_null, Obj* context_or_null);
void ufr_reraise(Obj* exc);
void ufr_assert_fail(Obj* msg_or_null);
void ufr_traceback(const CodeInfo* code, int32_t line);
void ufr_traceback_line(int32_t line);
int32_t ufr_poll_interrupt();  // 0 with KeyboardInterrupt pending
}

namespace ufora {

struct EntryPoint {
  const char* name;
  void* address;
};
// Every ufr_* function, for registering with the JIT.
const EntryPoint* entry_point_table(size_t* count);

}  // namespace ufora
