// str.format: replacement fields {name.attr[key]!conv:spec}, automatic and manual numbering,
// nested fields inside the spec. The parse follows CPython's Objects/stringlib/unicode_format.h
// step by step, so malformed templates fail with the same error at the same point.
#include <cstdio>

#include "runtime/builtin_support.h"
#include "runtime/methods_internal.h"
#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

bool is_str(const Obj* o) { return o->tag == Tag::Str; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A decimal field index; false with ValueError on overflow (CPython: "Too many decimal digits").
bool parse_index(std::string_view s, int64_t& out) {
  out = 0;
  for (char c : s) {
    if (out > (INT64_MAX - 9) / 10) {
      raise_error(ExcKind::ValueError, "Too many decimal digits in format string");
      return false;
    }
    out = out * 10 + (c - '0');
  }
  return true;
}

// ascii(): repr with every non-ASCII code point escaped.
Obj* ascii_of(Obj* v) {
  Ref r(op_repr(v));
  if (!r) return nullptr;
  const std::string& s = str_of(r.get());
  if (static_cast<StrObj*>(r.get())->ascii) return r.release();
  std::string out;
  std::vector<size_t> offs = code_point_offsets(s);
  for (size_t i = 0; i + 1 < offs.size(); ++i) {
    uint32_t cp = utf8_decode_one(s.substr(offs[i], offs[i + 1] - offs[i]));
    if (cp < 0x80) {
      out += char(cp);
      continue;
    }
    char buf[16];
    if (cp <= 0xFF)
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp));
    else if (cp <= 0xFFFF)
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(cp));
    out += buf;
  }
  return new_str(std::move(out));
}

class Formatter {
 public:
  Formatter(Obj* const* args, size_t nargs, Obj* kwnames) : args_(args), nargs_(nargs), kwnames_(kwnames) {}

