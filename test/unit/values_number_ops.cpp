// Hand-written number cases: representation invariants, reference counts, messages and the
// cases the generated tables cannot hold (huge texts, NUL bytes, non-number operands).
// Expected values come from /usr/bin/python3 (CPython 3.11).
#include <cmath>
#include <limits>

#include "values_number_support.h"

using namespace ufora;
using number_test::binary;
using number_test::decode;
using number_test::describe;
using number_test::f;

namespace {

std::string str_parse_int(std::string_view text, int base) { return describe(int_from_string(text, base)); }

std::string big(const char* decimal) { return std::string("i:") + decimal; }

}  // namespace

TEST_CASE("new_int_big normalises to IntObj exactly when the value fits", "[values][number]") {
  Ref a(new_int_big(cpp_int(std::numeric_limits<int64_t>::max())));
  CHECK(a->tag == Tag::Int);
  Ref b(new_int_big(cpp_int(std::numeric_limits<int64_t>::min())));
  CHECK(b->tag == Tag::Int);
  CHECK(static_cast<IntObj*>(b.get())->v == std::numeric_limits<int64_t>::min());
  Ref c(new_int_big(cpp_int(std::numeric_limits<int64_t>::max()) + 1));
  CHECK(c->tag == Tag::BigInt);
  Ref d(new_int_big(cpp_int(std::numeric_limits<int64_t>::min()) - 1));
  CHECK(d->tag == Tag::BigInt);
  // A big result that shrinks back into range comes back as an IntObj.
  Ref x(new_int_big(cpp_int(1) << 64)), y(new_int_big((cpp_int(1) << 64) - 5));
  Ref diff(number_binary(BinaryOp::Sub, x.get(), y.get()));
  REQUIRE(diff->tag == Tag::Int);
  CHECK(static_cast<IntObj*>(diff.get())->v == 5);
}

TEST_CASE("number operations return new references and NotImplemented for non-numbers", "[values][number]") {
  Ref s(new_str("x")), one(new_int(1000)), half(new_float(0.5));
  int64_t ni_count = not_implemented()->refcount;
  Obj* r = number_binary(BinaryOp::Add, s.get(), one.get());
  CHECK(r == not_implemented());
  CHECK(not_implemented()->refcount == ni_count + 1);
  decref(r);
  CHECK(describe(number_binary(BinaryOp::MatMul, one.get(), one.get())) == "NI");
  CHECK(describe(number_binary(BinaryOp::BitAnd, half.get(), one.get())) == "NI");
  CHECK(describe(number_binary(BinaryOp::LShift, one.get(), half.get())) == "NI");
  CHECK(describe(number_unary(UnaryOp::Invert, half.get())) == "NI");
  CHECK(describe(number_unary(UnaryOp::Not, one.get())) == "NI");
  CHECK(describe(number_unary(UnaryOp::Neg, s.get())) == "NI");
  CHECK(describe(number_divmod(one.get(), s.get())) == "NI");
  CHECK(describe(number_abs(s.get())) == "NI");
  CHECK(describe(number_round(s.get(), nullptr)) == "NI");
  CHECK(describe(math_floor(s.get())) == "NI");
  CHECK(number_compare(CompareOp::Eq, one.get(), s.get()) == -2);
  CHECK(number_compare(CompareOp::Lt, none(), one.get()) == -2);
  CHECK(number_hash(s.get()) == -1);
  // +x of a float or a BigInt may return the operand itself, with a new count.
  int64_t count = half->refcount;
  Obj* p = number_unary(UnaryOp::Pos, half.get());
  CHECK(half->refcount == count + 1);
  decref(p);
  CHECK(half->refcount == count);
  CHECK(one->refcount == 1);  // operands are borrowed
}

TEST_CASE("bool arithmetic acts as int except for bitwise bool results", "[values][number]") {
  CHECK(binary(BinaryOp::BitAnd, "b:1", "b:1") == "b:1");
  CHECK(binary(BinaryOp::BitXor, "b:1", "b:1") == "b:0");
  CHECK(binary(BinaryOp::BitOr, "b:0", "b:1") == "b:1");
  CHECK(binary(BinaryOp::BitOr, "b:0", "i:1") == "i:1");
  CHECK(binary(BinaryOp::Add, "b:1", "b:1") == "i:2");
  CHECK(binary(BinaryOp::TrueDiv, "b:1", "i:2") == f(0.5));
  Ref t(new_bool(true));
  CHECK(describe(number_unary(UnaryOp::Neg, t.get())) == "i:-1");
  CHECK(describe(number_unary(UnaryOp::Pos, t.get())) == "i:1");
  CHECK(describe(number_unary(UnaryOp::Invert, t.get())) == "i:-2");
  CHECK(number_hash(t.get()) == 1);
}

