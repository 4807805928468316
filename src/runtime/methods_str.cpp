// Methods of str. The text algorithms are in values/str_algorithms.h; this file checks the
// arguments the way CPython does (and with its messages) and boxes the results.
#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/methods_internal.h"
#include "runtime/ops.h"
#include "values/bigint.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/str_algorithms.h"

namespace ufora {

namespace {

bool is_str(const Obj* o) { return o->tag == Tag::Str; }

bool str_self(Obj*& self, Obj* const*& args, size_t& nargs, const char* method) {
  return method_receiver(self, args, nargs, "str", method, is_str);
}

const std::string& text_of(Obj* o) { return str_of(o); }

Obj* str_list(std::vector<std::string> parts) {
  std::vector<Obj*> items;
  items.reserve(parts.size());
  for (std::string& p : parts) items.push_back(new_str(std::move(p)));
  return new_list(std::move(items));
}

// "find() takes at least 1 argument (0 given)": the style of CPython's stringlib argument parser.
bool stringlib_arity(const char* fname, size_t nargs, size_t min, size_t max, Obj* kw) {
  if (!no_keywords(fname, kw)) return false;
  if (nargs < min || nargs > max) {
    size_t n = nargs < min ? min : max;
    raise_error(ExcKind::TypeError, std::string(fname) + "() takes " + (nargs < min ? "at least " : "at most ") +
                                        std::to_string(n) + (n == 1 ? " argument" : " arguments") + " (" +
                                        std::to_string(nargs) + " given)");
    return false;
  }
  return true;
}

bool require_str(Obj* o, const char* prefix = "must be str, not ") {
  if (o->tag == Tag::Str) return true;
  raise_error(ExcKind::TypeError, prefix + type_name(o));
  return false;
}

// The optional start/end of find, count, startswith...: None, or an int (big ints clamp).
bool search_bound(Obj* o, int64_t dflt, int64_t& out) {
  if (!o || o->tag == Tag::None) {
    out = dflt;
    return true;
  }
  if (small_int_of(o, &out)) return true;
  if (o->tag == Tag::BigInt) {
    out = int_sign(o) < 0 ? INT64_MIN / 2 : text::kNoEnd;
    return true;
  }
  raise_error(ExcKind::TypeError, "slice indices must be integers or None or have an __index__ method");
  return false;
}

bool search_range(Obj* const* args, size_t nargs, int64_t& start, int64_t& end) {
  return search_bound(nargs > 1 ? args[1] : nullptr, 0, start) &&
         search_bound(nargs > 2 ? args[2] : nullptr, text::kNoEnd, end);
}

// ---- searching ---------------------------------------------------------------------------

enum class Search { Find, RFind, Index, RIndex, Count };

Obj* search(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, Search kind) {
  if (!str_self(self, args, nargs, name) || !stringlib_arity(name, nargs, 1, 3, kw)) return nullptr;
  if (!require_str(args[0])) return nullptr;
  int64_t start = 0, end = 0;
  if (!search_range(args, nargs, start, end)) return nullptr;
  const std::string& s = text_of(self);
  const std::string& sub = text_of(args[0]);
  if (kind == Search::Count) return new_int(text::count(s, sub, start, end));
  bool reverse = kind == Search::RFind || kind == Search::RIndex;
  int64_t at = reverse ? text::rfind(s, sub, start, end) : text::find(s, sub, start, end);
  if (at < 0 && (kind == Search::Index || kind == Search::RIndex))
    return raise_error(ExcKind::ValueError, "substring not found");
  return new_int(at);
}

Obj* str_find(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return search(self, args, nargs, kw, "find", Search::Find); }
Obj* str_rfind(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return search(self, args, nargs, kw, "rfind", Search::RFind); }
Obj* str_index(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return search(self, args, nargs, kw, "index", Search::Index); }
Obj* str_rindex(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return search(self, args, nargs, kw, "rindex", Search::RIndex); }
Obj* str_count(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return search(self, args, nargs, kw, "count", Search::Count); }

Obj* affix_test(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, bool at_start) {
  if (!str_self(self, args, nargs, name) || !stringlib_arity(name, nargs, 1, 3, kw)) return nullptr;
  int64_t start = 0, end = 0;
  if (!search_range(args, nargs, start, end)) return nullptr;
  const std::string& s = text_of(self);
  auto test = [&](Obj* affix) {
    return at_start ? text::startswith(s, text_of(affix), start, end) : text::endswith(s, text_of(affix), start, end);
  };
  Obj* what = args[0];
  if (what->tag == Tag::Str) return new_bool(test(what));
  if (what->tag != Tag::Tuple)
    return raise_error(ExcKind::TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + type_name(what));
  for (Obj* affix : items_of(what)) {
    if (affix->tag != Tag::Str)
      return raise_error(ExcKind::TypeError, std::string("tuple for ") + name + " must only contain str, not " + type_name(affix));
    if (test(affix)) return new_bool(true);
  }
  return new_bool(false);
}

Obj* str_startswith(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return affix_test(self, args, nargs, kw, "startswith", true);
}
Obj* str_endswith(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return affix_test(self, args, nargs, kw, "endswith", false);
}

// ---- splitting and joining ----------------------------------------------------------------

Obj* split_impl(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, bool from_right) {
  if (!str_self(self, args, nargs, name)) return nullptr;
  Obj* a[2];
  if (!bind_args(name, args, nargs, kw, {"sep", "maxsplit"}, 0, a)) return nullptr;
  int64_t maxsplit = -1;
  if (a[1] && !as_int64(a[1], maxsplit)) return nullptr;
  const std::string& s = text_of(self);
  if (!a[0] || a[0]->tag == Tag::None) return str_list(from_right ? text::rsplit(s, maxsplit) : text::split(s, maxsplit));
  if (!require_str(a[0], "must be str or None, not ")) return nullptr;
  const std::string& sep = text_of(a[0]);
  if (sep.empty()) return raise_error(ExcKind::ValueError, "empty separator");
  return str_list(from_right ? text::rsplit(s, sep, maxsplit) : text::split(s, sep, maxsplit));
}

Obj* str_split(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return split_impl(self, args, nargs, kw, "split", false); }
Obj* str_rsplit(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return split_impl(self, args, nargs, kw, "rsplit", true); }

Obj* str_splitlines(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "splitlines")) return nullptr;
  Obj* keepends = nullptr;
  if (!bind_args("splitlines", args, nargs, kw, {"keepends"}, 0, &keepends)) return nullptr;
  int keep = 0;
  if (keepends) {
    int64_t v = 0;
    if (!as_int64(keepends, v, "C int")) return nullptr;
    keep = v != 0;
  }
  return str_list(text::splitlines(text_of(self), keep));
}

