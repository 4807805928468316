// Helpers shared by the number tests. Tables generated with CPython encode values as text:
//   "i:<decimal>"  an int (Int or BigInt),      "b:0" / "b:1"  a bool,
//   "f:<16 hex digits>"  a float by its bits,     "f:nan"  any nan,
//   "t:<a>|<b>"  a tuple,   "NI"  NotImplemented,   "E:<ExceptionClass>:<message>"  an error.
#pragma once

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <string_view>

#include "values/bigint.h"
#include "values/class_obj.h"
#include "values/exception_state.h"
#include "values/number_ops.h"

namespace number_test {

using ufora::Obj;

struct NumberCase {
  const char* op;
  const char* a;
  const char* b;
  const char* expected;
};

// Operations other than the binary operators: `op` names the function under test.
struct MiscCase {
  const char* op;
  const char* a;
  const char* b;
  const char* c;
  const char* expected;
};

inline Obj* make_float(double d) { return ufora::new_float(d); }

// Builds the value a token describes (new reference). Ints are built through cpp_int's own
// parser, so the code under test does not check itself.
inline Obj* decode(std::string_view token) {
  std::string body(token.substr(2));
  switch (token[0]) {
    case 'i':
      return ufora::new_int_big(ufora::cpp_int(body));
    case 'b':
      return ufora::new_bool(body == "1");
    case 'f': {
      if (body == "nan") return make_float(__builtin_nan(""));
      uint64_t bits = std::stoull(body, nullptr, 16);
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return make_float(d);
    }
    case 'N':
      return ufora::newref(ufora::none());
    default:
      FAIL("bad token " << token);
      return nullptr;
  }
}

inline std::string encode_value(Obj* o) {
  using ufora::Tag;
  switch (o->tag) {
    case Tag::Bool:
      return static_cast<ufora::BoolObj*>(o)->v ? "b:1" : "b:0";
    case Tag::Int:
      return "i:" + std::to_string(static_cast<ufora::IntObj*>(o)->v);
    case Tag::BigInt: {
      int64_t unused;
      if (ufora::cpp_int_fits_i64(ufora::bigint_value(o), &unused)) return "BigInt holding a small value";
      return "i:" + ufora::bigint_value(o).str();
    }
    case Tag::Float: {
      double d = static_cast<ufora::FloatObj*>(o)->v;
      if (d != d) return "f:nan";
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      char buf[32];
      std::snprintf(buf, sizeof buf, "f:%016llx", static_cast<unsigned long long>(bits));
      return buf;
    }
    case Tag::Tuple: {
      std::string s = "t:";
      for (size_t i = 0; i < ufora::items_of(o).size(); ++i) {
        if (i) s += "|";
        s += encode_value(ufora::items_of(o)[i]);
      }
      return s;
    }
    case Tag::NotImplemented:
      return "NI";
    default:
      return "unexpected object";
  }
}

// Encodes a result (steals it); nullptr takes and encodes the pending exception.
inline std::string describe(Obj* result) {
  if (!result) {
    Obj* exc = ufora::take_error();
    if (!exc) return "nullptr without an exception";
    std::string s = "E:" + static_cast<ufora::InstanceObj*>(exc)->cls->name + ":" + ufora::exception_message(exc);
    ufora::decref(exc);
    return s;
  }
  if (ufora::error_pending()) {
    ufora::clear_error();
    ufora::decref(result);
    return "result with an exception pending";
  }
  std::string s = encode_value(result);
  ufora::decref(result);
  return s;
}

inline std::string describe_value(std::string_view token) { return describe(decode(token)); }

inline ufora::BinaryOp binary_op_named(std::string_view name) {
  using ufora::BinaryOp;
  static const std::pair<const char*, BinaryOp> kOps[] = {
      {"add", BinaryOp::Add},       {"sub", BinaryOp::Sub},       {"mul", BinaryOp::Mul},
      {"matmul", BinaryOp::MatMul}, {"truediv", BinaryOp::TrueDiv}, {"floordiv", BinaryOp::FloorDiv},
      {"mod", BinaryOp::Mod},       {"pow", BinaryOp::Pow},       {"lshift", BinaryOp::LShift},
      {"rshift", BinaryOp::RShift}, {"and", BinaryOp::BitAnd},    {"or", BinaryOp::BitOr},
      {"xor", BinaryOp::BitXor},
  };
  for (auto& [n, op] : kOps) {
    if (name == n) return op;
  }
  FAIL("bad op " << name);
  return BinaryOp::Add;
}

// Runs each case and reports every mismatch (one CHECK per case).
inline void check_binary_table(const NumberCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const NumberCase& c = cases[i];
    ufora::Ref a(decode(c.a)), b(decode(c.b));
    INFO("case " << i << ": " << c.op << " " << c.a << " " << c.b);
    CHECK(describe(ufora::number_binary(binary_op_named(c.op), a.get(), b.get())) == c.expected);
  }
}

