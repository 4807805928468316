// print, repr and format: the builtins that turn values into text.
#include <cstdio>

#include "runtime/builtin_support.h"
#include "runtime/builtins_internal.h"
#include "runtime/arg_parse.h"
#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// sep= and end= accept a str or None (meaning the default).
bool text_option(Obj* value, const char* option, const char* fallback, std::string& out) {
  if (!value || value->tag == Tag::None) {
    out = fallback;
    return true;
  }
  if (value->tag != Tag::Str) {
    raise_error(ExcKind::TypeError,
                std::string(option) + " must be None or a string, not " + type_name(value));
    return false;
  }
  out = str_of(value);
  return true;
}

Obj* builtin_print(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!only_keywords("print", kw, {"sep", "end", "file", "flush"})) return nullptr;
  std::string sep, end;
  if (!text_option(keyword_arg(args, nargs, kw, "sep"), "sep", " ", sep) ||
      !text_option(keyword_arg(args, nargs, kw, "end"), "end", "\n", end))
    return nullptr;
  Obj* file = keyword_arg(args, nargs, kw, "file");
  if (file && file->tag != Tag::None)
    return raise_error(ExcKind::TypeError, "print(file=...) is not supported; print writes to standard output");
  // The whole line is formatted first so that an error in a __str__ prints nothing, and so
  // that one print is one write.
  std::string line;
  for (size_t i = 0; i < nargs; ++i) {
    if (i) line += sep;
    if (!append_str(line, args[i])) return nullptr;
  }
  line += end;
  std::fwrite(line.data(), 1, line.size(), stdout);
  Obj* flush = keyword_arg(args, nargs, kw, "flush");
  if (flush) {
    int f = op_truthy(flush);
    if (f < 0) return nullptr;
    if (f) std::fflush(stdout);
  }
  return new_none();
}

Obj* builtin_repr(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("repr", kw) || !check_one_arg("repr", nargs)) return nullptr;
  return op_repr(args[0]);
}

Obj* builtin_format(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("format", kw) || !check_arity("format", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && args[1]->tag != Tag::Str)
    return raise_error(ExcKind::TypeError, "format() argument 2 must be str, not " + type_name(args[1]));
  return op_format(args[0], nargs == 2 ? std::string_view(str_of(args[1])) : std::string_view());
}

}  // namespace

void register_print_builtins(DictObj* d) {
  add_builtin(d, "print", builtin_print);
  add_builtin(d, "repr", builtin_repr);
  add_builtin(d, "format", builtin_format);
}

}  // namespace ufora
