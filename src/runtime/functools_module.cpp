// The functools module: reduce and partial.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/module_support.h"
#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

Obj* functools_reduce(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("reduce", kw) || !check_arity("reduce", nargs, 2, 3)) return nullptr;
  Ref it(op_iter(args[1]));
  if (!it) return nullptr;
  Ref acc = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  while (Ref item{op_next(it.get())}) {
    if (!acc) {
      acc = item;
      continue;
    }
    acc = Ref(op_call2(args[0], acc.get(), item.get()));
    if (!acc) return nullptr;
  }
  if (error_pending()) return nullptr;
  if (!acc) return raise_error(ExcKind::TypeError, "reduce() of empty iterable with no initial value");
  return acc.release();
}

// A partial is a built-in function whose `self` is the tuple (func, args, kwnames, kwvalues);
// calling it appends the new positionals and lets new keywords override the stored ones.
Obj* call_partial(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  const auto& state = items_of(self);
  Obj* func = state[0];
  const auto& stored_args = items_of(state[1]);
  const auto& stored_names = items_of(state[2]);
  const auto& stored_values = items_of(state[3]);
  std::vector<Obj*> call_args(stored_args.begin(), stored_args.end());
  call_args.insert(call_args.end(), args, args + nargs);
  std::vector<Obj*> names;
  size_t new_kw = kw ? items_of(kw).size() : 0;
  for (size_t k = 0; k < stored_names.size(); ++k) {
    bool overridden = false;
    for (size_t j = 0; j < new_kw; ++j) overridden = overridden || str_of(items_of(kw)[j]) == str_of(stored_names[k]);
    if (overridden) continue;
    names.push_back(newref(stored_names[k]));
    call_args.push_back(stored_values[k]);
  }
  for (size_t j = 0; j < new_kw; ++j) {
    names.push_back(newref(items_of(kw)[j]));
    call_args.push_back(args[nargs + j]);
  }
  size_t npos = stored_args.size() + nargs;
  Ref kwnames(names.empty() ? nullptr : new_tuple(std::move(names)));
  return op_call(func, call_args.data(), npos, kwnames.get());
}

Obj* functools_partial(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (nargs == 0) return raise_error(ExcKind::TypeError, "type 'partial' takes at least one argument");
  Obj* f = args[0];
  bool callable = f->tag == Tag::Function || f->tag == Tag::Builtin || f->tag == Tag::BoundMethod ||
                  f->tag == Tag::Class || f->tag == Tag::Instance;
  if (!callable) return raise_error(ExcKind::TypeError, "the first argument must be callable");
  std::vector<Obj*> stored;
  for (size_t i = 1; i < nargs; ++i) stored.push_back(newref(args[i]));
  std::vector<Obj*> names, values;
  size_t nkw = kw ? items_of(kw).size() : 0;
  for (size_t k = 0; k < nkw; ++k) {
    names.push_back(newref(items_of(kw)[k]));
    values.push_back(newref(args[nargs + k]));
  }
  Ref state(new_tuple({newref(f), new_tuple(std::move(stored)), new_tuple(std::move(names)), new_tuple(std::move(values))}));
  return new_builtin("partial", call_partial, state.get());
}

}  // namespace

ModuleObj* build_functools_module() {
  ModuleObj* m = new_module("functools");
  module_add_function(m, "reduce", functools_reduce);
  module_add_function(m, "partial", functools_partial);
  return m;
}

}  // namespace ufora