TEST_CASE("int64 boundaries overflow into BigInt and back", "[values][number]") {
  const std::string max = "i:9223372036854775807", min = "i:-9223372036854775808";
  CHECK(binary(BinaryOp::Add, max, "i:1") == big("9223372036854775808"));
  CHECK(binary(BinaryOp::Sub, min, "i:1") == big("-9223372036854775809"));
  CHECK(binary(BinaryOp::Mul, "i:3037000500", "i:3037000500") == big("9223372037000250000"));
  CHECK(binary(BinaryOp::FloorDiv, min, "i:-1") == big("9223372036854775808"));
  CHECK(binary(BinaryOp::Mod, min, "i:-1") == "i:0");
  CHECK(binary(BinaryOp::Pow, "i:2", "i:63") == big("9223372036854775808"));
  CHECK(binary(BinaryOp::Pow, "i:-2", "i:63") == min);
  CHECK(binary(BinaryOp::LShift, "i:1", "i:63") == big("9223372036854775808"));
  CHECK(binary(BinaryOp::LShift, "i:-1", "i:63") == min);
  CHECK(binary(BinaryOp::RShift, min, "i:1000") == "i:-1");
  Ref m(decode(min));
  CHECK(describe(number_unary(UnaryOp::Neg, m.get())) == big("9223372036854775808"));
  CHECK(describe(number_abs(m.get())) == big("9223372036854775808"));
  CHECK(describe(number_unary(UnaryOp::Invert, m.get())) == max);
  CHECK(describe(number_divmod(m.get(), Ref(new_int(-1)).get())) == "t:i:9223372036854775808|i:0");
}

TEST_CASE("results too large to allocate raise OverflowError", "[values][number]") {
  CHECK(binary(BinaryOp::Pow, "i:2", "i:1000000000000") == "E:OverflowError:too many digits in integer");
  CHECK(binary(BinaryOp::Pow, "i:2", "i:1000000000000000000000000") == "E:OverflowError:too many digits in integer");
  CHECK(binary(BinaryOp::LShift, "i:1", "i:1099511627776") == "E:OverflowError:too many digits in integer");
  CHECK(binary(BinaryOp::LShift, "i:0", "i:1000000000000000000000000") == "i:0");
  CHECK(binary(BinaryOp::RShift, "i:-5", "i:1000000000000000000000000") == "i:-1");
  CHECK(binary(BinaryOp::Pow, "i:-1", "i:1000000000000000000000001") == "i:-1");
  CHECK(binary(BinaryOp::Pow, "i:0", "i:1000000000000000000000001") == "i:0");
}

TEST_CASE("float floor division corrects the rounding of its quotient", "[values][number]") {
  // (a - fmod(a, b)) / b rounds to just below an integer here; CPython rounds it back up.
  CHECK(binary(BinaryOp::FloorDiv, f(2.550690257394217), f(0.7)) == f(3.0));
  CHECK(binary(BinaryOp::FloorDiv, f(4.3276706790505335), f(0.1)) == f(43.0));
  CHECK(describe(number_divmod(Ref(new_float(4.3276706790505335)).get(), Ref(new_float(0.1)).get())) ==
        "t:" + f(43.0) + "|" + f(0.027670679050533248));
  CHECK(binary(BinaryOp::FloorDiv, f(1.0), f(0.1)) == f(9.0));
  CHECK(binary(BinaryOp::Mod, f(1.0), f(0.1)) == f(0.09999999999999995));
  CHECK(binary(BinaryOp::FloorDiv, f(-1.0), f(0.1)) == f(-10.0));
}

