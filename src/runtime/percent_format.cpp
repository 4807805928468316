// printf-style formatting: `str % args`, with CPython's rules (mapping keys, flags "-+ 0#",
// `*` width and precision, and the conversions d i u o x X e E f F g G c s r a %).
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include "runtime/builtins_extra.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "values/bigint.h"
#include "values/exception_state.h"
#include "values/number_ops.h"
#include "values/str_algorithms.h"

namespace ufora {

namespace {

struct Spec {
  bool left = false, plus = false, space = false, zero = false, alt = false;
  int64_t width = -1, prec = -1;
};

// Pads `body` (sign and prefix included in `head`) to the width.
std::string pad(const Spec& sp, const std::string& head, const std::string& body, bool numeric) {
  int64_t len = text::utf8_length(head) + text::utf8_length(body);
  if (sp.width <= len) return head + body;
  size_t fill = size_t(sp.width - len);
  if (sp.left) return head + body + std::string(fill, ' ');
  if (numeric && sp.zero) return head + std::string(fill, '0') + body;
  return std::string(fill, ' ') + head + body;
}

Obj* int_value(Obj* v, char conv) {
  if (v->tag == Tag::Bool) return new_int(static_cast<BoolObj*>(v)->v ? 1 : 0);
  if (v->tag == Tag::Int || v->tag == Tag::BigInt) return newref(v);
  if (v->tag == Tag::Float && (conv == 'd' || conv == 'i' || conv == 'u'))
    return float_to_int(static_cast<FloatObj*>(v)->v);
  if (conv == 'd' || conv == 'i' || conv == 'u')
    return raise_error(ExcKind::TypeError, std::string("%") + conv + " format: a real number is required, not " + type_name(v));
  return raise_error(ExcKind::TypeError, std::string("%") + conv + " format: an integer is required, not " + type_name(v));
}

bool format_one(std::string& out, char conv, const Spec& sp, Obj* v) {
  if (conv == 's' || conv == 'r' || conv == 'a') {
    Ref s(conv == 's' ? op_str(v) : conv == 'r' ? op_repr(v) : ascii_repr(v));
    if (!s) return false;
    std::string body = str_of(s.get());
    if (sp.prec >= 0 && text::utf8_length(body) > sp.prec) body.resize(text::utf8_offset(body, sp.prec));
    out += pad(sp, "", body, false);
    return true;
  }
  if (conv == 'c') {
    std::string body;
    if (v->tag == Tag::Str) {
      if (static_cast<StrObj*>(v)->length != 1) {
        raise_error(ExcKind::TypeError, "%c requires int or char");
        return false;
      }
      body = str_of(v);
    } else if (is_int_like(v)) {
      int64_t cp = 0;
      if (!small_int_of(v, &cp) && v->tag != Tag::Bool) cp = -1;
      if (v->tag == Tag::Bool) cp = static_cast<BoolObj*>(v)->v;
      if (cp < 0 || cp > 0x10FFFF) {
        raise_error(ExcKind::OverflowError, "%c arg not in range(0x110000)");
        return false;
      }
      body = text::utf8_encode(char32_t(cp));
    } else {
      raise_error(ExcKind::TypeError, "%c requires int or char");
      return false;
    }
    out += pad(sp, "", body, false);
    return true;
  }
  if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o') {
    Ref iv(int_value(v, conv));
    if (!iv) return false;
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    std::string digits = int_to_string(iv.get(), base);
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.erase(0, 1);
    if (conv == 'X')
      for (char& c : digits) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (sp.prec > 0 && int64_t(digits.size()) < sp.prec) digits.insert(0, size_t(sp.prec - int64_t(digits.size())), '0');
    std::string head = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
    if (sp.alt && base != 10) head += conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
    out += pad(sp, head, digits, true);
    return true;
  }
  if (std::string_view("eEfFgG").find(conv) != std::string_view::npos) {
    double d = 0;
    if (!is_number(v) || !number_as_double(v, &d)) {
      if (!error_pending()) raise_error(ExcKind::TypeError, "must be real number, not " + type_name(v));
      return false;
    }
    std::string spec;
    if (sp.left) spec += '<';
    if (sp.plus) spec += '+';
    else if (sp.space) spec += ' ';
    if (sp.alt) spec += '#';
    if (sp.zero && !sp.left) spec += '0';
    if (sp.width > 0) spec += std::to_string(sp.width);
    spec += "." + std::to_string(sp.prec < 0 ? 6 : sp.prec);
    spec += conv;
    Ref fv(new_float(d));
    Ref s(op_format(fv.get(), spec));
    if (!s) return false;
    out += str_of(s.get());
    return true;
  }
  std::string shown = conv >= 0x20 && conv < 0x7f ? std::string(1, conv) : "?";
  char hex[8];
  std::snprintf(hex, sizeof hex, "%x", unsigned(static_cast<unsigned char>(conv)));
  raise_error(ExcKind::ValueError, "unsupported format character '" + shown + "' (0x" + hex + ")");
  return false;
}

}  // namespace