Obj* partition_impl(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, bool from_right) {
  if (!str_self(self, args, nargs, name)) return nullptr;
  std::string qual = std::string("str.") + name;
  if (!method_one_arg(qual.c_str(), nargs, kw) || !require_str(args[0])) return nullptr;
  const std::string& sep = text_of(args[0]);
  if (sep.empty()) return raise_error(ExcKind::ValueError, "empty separator");
  auto parts = from_right ? text::rpartition(text_of(self), sep) : text::partition(text_of(self), sep);
  return new_tuple({new_str(std::move(parts[0])), new_str(std::move(parts[1])), new_str(std::move(parts[2]))});
}

Obj* str_partition(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return partition_impl(self, args, nargs, kw, "partition", false);
}
Obj* str_rpartition(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return partition_impl(self, args, nargs, kw, "rpartition", true);
}

bool append_join_item(std::string& out, Obj* item, size_t index) {
  if (item->tag == Tag::Str) {
    out += text_of(item);
    return true;
  }
  raise_error(ExcKind::TypeError, "sequence item " + std::to_string(index) + ": expected str instance, " +
                                      type_name(item) + " found");
  return false;
}

Obj* str_join(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "join") || !method_one_arg("str.join", nargs, kw)) return nullptr;
  const std::string& sep = text_of(self);
  std::string out;
  Obj* src = args[0];
  if (is_seq(src)) {  // no iterator, and the size is known up front
    const auto& items = items_of(src);
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += sep;
      if (!append_join_item(out, items[i], i)) return nullptr;
    }
    return new_str(std::move(out));
  }
  Ref it(op_iter(src));
  if (!it) {
    if (error_matches(ExcKind::TypeError)) {
      clear_error();
      raise_error(ExcKind::TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  size_t i = 0;
  while (Ref item{op_next(it.get())}) {
    if (i) out += sep;
    if (!append_join_item(out, item.get(), i++)) return nullptr;
  }
  if (error_pending()) return nullptr;
  return new_str(std::move(out));
}

// ---- stripping, replacing, padding ---------------------------------------------------------

enum class Side { Both, Left, Right };

Obj* strip_impl(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, Side side) {
  if (!str_self(self, args, nargs, name) || !no_keywords(name, kw) || !check_arity(name, nargs, 0, 1)) return nullptr;
  const std::string& s = text_of(self);
  if (nargs == 0 || args[0]->tag == Tag::None) {
    return new_str(side == Side::Both ? text::strip(s) : side == Side::Left ? text::lstrip(s) : text::rstrip(s));
  }
  if (args[0]->tag != Tag::Str) return raise_error(ExcKind::TypeError, std::string(name) + " arg must be None or str");
  const std::string& chars = text_of(args[0]);
  return new_str(side == Side::Both   ? text::strip(s, chars)
                 : side == Side::Left ? text::lstrip(s, chars)
                                      : text::rstrip(s, chars));
}

Obj* str_strip(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return strip_impl(self, args, nargs, kw, "strip", Side::Both); }
Obj* str_lstrip(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return strip_impl(self, args, nargs, kw, "lstrip", Side::Left); }
Obj* str_rstrip(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return strip_impl(self, args, nargs, kw, "rstrip", Side::Right); }

Obj* str_replace(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "replace") || !no_keywords("replace", kw) || !check_arity("replace", nargs, 2, 3))
    return nullptr;
  if (!require_str(args[0], "replace() argument 1 must be str, not ") ||
      !require_str(args[1], "replace() argument 2 must be str, not "))
    return nullptr;
  int64_t count = -1;
  if (nargs == 3 && !as_int64(args[2], count)) return nullptr;
  return new_str(text::replace(text_of(self), text_of(args[0]), text_of(args[1]), count));
}