inline std::string f(double d) {  // the token of a float
  return encode_value(ufora::Ref(make_float(d)).get());
}

inline std::string compare_bits(Obj* a, Obj* b) {
  using ufora::CompareOp;
  std::string bits;
  for (CompareOp op : {CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le, CompareOp::Gt, CompareOp::Ge}) {
    int r = ufora::number_compare(op, a, b);
    bits += r == 1 ? '1' : r == 0 ? '0' : '?';
  }
  return bits;
}

// Text result or the pending error, for functions returning std::string.
inline std::string describe_text(std::string text) {
  if (ufora::error_pending()) return describe(nullptr);
  return text;
}

inline std::string run_misc(const MiscCase& c) {
  using namespace ufora;
  std::string op = c.op;
  if (op == "int_parse") return describe(int_from_string(c.a, std::stoi(c.b)));
  if (op == "float_parse") return describe(float_from_string(c.a));
  Ref a(decode(c.a));
  if (op == "cmp") return compare_bits(a.get(), Ref(decode(c.b)).get());
  if (op == "hash") return std::to_string(number_hash(a.get()));
  if (op == "to_double") {
    bool overflow = false;
    double d = int_to_double(a.get(), &overflow);
    return overflow ? "overflow" : f(d);
  }
  if (op == "float_to_int") return describe(float_to_int(static_cast<FloatObj*>(a.get())->v));
  if (op == "to_string") return describe_text(int_to_string(a.get(), std::stoi(c.b)));
  if (op == "round") {
    if (c.b[0] == 0) return describe(number_round(a.get(), nullptr));
    if (c.b[0] == 'N') return describe(number_round(a.get(), none()));
    return describe(number_round(a.get(), Ref(decode(c.b)).get()));
  }
  if (op == "divmod") return describe(number_divmod(a.get(), Ref(decode(c.b)).get()));
  if (op == "pow_mod") return describe(number_pow_mod(a.get(), Ref(decode(c.b)).get(), Ref(decode(c.c)).get()));
  if (op == "abs") return describe(number_abs(a.get()));
  if (op == "neg") return describe(number_unary(UnaryOp::Neg, a.get()));
  if (op == "pos") return describe(number_unary(UnaryOp::Pos, a.get()));
  if (op == "invert") return describe(number_unary(UnaryOp::Invert, a.get()));
  if (op == "floor") return describe(math_floor(a.get()));
  if (op == "ceil") return describe(math_ceil(a.get()));
  if (op == "isqrt") return describe(math_isqrt(a.get()));
  if (op == "is_integer") return float_is_integer(static_cast<FloatObj*>(a.get())->v) ? "True" : "False";
  FAIL("unknown operation " << op);
  return "";
}

inline void check_misc_table(const MiscCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const MiscCase& c = cases[i];
    INFO("case " << i << ": " << c.op << " " << c.a << " " << c.b << " " << c.c);
    CHECK(run_misc(c) == c.expected);
  }
}

// a <op> b for tests written by hand: operands and result as tokens.
inline std::string binary(ufora::BinaryOp op, std::string_view a, std::string_view b) {
  ufora::Ref x(decode(a)), y(decode(b));
  return describe(ufora::number_binary(op, x.get(), y.get()));
}

}  // namespace number_test
