// A tiny evaluator of Python call expressions for the builtins tests, so that a test case
// can be written as the Python text CPython evaluated to produce its expected value:
//   sorted([3, 1, 2], key=abs, reverse=True)      "a,b".split(",")      math.fsum([0.1] * 3)
// Supported: int/float/str literals, None/True/False, names (builtins and importable
// modules), [lists], (tuples), {dicts}/{sets}, unary minus, `**`, `*`, `+` and `|` (left to right, no
// precedence), `in` and `==`, attribute access, subscripts, calls with positional and keyword
// arguments.
#pragma once

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

#include "runtime/builtins_module.h"
#include "runtime/builtin_support.h"
#include "runtime/modules.h"
#include "runtime/ops.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace builtins_test {

using ufora::Obj;
using ufora::Ref;

class Parser {
 public:
  explicit Parser(std::string src) : s_(std::move(src)) {}

  // The value of the whole expression (new reference), or nullptr with an exception pending.
  Obj* parse() {
    Obj* v = expr();
    skip_space();
    if (v && pos_ != s_.size()) FAIL("unparsed input at " << pos_ << " in: " << s_);
    return v;
  }

 private:
  void skip_space() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char peek() {
    skip_space();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }

  // Membership and equality bind loosest: `a in b`, `a == b`.
  Obj* expr() {
    Ref left(arith());
    if (!left) return nullptr;
    skip_space();
    if (s_.compare(pos_, 3, "in ") == 0 || s_.compare(pos_, 2, "==") == 0) {
      bool is_in = s_[pos_] == 'i';
      pos_ += 2;
      Ref right(arith());
      if (!right) return nullptr;
      int r = is_in ? ufora::op_contains(right.get(), left.get()) : ufora::op_eq(left.get(), right.get());
      return r < 0 ? nullptr : ufora::new_bool(r);
    }
    return left.release();
  }

  Obj* arith() {
    Ref left(postfix());
    if (!left) return nullptr;
    for (;;) {
      ufora::BinaryOp op;
      skip_space();
      if (s_.compare(pos_, 2, "**") == 0) {
        pos_ += 2;
        op = ufora::BinaryOp::Pow;
      } else if (eat('*'))
        op = ufora::BinaryOp::Mul;
      else if (eat('|'))
        op = ufora::BinaryOp::BitOr;
      else if (eat('+'))
        op = ufora::BinaryOp::Add;
      else
        return left.release();
      Ref right(postfix());
      if (!right) return nullptr;
      left = Ref(ufora::op_binary(op, left.get(), right.get()));
      if (!left) return nullptr;
    }
  }

  Obj* postfix() {
    Ref v(atom());
    while (v) {
      if (eat('.')) {
        std::string name = identifier();
        v = Ref(ufora::op_getattr(v.get(), name));
      } else if (peek() == '(') {
        v = call(v.get());
      } else if (eat('[')) {
        Ref index(expr());
        if (!index || !eat(']')) return nullptr;
        v = Ref(ufora::op_getitem(v.get(), index.get()));
      } else {
        break;
      }
    }
    return v.release();
  }

  Ref call(Obj* fn) {
    eat('(');
    ufora::OwnedVec positional, kwvalues, kwnames;
    while (!eat(')')) {
      size_t save = pos_;
      skip_space();
      std::string name = std::isalpha(static_cast<unsigned char>(peek())) ? identifier() : "";
      if (!name.empty() && peek() == '=') {
        eat('=');
        kwnames.push(ufora::new_str(name));
        Obj* v = expr();
        if (!v) return Ref();
        kwvalues.push(v);
      } else {
        pos_ = save;
        Obj* v = expr();
        if (!v) return Ref();
        positional.push(v);
      }
      eat(',');
    }
    std::vector<Obj*> args = positional.v;
    args.insert(args.end(), kwvalues.v.begin(), kwvalues.v.end());
    Ref names(kwnames.size() ? ufora::new_tuple(kwnames.take()) : nullptr);
    return Ref(ufora::op_call(fn, args.data(), positional.size(), names.get()));
  }