Obj* remove_affix(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, bool prefix) {
  if (!str_self(self, args, nargs, name)) return nullptr;
  std::string qual = std::string("str.") + name;
  if (!method_one_arg(qual.c_str(), nargs, kw)) return nullptr;
  std::string prefix_msg = std::string(name) + "() argument must be str, not ";
  if (!require_str(args[0], prefix_msg.c_str())) return nullptr;
  const std::string& s = text_of(self);
  const std::string& affix = text_of(args[0]);
  if (prefix && s.starts_with(affix)) return new_str(s.substr(affix.size()));
  if (!prefix && s.ends_with(affix)) return new_str(s.substr(0, s.size() - affix.size()));
  return newref(self);
}

Obj* str_removeprefix(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return remove_affix(self, args, nargs, kw, "removeprefix", true);
}
Obj* str_removesuffix(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  return remove_affix(self, args, nargs, kw, "removesuffix", false);
}

enum class Justify { Center, Left, Right };

Obj* justify(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name, Justify how) {
  if (!str_self(self, args, nargs, name) || !no_keywords(name, kw) || !check_arity(name, nargs, 1, 2)) return nullptr;
  int64_t width = 0;
  if (!as_int64(args[0], width)) return nullptr;
  char32_t fill = U' ';
  if (nargs == 2) {
    Obj* f = args[1];
    if (f->tag != Tag::Str)
      return raise_error(ExcKind::TypeError, "The fill character must be a unicode character, not " + type_name(f));
    if (static_cast<StrObj*>(f)->length != 1)
      return raise_error(ExcKind::TypeError, "The fill character must be exactly one character long");
    fill = char32_t(utf8_decode_one(text_of(f)));
  }
  const std::string& s = text_of(self);
  switch (how) {
    case Justify::Center: return new_str(text::center(s, width, fill));
    case Justify::Left: return new_str(text::ljust(s, width, fill));
    case Justify::Right: return new_str(text::rjust(s, width, fill));
  }
  return nullptr;
}

