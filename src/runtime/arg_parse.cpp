// Argument binding for built-ins. The error messages follow CPython 3.11's getargs.c
// (vgetargskeywords), which is what Python code sees when it misuses a built-in.
#include "runtime/arg_parse.h"

#include <string>

#include "values/exception_state.h"

namespace ufora {

namespace {

std::string plural(size_t n, const char* word) { return std::string(word) + (n == 1 ? "" : "s"); }

}  // namespace

bool bind_args(const char* fname, Obj* const* args, size_t nargs, Obj* kwnames,
               std::initializer_list<const char*> names, size_t required, Obj** out) {
  const size_t nparams = names.size();
  const size_t nkw = kwnames ? items_of(kwnames).size() : 0;
  if (nargs + nkw > nparams) {
    raise_error(ExcKind::TypeError, std::string(fname) + "() takes at most " + std::to_string(nparams) + " " +
                                        (nargs == 0 ? "keyword " : "") + plural(nparams, "argument") + " (" +
                                        std::to_string(nargs + nkw) + " given)");
    return false;
  }
  // Keywords consumed so far; any left over at the end were not parameter names.
  size_t used_kw = 0;
  size_t pos = 0;
  for (const char* name : names) {
    Obj* by_name = nullptr;
    for (size_t k = 0; k < nkw; ++k) {
      if (str_of(items_of(kwnames)[k]) == name) {
        by_name = args[nargs + k];
        break;
      }
    }
    if (pos < nargs) {
      if (by_name) {
        raise_error(ExcKind::TypeError, std::string("argument for ") + fname + "() given by name ('" + name +
                                            "') and position (" + std::to_string(pos + 1) + ")");
        return false;
      }
      out[pos] = args[pos];
    } else {
      if (by_name) ++used_kw;
      if (!by_name && pos < required) {
        raise_error(ExcKind::TypeError, std::string(fname) + "() missing required argument '" + name + "' (pos " +
                                            std::to_string(pos + 1) + ")");
        return false;
      }
      out[pos] = by_name;
    }
    ++pos;
  }
  if (used_kw < nkw) {
    for (size_t k = 0; k < nkw; ++k) {
      const std::string& kw = str_of(items_of(kwnames)[k]);
      bool known = false;
      for (const char* name : names) known = known || kw == name;
      if (!known) {
        raise_error(ExcKind::TypeError, "'" + kw + "' is an invalid keyword argument for " + fname + "()");
        return false;
      }
    }
  }
  return true;
}

bool no_keywords(const char* fname, Obj* kwnames) {
  if (!kwnames || items_of(kwnames).empty()) return true;
  raise_error(ExcKind::TypeError, std::string(fname) + "() takes no keyword arguments");
  return false;
}

}  // namespace ufora
