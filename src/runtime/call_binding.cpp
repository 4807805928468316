#include "runtime/call_binding.h"

#include "values/dict_table.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

std::nullptr_t missing(const FunctionObj* f, const std::vector<std::string>& names, const char* kind) {
  std::string msg = f->qualname + "() missing " + std::to_string(names.size()) + " required " + kind + " argument" +
                    (names.size() == 1 ? "" : "s") + ": " + quoted_list(names);
  return raise_error(ExcKind::TypeError, msg);
}

std::nullptr_t too_many_positional(const FunctionObj* f, size_t given, size_t n_defaults) {
  const CodeInfo* c = f->code;
  size_t n = size_t(c->n_positional);
  std::string takes = n_defaults > 0 ? "from " + std::to_string(n - n_defaults) + " to " + std::to_string(n)
                                     : std::to_string(n);
  std::string msg = f->qualname + "() takes " + takes + " positional argument" + (n == 1 && n_defaults == 0 ? "" : "s") +
                    " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given";
  return raise_error(ExcKind::TypeError, msg);
}

void release(std::vector<Obj*>& slots) {
  for (Obj*& s : slots) {
    xdecref(s);
    s = nullptr;
  }
}

}  // namespace

bool bind_call_args(FunctionObj* f, Obj* const* args, size_t nargs, Obj* kwnames, std::vector<Obj*>& slots) {
  const CodeInfo* c = f->code;
  size_t n_pos = size_t(c->n_positional);
  size_t n_kwonly = size_t(c->n_kwonly);
  slots.assign(c->params.size(), nullptr);
  size_t varargs_slot = n_pos + n_kwonly;
  size_t varkw_slot = varargs_slot + (c->has_varargs ? 1 : 0);
  size_t n_defaults = f->defaults ? items_of(f->defaults).size() : 0;

  for (size_t i = 0; i < nargs && i < n_pos; ++i) slots[i] = newref(args[i]);
  if (nargs > n_pos) {
    if (!c->has_varargs) {
      release(slots);
      too_many_positional(f, nargs, n_defaults);
        return false;
    }
    std::vector<Obj*> rest;
    for (size_t i = n_pos; i < nargs; ++i) rest.push_back(newref(args[i]));
    slots[varargs_slot] = new_tuple(std::move(rest));
  } else if (c->has_varargs) {
    slots[varargs_slot] = new_tuple({});
  }
  if (c->has_varkw) slots[varkw_slot] = new_dict();

  size_t n_kw = kwnames ? items_of(kwnames).size() : 0;
  for (size_t k = 0; k < n_kw; ++k) {
    Obj* name = items_of(kwnames)[k];
    Obj* value = args[nargs + k];
    const std::string& key = str_of(name);
    size_t found = SIZE_MAX;
    for (size_t p = size_t(c->n_posonly); p < n_pos + n_kwonly; ++p)
      if (c->params[p] == key) found = p;
    if (found == SIZE_MAX) {
      if (!c->has_varkw) {
        for (size_t p = 0; p < size_t(c->n_posonly); ++p) {
          if (c->params[p] != key) continue;
          release(slots);
          raise_error(ExcKind::TypeError, f->qualname + "() got some positional-only arguments passed as keyword arguments: '" + key + "'");
          return false;
        }
        release(slots);
        raise_error(ExcKind::TypeError, f->qualname + "() got an unexpected keyword argument '" + key + "'");
        return false;
      }
      dict_insert_str(static_cast<DictObj*>(slots[varkw_slot]), key, value);
      continue;
    }
    if (slots[found]) {
      release(slots);
      raise_error(ExcKind::TypeError, f->qualname + "() got multiple values for argument '" + key + "'");
        return false;
    }
    slots[found] = newref(value);
  }

  std::vector<std::string> absent;
  for (size_t i = 0; i < n_pos; ++i) {
    if (slots[i]) continue;
    if (i + n_defaults >= n_pos) {
      slots[i] = newref(items_of(f->defaults)[i + n_defaults - n_pos]);
    } else {
      absent.push_back(c->params[i]);
    }
  }
  if (!absent.empty()) {
    release(slots);
    missing(f, absent, "positional");
        return false;
  }
  for (size_t i = n_pos; i < n_pos + n_kwonly; ++i) {
    if (slots[i]) continue;
    Obj* d = f->kwdefaults ? dict_find_str(static_cast<DictObj*>(f->kwdefaults), c->params[i]) : nullptr;
    if (d) {
      slots[i] = newref(d);
    } else {
      absent.push_back(c->params[i]);
    }
  }
  if (!absent.empty()) {
    release(slots);
    missing(f, absent, "keyword-only");
        return false;
  }
  return true;
}

}  // namespace ufora
