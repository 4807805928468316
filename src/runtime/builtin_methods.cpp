#include "runtime/builtin_methods.h"

#include "runtime/arg_parse.h"
#include "runtime/builtins_extra.h"
#include "runtime/methods_internal.h"
#include "runtime/range_slice.h"
#include "values/exception_state.h"

namespace ufora {

BuiltinFn find_builtin_method(Tag tag, std::string_view name) {
  switch (tag) {
    case Tag::Str: return find_str_method(name);
    case Tag::Range: return find_range_method(name);
    case Tag::Slice: return find_slice_method(name);
    case Tag::Tuple:
    case Tag::List: return find_sequence_method(tag, name);
    case Tag::Dict: return find_dict_method(name);
    case Tag::Set:
    case Tag::FrozenSet: return find_set_method(name);
    case Tag::Int:
    case Tag::BigInt:
    case Tag::Bool: return find_int_method(name);
    default: return nullptr;
  }
}

bool method_no_args(const char* qualname, size_t nargs, Obj* kwnames) {
  if (!no_keywords(qualname, kwnames)) return false;
  if (nargs == 0) return true;
  raise_error(ExcKind::TypeError, std::string(qualname) + "() takes no arguments (" + std::to_string(nargs) + " given)");
  return false;
}

bool method_one_arg(const char* qualname, size_t nargs, Obj* kwnames) {
  if (!no_keywords(qualname, kwnames)) return false;
  if (nargs == 1) return true;
  raise_error(ExcKind::TypeError,
              std::string(qualname) + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return false;
}

}  // namespace ufora