TEST_CASE("int() text limits and inputs the tables cannot hold", "[values][number]") {
  std::string limit_msg =
      "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use "
      "sys.set_int_max_str_digits() to increase the limit";
  CHECK(str_parse_int(std::string(4300, '7'), 10) == "i:" + std::string(4300, '7'));
  CHECK(str_parse_int(std::string(4301, '1'), 10) == limit_msg);
  CHECK(str_parse_int(std::string(4301, '0'), 10) == limit_msg);
  CHECK(str_parse_int("-" + std::string(4301, '1'), 10) == limit_msg);
  CHECK(str_parse_int(" " + std::string(4300, '0') + "1", 10) == limit_msg);
  CHECK(str_parse_int(std::string(4301, '1'), 7) == limit_msg);
  std::string underscored;
  for (int i = 0; i < 4300; ++i) underscored += "1_";
  CHECK(str_parse_int(underscored + "1", 10) == limit_msg);
  // The limit comes before trailing junk and the base-0 leading-zero rule, but after a bad '_'.
  std::string ones(5000, '1');
  std::string msg5000 = "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
                        "digits; use sys.set_int_max_str_digits() to increase the limit";
  CHECK(str_parse_int(ones + "x", 10) == msg5000);
  CHECK(str_parse_int("08" + std::string(4998, '1'), 0) == msg5000);
  CHECK(str_parse_int("1__" + ones, 10).rfind("E:ValueError:invalid literal for int() with base 10: '1__111", 0) == 0);
  CHECK(str_parse_int(ones + "_", 10).rfind("E:ValueError:invalid literal", 0) == 0);
  // Power-of-two bases have no limit.
  Ref hex(int_from_string(std::string(4301, 'f'), 16));
  REQUIRE(hex);
  CHECK(bigint_value(hex.get()) == (cpp_int(1) << (4 * 4301)) - 1);
  // The limit can be lifted, as with sys.set_int_max_str_digits(0).
  set_int_max_str_digits(0);
  Ref lifted(int_from_string(ones, 10));
  std::string text = lifted ? int_to_string(lifted.get(), 10) : "";
  set_int_max_str_digits(4300);
  CHECK(text == ones);
  CHECK(int_max_str_digits() == 4300);
  // Decimal digits of any script, zeros included (U+0660, U+1D7CE: zeros of their runs).
  CHECK(str_parse_int("\u0660\u0661", 10) == "i:1");
  CHECK(str_parse_int("\U0001D7CE\U0001D7D9", 10) == "i:1");
  CHECK(describe(float_from_string("\u0660.5")) == f(0.5));
  // Error messages quote the text with repr(): non-printable code points are escaped.
  CHECK(str_parse_int("x\u0378", 10) == "E:ValueError:invalid literal for int() with base 10: 'x\\u0378'");
  CHECK(str_parse_int("\U000E0001", 10) == "E:ValueError:invalid literal for int() with base 10: '\\U000e0001'");
  CHECK(describe(float_from_string("\u00ad\u061c")) == "E:ValueError:could not convert string to float: '\\xad\\u061c'");
  CHECK(describe(float_from_string("\U0001F600!")) == "E:ValueError:could not convert string to float: '\U0001F600!'");
  // An embedded NUL is just an invalid character.
  CHECK(str_parse_int(std::string_view("1\0", 2), 10) == "E:ValueError:invalid literal for int() with base 10: '1\\x00'");
}

TEST_CASE("str() of ints honours the digit limit", "[values][number]") {
  cpp_int p = boost::multiprecision::pow(cpp_int(10), 4300);
  Ref below(new_int_big(p - 1)), at(new_int_big(p)), neg(new_int_big(-p + 1));
  CHECK(int_to_string(below.get(), 10) == std::string(4300, '9'));
  CHECK(int_to_string(neg.get(), 10) == "-" + std::string(4300, '9'));
  CHECK(int_to_string(at.get(), 10).empty());
  CHECK(describe(nullptr) ==
        "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit");
  CHECK(int_to_string(at.get(), 16).size() == 3572);  // hex(10**4300) has no limit
  CHECK_FALSE(error_pending());
}

TEST_CASE("round() argument handling", "[values][number]") {
  Ref five(new_int(5)), x(new_float(2.675)), s(new_str("x"));
  CHECK(describe(number_round(five.get(), s.get())) == "E:TypeError:'str' object cannot be interpreted as an integer");
  CHECK(describe(number_round(x.get(), Ref(new_float(2.0)).get())) ==
        "E:TypeError:'float' object cannot be interpreted as an integer");
  CHECK(describe(number_round(x.get(), none())) == "i:3");
  CHECK(describe(number_round(x.get(), Ref(new_int(2)).get())) == f(2.67));
  // CPython computes 10**(10**30) here and never returns; every int rounds to 0 at that scale.
  CHECK(describe(number_round(five.get(), Ref(decode("i:-1000000000000000000000000000000")).get())) == "i:0");
  CHECK(describe(math_isqrt(s.get())) == "E:TypeError:'str' object cannot be interpreted as an integer");
}

TEST_CASE("int and float conversions at the edges", "[values][number]") {
  bool overflow = false;
  Ref huge(new_int_big(cpp_int(1) << 1024));
  CHECK(int_to_double(huge.get(), &overflow) == 0.0);
  CHECK(overflow);
  double d = 0;
  CHECK_FALSE(number_as_double(huge.get(), &d));
  CHECK(describe(nullptr) == "E:OverflowError:int too large to convert to float");
  CHECK(describe(float_to_int(-0.0)) == "i:0");
  CHECK(describe(float_to_int(9.223372036854775807e18)) == big("9223372036854775808"));
  CHECK(describe(float_to_int(-9.223372036854775807e18)) == "i:-9223372036854775808");
  CHECK(describe(float_to_int(1e300)).size() == 303);
  CHECK(float_is_integer(1e300));
  CHECK_FALSE(float_is_integer(0.5));
  CHECK_FALSE(float_is_integer(HUGE_VAL));
  CHECK_FALSE(float_is_integer(std::nan("")));
  Ref nan_text(float_from_string("-nan"));
  CHECK(std::signbit(static_cast<FloatObj*>(nan_text.get())->v));  // float('-nan') keeps its sign
}