Obj* str_center(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return justify(self, args, nargs, kw, "center", Justify::Center); }
Obj* str_ljust(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return justify(self, args, nargs, kw, "ljust", Justify::Left); }
Obj* str_rjust(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return justify(self, args, nargs, kw, "rjust", Justify::Right); }

Obj* str_zfill(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "zfill") || !method_one_arg("str.zfill", nargs, kw)) return nullptr;
  int64_t width = 0;
  if (!as_int64(args[0], width)) return nullptr;
  return new_str(text::zfill(text_of(self), width));
}

Obj* str_expandtabs(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "expandtabs")) return nullptr;
  Obj* tabsize = nullptr;
  if (!bind_args("expandtabs", args, nargs, kw, {"tabsize"}, 0, &tabsize)) return nullptr;
  int64_t n = 8;
  if (tabsize && !as_int64(tabsize, n, "C int")) return nullptr;
  return new_str(text::expandtabs(text_of(self), n));
}

// ---- case mapping and predicates: no arguments, a function of the text --------------------

template <std::string (*F)(std::string_view)>
Obj* case_method(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name) {
  if (!str_self(self, args, nargs, name)) return nullptr;
  std::string qual = std::string("str.") + name;
  if (!method_no_args(qual.c_str(), nargs, kw)) return nullptr;
  return new_str(F(text_of(self)));
}

template <bool (*F)(std::string_view)>
Obj* predicate(Obj* self, Obj* const* args, size_t nargs, Obj* kw, const char* name) {
  if (!str_self(self, args, nargs, name)) return nullptr;
  std::string qual = std::string("str.") + name;
  if (!method_no_args(qual.c_str(), nargs, kw)) return nullptr;
  return new_bool(F(text_of(self)));
}

#define UFORA_STR_CASE(name) \
  Obj* str_##name(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return case_method<text::name>(self, args, nargs, kw, #name); }
#define UFORA_STR_PRED(name) \
  Obj* str_##name(Obj* self, Obj* const* args, size_t nargs, Obj* kw) { return predicate<text::name>(self, args, nargs, kw, #name); }

UFORA_STR_CASE(upper)
UFORA_STR_CASE(lower)
UFORA_STR_CASE(title)
UFORA_STR_CASE(capitalize)
UFORA_STR_CASE(swapcase)
UFORA_STR_CASE(casefold)
UFORA_STR_PRED(isalpha)
UFORA_STR_PRED(isdigit)
UFORA_STR_PRED(isdecimal)
UFORA_STR_PRED(isnumeric)
UFORA_STR_PRED(isalnum)
UFORA_STR_PRED(isspace)
UFORA_STR_PRED(isupper)
UFORA_STR_PRED(islower)
UFORA_STR_PRED(istitle)
UFORA_STR_PRED(isidentifier)
UFORA_STR_PRED(isprintable)

#undef UFORA_STR_CASE
#undef UFORA_STR_PRED

Obj* str_isascii(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "isascii") || !method_no_args("str.isascii", nargs, kw)) return nullptr;
  return new_bool(static_cast<StrObj*>(self)->ascii);
}