Obj* percent_format(Obj* fmt, Obj* args) {
  const std::string& f = str_of(fmt);
  bool is_tuple = args->tag == Tag::Tuple;
  std::vector<Obj*> values = is_tuple ? items_of(args) : std::vector<Obj*>{args};
  size_t next = 0;
  bool used_mapping = false;
  std::string out;
  auto next_arg = [&]() -> Obj* {
    if (next >= values.size()) {
      raise_error(ExcKind::TypeError, "not enough arguments for format string");
      return nullptr;
    }
    return values[next++];
  };
  auto star = [&](int64_t& dst) -> bool {
    Obj* v = next_arg();
    if (!v) return false;
    if (v->tag != Tag::Int && v->tag != Tag::Bool) {
      raise_error(ExcKind::TypeError, "* wants int");
      return false;
    }
    dst = v->tag == Tag::Int ? static_cast<IntObj*>(v)->v : static_cast<BoolObj*>(v)->v;
    return true;
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    size_t j = i + 1;
    if (j >= f.size()) return raise_error(ExcKind::ValueError, "incomplete format");
    Obj* mapped = nullptr;
    Ref mapped_ref;
    if (f[j] == '(') {
      int depth = 1;
      size_t k = j + 1;
      for (; k < f.size() && depth > 0; ++k) {
        if (f[k] == '(') ++depth;
        else if (f[k] == ')') --depth;
      }
      if (depth > 0) return raise_error(ExcKind::ValueError, "incomplete format key");
      if (is_tuple || (args->tag != Tag::Dict && args->tag != Tag::Instance))
        return raise_error(ExcKind::TypeError, "format requires a mapping");
      Ref key(new_str(f.substr(j + 1, k - j - 2)));
      mapped_ref = Ref(op_getitem(args, key.get()));
      if (!mapped_ref) return nullptr;
      mapped = mapped_ref.get();
      used_mapping = true;
      j = k;
    }
    Spec sp;
    for (; j < f.size(); ++j) {
      char c = f[j];
      if (c == '-') sp.left = true;
      else if (c == '+') sp.plus = true;
      else if (c == ' ') sp.space = true;
      else if (c == '#') sp.alt = true;
      else if (c == '0') sp.zero = true;
      else break;
    }
    if (j < f.size() && f[j] == '*') {
      if (!star(sp.width)) return nullptr;
      if (sp.width < 0) {
        sp.left = true;
        sp.width = -sp.width;
      }
      ++j;
    } else if (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) {
      sp.width = 0;
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) sp.width = sp.width * 10 + (f[j++] - '0');
    }
    if (j < f.size() && f[j] == '.') {
      ++j;
      sp.prec = 0;
      if (j < f.size() && f[j] == '*') {
        if (!star(sp.prec)) return nullptr;
        if (sp.prec < 0) sp.prec = 0;
        ++j;
      } else {
        while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) sp.prec = sp.prec * 10 + (f[j++] - '0');
      }
    }
    while (j < f.size() && (f[j] == 'h' || f[j] == 'l' || f[j] == 'L')) ++j;
    if (j >= f.size()) return raise_error(ExcKind::ValueError, "incomplete format");
    char conv = f[j];
    i = j;
    if (conv == '%') {
      out += '%';
      continue;
    }
    Obj* v = mapped ? mapped : next_arg();
    if (!v) return nullptr;
    if (!format_one(out, conv, sp, v)) return nullptr;
  }
  if (next < values.size() && !used_mapping && !(args->tag == Tag::Dict && !is_tuple))
    return raise_error(ExcKind::TypeError, "not all arguments converted during string formatting");
  return new_str(std::move(out));
}

}  // namespace ufora