  // Appends the expansion of `fmt` to `out`; `depth` bounds nesting inside format specs.
  bool render(std::string_view fmt, int depth, std::string& out) {
    if (depth <= 0) return fail(ExcKind::ValueError, "Max string recursion exceeded");
    size_t i = 0;
    while (i < fmt.size()) {
      char c = fmt[i];
      if (c == '}') {
        if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
          out += '}';
          i += 2;
          continue;
        }
        return fail(ExcKind::ValueError, "Single '}' encountered in format string");
      }
      if (c != '{') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= fmt.size()) return fail(ExcKind::ValueError, "Single '{' encountered in format string");
      if (fmt[i + 1] == '{') {
        out += '{';
        i += 2;
        continue;
      }
      i += 1;
      if (!field(fmt, i, depth, out)) return false;
    }
    return true;
  }

 private:
  static bool fail(ExcKind kind, const char* msg) {
    raise_error(kind, msg);
    return false;
  }

  // One replacement field; `i` is just past its '{' and is left just past its '}'.
  bool field(std::string_view fmt, size_t& i, int depth, std::string& out) {
    size_t name_start = i;
    char c = 0;
    bool terminated = false;
    while (i < fmt.size() && !terminated) {
      c = fmt[i++];
      if (c == '{') return fail(ExcKind::ValueError, "unexpected '{' in field name");
      if (c == '[') {  // a key may contain ':' or '!'
        while (i < fmt.size() && fmt[i] != ']') ++i;
        continue;
      }
      terminated = c == '}' || c == ':' || c == '!';
    }
    if (!terminated) return fail(ExcKind::ValueError, "expected '}' before end of string");
    std::string_view name = fmt.substr(name_start, i - 1 - name_start);
    char conversion = 0;
    std::string_view spec;
    bool spec_has_fields = false;
    if (c == '!' || c == ':') {
      if (c == '!') {
        if (i >= fmt.size()) return fail(ExcKind::ValueError, "end of string while looking for conversion specifier");
        conversion = fmt[i++];
        if (i < fmt.size()) {
          char next = fmt[i++];
          if (next == '}') return emit(name, conversion, spec, false, depth, out);
          if (next != ':') return fail(ExcKind::ValueError, "expected ':' after conversion specifier");
        }
      }
      size_t spec_start = i;
      int count = 1;
      while (i < fmt.size()) {
        char s = fmt[i++];
        if (s == '{') {
          spec_has_fields = true;
          ++count;
        } else if (s == '}' && --count == 0) {
          spec = fmt.substr(spec_start, i - 1 - spec_start);
          return emit(name, conversion, spec, spec_has_fields, depth, out);
        }
      }
      return fail(ExcKind::ValueError, "unmatched '{' in format spec");
    }
    return emit(name, conversion, spec, false, depth, out);
  }

  bool emit(std::string_view name, char conversion, std::string_view spec, bool spec_has_fields, int depth,
            std::string& out) {
    Ref value(resolve(name));
    if (!value) return false;
    if (conversion) {
      switch (conversion) {
        case 'r': value = Ref(op_repr(value.get())); break;
        case 's': value = Ref(op_str(value.get())); break;
        case 'a': value = Ref(ascii_of(value.get())); break;
        default:
          raise_error(ExcKind::ValueError, std::string("Unknown conversion specifier ") + conversion);
          return false;
      }
      if (!value) return false;
    }
    std::string expanded;
    if (spec_has_fields) {
      if (!render(spec, depth - 1, expanded)) return false;
      spec = expanded;
    }
    if (spec.empty() && value->tag == Tag::Str) {  // the common "{}" of a str: no formatting needed
      out += str_of(value.get());
      return true;
    }
    Ref text(op_format(value.get(), spec));
    if (!text) return false;
    out += str_of(text.get());
    return true;
  }

  // The object named by a field: an argument, then .attr and [key] lookups.
  Obj* resolve(std::string_view name) {
    size_t end = name.find_first_of(".[");
    std::string_view first = name.substr(0, end);
    Ref obj(argument(first));
    if (!obj) return nullptr;
    size_t i = end == std::string_view::npos ? name.size() : end;
    while (i < name.size()) {
      char c = name[i++];
      if (c == '.') {
        size_t stop = name.find_first_of(".[", i);
        if (stop == std::string_view::npos) stop = name.size();
        std::string_view attr = name.substr(i, stop - i);
        if (attr.empty()) return raise_error(ExcKind::ValueError, "Empty attribute in format string");
        obj = Ref(op_getattr(obj.get(), attr));
        i = stop;
      } else if (c == '[') {
        size_t stop = name.find(']', i);
        if (stop == std::string_view::npos) return raise_error(ExcKind::ValueError, "Missing ']' in format string");
        std::string_view key = name.substr(i, stop - i);
        if (key.empty()) return raise_error(ExcKind::ValueError, "Empty attribute in format string");
        Ref key_obj;
        int64_t index = 0;
        if (all_digits(key)) {
          if (!parse_index(key, index)) return nullptr;
          key_obj = Ref(new_int(index));
        } else {
          key_obj = Ref(new_str(std::string(key)));
        }
        obj = Ref(op_getitem(obj.get(), key_obj.get()));
        i = stop + 1;
      } else {
        return raise_error(ExcKind::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
      }
      if (!obj) return nullptr;
    }
    return obj.release();
  }

  // A positional argument (by number, or the next one when `first` is empty) or a keyword one.
  Obj* argument(std::string_view first) {
    if (first.empty()) {
      if (numbering_ == Numbering::Manual)
        return raise_error(ExcKind::ValueError,
                           "cannot switch from manual field specification to automatic field numbering");
      numbering_ = Numbering::Auto;
      return positional(next_auto_++);
    }
    if (all_digits(first)) {
      if (numbering_ == Numbering::Auto)
        return raise_error(ExcKind::ValueError,
                           "cannot switch from automatic field numbering to manual field specification");
      numbering_ = Numbering::Manual;
      int64_t index = 0;
      if (!parse_index(first, index)) return nullptr;
      return positional(index);
    }
    if (kwnames_) {
      const auto& names = items_of(kwnames_);
      for (size_t k = 0; k < names.size(); ++k)
        if (str_of(names[k]) == first) return newref(args_[nargs_ + k]);
    }
    Ref key(new_str(std::string(first)));
    return raise_with_arg(ExcKind::KeyError, key.get());
  }

  Obj* positional(int64_t index) {
    if (index >= 0 && size_t(index) < nargs_) return newref(args_[index]);
    return raise_error(ExcKind::IndexError,
                       "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
  }

  enum class Numbering { Unknown, Auto, Manual };

  Obj* const* args_;
  size_t nargs_;
  Obj* kwnames_;
  Numbering numbering_ = Numbering::Unknown;
  int64_t next_auto_ = 0;
};

}  // namespace

Obj* str_format_method(Obj* self, Obj* const* args, size_t nargs, Obj* kwnames) {
  if (!method_receiver(self, args, nargs, "str", "format", is_str)) return nullptr;
  std::string out;
  Formatter f(args, nargs, kwnames);
  if (!f.render(str_of(self), 2, out)) return nullptr;
  return new_str(std::move(out));
}

}  // namespace ufora