// str.maketrans(x[, y[, z]]): a static method (also reachable through an instance).
Obj* str_maketrans(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!no_keywords("maketrans", kw) || !check_arity("maketrans", nargs, 1, 3)) return nullptr;
  Ref out(new_dict());
  if (nargs == 1) {
    Obj* m = args[0];
    if (m->tag != Tag::Dict)
      return raise_error(ExcKind::TypeError, "if you give only one argument to maketrans it must be a dict");
    for (const DictEntry& e : static_cast<DictObj*>(m)->entries) {
      Ref key;
      if (e.key->tag == Tag::Str) {
        if (static_cast<StrObj*>(e.key)->length != 1)
          return raise_error(ExcKind::ValueError, "string keys in translate table must be of length 1");
        key = Ref(new_int(int64_t(utf8_decode_one(str_of(e.key)))));
      } else if (is_int_like(e.key)) {
        key = Ref::borrow(e.key);
      } else {
        return raise_error(ExcKind::TypeError, "keys in translate table must be strings or integers");
      }
      if (!dict_put(static_cast<DictObj*>(out.get()), key.get(), e.value)) return nullptr;
    }
    return out.release();
  }
  if (args[0]->tag != Tag::Str || args[1]->tag != Tag::Str)
    return raise_error(ExcKind::TypeError, "maketrans() argument must be str, not " +
                                               type_name(args[0]->tag != Tag::Str ? args[0] : args[1]));
  std::u32string x = text::to_code_points(str_of(args[0])), y = text::to_code_points(str_of(args[1]));
  if (x.size() != y.size())
    return raise_error(ExcKind::ValueError, "the first two maketrans arguments must have equal length");
  auto* d = static_cast<DictObj*>(out.get());
  for (size_t i = 0; i < x.size(); ++i) {
    Ref k(new_int(int64_t(x[i]))), v(new_int(int64_t(y[i])));
    if (!dict_put(d, k.get(), v.get())) return nullptr;
  }
  if (nargs == 3) {
    if (args[2]->tag != Tag::Str)
      return raise_error(ExcKind::TypeError, "maketrans() argument 3 must be str, not " + type_name(args[2]));
    for (char32_t c : text::to_code_points(str_of(args[2]))) {
      Ref k(new_int(int64_t(c)));
      if (!dict_put(d, k.get(), none())) return nullptr;
    }
  }
  return out.release();
}

Obj* str_translate(Obj* self, Obj* const* args, size_t nargs, Obj* kw) {
  if (!str_self(self, args, nargs, "translate") || !method_one_arg("str.translate", nargs, kw)) return nullptr;
  Obj* table = args[0];
  std::string out;
  for (char32_t c : text::to_code_points(str_of(self))) {
    Ref k(new_int(int64_t(c)));
    Ref v(op_getitem(table, k.get()));
    if (!v) {
      if (!error_matches(ExcKind::LookupError)) return nullptr;
      clear_error();
      text::utf8_append(out, c);
      continue;
    }
    Obj* r = v.get();
    if (r->tag == Tag::None) continue;
    if (r->tag == Tag::Str) {
      out += str_of(r);
    } else if (is_int_like(r)) {
      int64_t cp = -1;
      if (r->tag == Tag::Bool) cp = static_cast<BoolObj*>(r)->v;
      else if (!small_int_of(r, &cp)) cp = -1;
      if (cp < 0 || cp > 0x10FFFF) return raise_error(ExcKind::ValueError, "character mapping must be in range(0x110000)");
      text::utf8_append(out, char32_t(cp));
    } else {
      return raise_error(ExcKind::TypeError, "character mapping must return integer, None or str");
    }
  }
  return new_str(std::move(out));
}

constexpr MethodEntry kStrMethods[] = {
    {"maketrans", str_maketrans},
    {"translate", str_translate},
    {"join", str_join},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"replace", str_replace},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"upper", str_upper},
    {"lower", str_lower},
    {"title", str_title},
    {"capitalize", str_capitalize},
    {"swapcase", str_swapcase},
    {"casefold", str_casefold},
    {"isalpha", str_isalpha},
    {"isdigit", str_isdigit},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"isalnum", str_isalnum},
    {"isspace", str_isspace},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"istitle", str_istitle},
    {"isidentifier", str_isidentifier},
    {"isprintable", str_isprintable},
    {"isascii", str_isascii},
    {"center", str_center},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"zfill", str_zfill},
    {"expandtabs", str_expandtabs},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"format", str_format_method},
};

}  // namespace

BuiltinFn find_str_method(std::string_view name) { static const MethodTable table(kStrMethods);
  return table.find(name); }

}  // namespace ufora