  std::string identifier() {
    skip_space();
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  Obj* sequence(char close, std::vector<Obj*>& items, bool& saw_comma) {
    saw_comma = false;
    while (!eat(close)) {
      Obj* v = expr();
      if (!v) return nullptr;
      items.push_back(v);
      if (eat(',')) saw_comma = true;
    }
    return ufora::none();
  }

  Obj* atom() {
    char c = peek();
    if (c == '-') {
      eat('-');
      Ref v(postfix());
      return v ? ufora::op_unary(ufora::UnaryOp::Neg, v.get()) : nullptr;
    }
    if (c == '[' || c == '(') {
      eat(c);
      ufora::OwnedVec items;
      bool comma = false;
      if (!sequence(c == '[' ? ']' : ')', items.v, comma)) return nullptr;
      if (c == '[') return ufora::new_list(items.take());
      if (items.size() == 1 && !comma) return ufora::newref(items[0]);
      return ufora::new_tuple(items.take());
    }
    if (c == '{') return brace();
    if (c == '"' || c == '\'') return string_literal();
    if (std::isdigit(static_cast<unsigned char>(c))) return number();
    std::string name = identifier();
    if (name.empty()) FAIL("bad expression at " << pos_ << " in: " << s_);
    if (name == "None") return ufora::new_none();
    if (name == "True") return ufora::new_bool(true);
    if (name == "False") return ufora::new_bool(false);
    if (Obj* b = ufora::dict_find_str(ufora::builtins_dict(), name)) return ufora::newref(b);
    return ufora::import_module(name);
  }

  Obj* brace() {
    eat('{');
    Ref d(ufora::new_dict());
    Ref s;
    while (!eat('}')) {
      Ref k(expr());
      if (!k) return nullptr;
      if (eat(':')) {
        Ref v(expr());
        if (!v || !ufora::dict_put(static_cast<ufora::DictObj*>(d.get()), k.get(), v.get())) return nullptr;
      } else {
        if (!s) s = Ref(ufora::new_set(ufora::Tag::Set));
        if (!ufora::set_add(static_cast<ufora::DictObj*>(s.get()), k.get())) return nullptr;
      }
      eat(',');
    }
    return s ? s.release() : d.release();
  }

  Obj* number() {
    size_t start = pos_;
    bool is_float = false;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
      } else if ((c == '-' || c == '+') && (s_[pos_ - 1] == 'e' || s_[pos_ - 1] == 'E')) {
      } else if (!std::isdigit(static_cast<unsigned char>(c))) {
        break;
      }
      ++pos_;
    }
    std::string text = s_.substr(start, pos_ - start);
    return is_float ? ufora::float_from_string(text) : ufora::int_from_string(text, 10);
  }

  Obj* string_literal() {
    char quote = s_[pos_++];
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      char c = s_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = s_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'x':
        case 'u': {
          int len = e == 'x' ? 2 : 4;
          out += ufora::utf8_encode(uint32_t(std::stoul(s_.substr(pos_, size_t(len)), nullptr, 16)));
          pos_ += size_t(len);
          break;
        }
        default: out += e;
      }
    }
    ++pos_;
    return ufora::new_str(out);
  }

  std::string s_;
  size_t pos_ = 0;
};

// "ExcName: message" for the pending exception, which is cleared.
inline std::string take_error_text() {
  Ref e(ufora::take_error());
  if (!e) return "<no exception set>";
  auto* inst = static_cast<ufora::InstanceObj*>(e.get());
  // str(KeyError(k)) is repr(k) in CPython.
  Obj* args = inst->get_attr("args");
  if (inst->cls == ufora::builtin_exception(ufora::ExcKind::KeyError) && args && ufora::items_of(args).size() == 1) {
    Ref r(ufora::op_repr(ufora::items_of(args)[0]));
    return inst->cls->name + ": " + ufora::str_of(r.get());
  }
  return inst->cls->name + ": " + ufora::exception_message(e.get());
}

// repr() of the value of `expr`, or "ExcName: message" when evaluating it raised.
inline std::string eval_repr(const std::string& expr) {
  Ref v(Parser(expr).parse());
  if (!v) return take_error_text();
  Ref r(ufora::op_repr(v.get()));
  if (!r) return take_error_text();
  return ufora::str_of(r.get());
}

// What evaluating `expr` writes to stdout (print), followed by the repr/error as above.
inline std::string eval_stdout(const std::string& expr) {
  std::fflush(stdout);
  FILE* tmp = std::tmpfile();
  int saved = dup(fileno(stdout));
  dup2(fileno(tmp), fileno(stdout));
  std::string result = eval_repr(expr);
  std::fflush(stdout);
  dup2(saved, fileno(stdout));
  close(saved);
  std::string out;
  std::rewind(tmp);
  for (int ch; (ch = std::fgetc(tmp)) != EOF;) out += char(ch);
  std::fclose(tmp);
  return out + "|" + result;
}

struct Case {
  const char* expr;
  const char* expected;  // CPython's repr of the result, or "ExcName: message"
};

template <size_t N>
void check_cases(const Case (&cases)[N]) {
  for (const Case& c : cases) {
    INFO(c.expr);
    CHECK(eval_repr(c.expr) == c.expected);
  }
}

}  // namespace builtins_test
