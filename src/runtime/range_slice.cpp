#include "runtime/range_slice.h"
#include "values/slice_bounds.h"

#include "runtime/arg_parse.h"
#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

// Position of `v` in the range, or -1 (arithmetic, not a scan: ranges can be huge).
int64_t range_position(RangeObj* r, Obj* v) {
  if (v->tag != Tag::Int && v->tag != Tag::Bool) return -1;
  int64_t x = v->tag == Tag::Int ? static_cast<IntObj*>(v)->v : static_cast<BoolObj*>(v)->v;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
  if ((x - r->start) % r->step != 0) return -1;
  return (x - r->start) / r->step;
}

Obj* range_index(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("index", kw)) return nullptr;
  if (nargs != 1) return raise_error(ExcKind::TypeError, "range.index() takes exactly one argument (" + std::to_string(nargs) + " given)");
  int64_t i = range_position(static_cast<RangeObj*>(self), args[0]);
  if (i < 0) {
    Ref r(op_repr(args[0]));
    return r ? raise_error(ExcKind::ValueError, str_of(r.get()) + " is not in range") : nullptr;
  }
  return new_int(i);
}

Obj* range_count(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("count", kw)) return nullptr;
  if (nargs != 1) return raise_error(ExcKind::TypeError, "range.count() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return new_int(range_position(static_cast<RangeObj*>(self), args[0]) >= 0 ? 1 : 0);
}

// slice.indices(length): (start, stop, step) clamped as for indexing a sequence of that length.
Obj* slice_indices(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("indices", kw)) return nullptr;
  if (nargs != 1) return raise_error(ExcKind::TypeError, "slice.indices() takes exactly one argument (" + std::to_string(nargs) + " given)");
  int64_t len = 0;
  if (!index_value(args[0], len, "slice.indices")) return nullptr;
  if (len < 0) return raise_error(ExcKind::ValueError, "length should not be negative");
  auto* s = static_cast<SliceObj*>(self);
  int64_t step = 1;
  if (s->step->tag != Tag::None && !index_value(s->step, step, "slice indices")) return nullptr;
  if (step == 0) return raise_error(ExcKind::ValueError, "slice step cannot be zero");
  auto bound = [&](Obj* o, int64_t def, int64_t& out) {
    if (o->tag == Tag::None) {
      out = def;
      return true;
    }
    if (!index_value(o, out, "slice indices")) return false;
    out = clamp_slice_bound(out, len, step);
    return true;
  };
  int64_t start = 0, stop = 0;
  if (!bound(s->start, step < 0 ? len - 1 : 0, start) || !bound(s->stop, step < 0 ? -1 : len, stop)) return nullptr;
  return new_tuple({new_int(start), new_int(stop), new_int(step)});
}

}  // namespace

BuiltinFn find_range_method(std::string_view name) {
  if (name == "index") return range_index;
  if (name == "count") return range_count;
  return nullptr;
}

BuiltinFn find_slice_method(std::string_view name) { return name == "indices" ? slice_indices : nullptr; }

Obj* construct_slice(Obj* const* args, size_t nargs, Obj* kwnames) {
  if (!no_keywords("slice", kwnames)) return nullptr;
  if (nargs < 1 || nargs > 3) return raise_error(ExcKind::TypeError, "slice expected at least 1 argument, got " + std::to_string(nargs));
  if (nargs == 1) return new SliceObj(new_none(), newref(args[0]), new_none());
  return new SliceObj(newref(args[0]), newref(args[1]), nargs == 3 ? newref(args[2]) : new_none());
}

}  // namespace ufora
