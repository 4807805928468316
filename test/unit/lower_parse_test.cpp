// Parse -> dump round trips: our AST printed in ast.dump format must equal
// what CPython 3.11's `ast.dump` prints for the same source (the expected
// strings were produced by /usr/bin/python3).
#include <catch2/catch.hpp>

#include "lower/dump_ast.h"
#include "lower/parse_python.h"

#include <atomic>
#include <thread>

using namespace ufora::lower;

namespace {
std::string dump(const std::string& src, bool spans) {
  return dump_ast(*parse_module(SourceFile("t.py", src)), spans);
}
}  // namespace

TEST_CASE("parse: binop precedence", "[lower][parse]") {
  CHECK(dump("x = 1 + 2 * 3 ** -4\n", false) ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1"
        "), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=BinOp(left=Constant(valu"
        "e=3), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=4))))))], type_ignores=[])");
}

TEST_CASE("parse: function with all parameter kinds", "[lower][parse]") {
  CHECK(dump("def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return a\n", false) ==
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(ar"
        "g='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, "
        "Constant(value=2)], kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Return(value="
        "Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_"
        "ignores=[])");
}

TEST_CASE("parse: async def and await", "[lower][parse]") {
  CHECK(dump("async def f():\n    await g()\n", false) ==
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs"
        "=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Call(func=Name(id='g', ctx"
        "=Load()), args=[], keywords=[])))], decorator_list=[])], type_ignores=[])");
}

TEST_CASE("parse: class with bases keywords decorators", "[lower][parse]") {
  CHECK(dump("@dec\nclass A(B, metaclass=M):\n    x: int = 1\n", false) ==
        "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='m"
        "etaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store"
        "()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], decorator"
        "_list=[Name(id='dec', ctx=Load())])], type_ignores=[])");
}

TEST_CASE("parse: comprehensions", "[lower][parse]") {
  CHECK(dump("a = [x for x in y if x]\nb = {k: v for k, v in d}\nc = {x for x in y}\nd = (x async for x in y)\n", false) ==
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=ListComp(elt=Name(id='x', c"
        "tx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
        "ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0)])), Assign(targets=[Name(id='b', "
        "ctx=Store())], value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load())"
        ", generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx"
        "=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), Assign(ta"
        "rgets=[Name(id='c', ctx=Store())], value=SetComp(elt=Name(id='x', ctx=Load()), generators="
        "[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is"
        "_async=0)])), Assign(targets=[Name(id='d', ctx=Store())], value=GeneratorExp(elt=Name(id='"
        "x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id="
        "'y', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[])");
}

TEST_CASE("parse: call with star args and keywords", "[lower][parse]") {
  CHECK(dump("f(a, *b, c=1, **d)\n", false) ==
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())"
        ", Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=C"
        "onstant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])");
}

TEST_CASE("parse: dict with unpacking", "[lower][parse]") {
  CHECK(dump("d = {**a, 'k': 1}\n", false) ==
        "Module(body=[Assign(targets=[Name(id='d', ctx=Store())], value=Dict(keys=[None, Constant(v"
        "alue='k')], values=[Name(id='a', ctx=Load()), Constant(value=1)]))], type_ignores=[])");
}

TEST_CASE("parse: compare chain and boolop", "[lower][parse]") {
  CHECK(dump("r = a < b <= c is not d and not e or f\n", false) ==
        "Module(body=[Assign(targets=[Name(id='r', ctx=Store())], value=BoolOp(op=Or(), values=[Boo"
        "lOp(op=And(), values=[Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), IsNot()], c"
        "omparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])"
        ", UnaryOp(op=Not(), operand=Name(id='e', ctx=Load()))]), Name(id='f', ctx=Load())]))], typ"
        "e_ignores=[])");
}

TEST_CASE("parse: f-string", "[lower][parse]") {
  CHECK(dump("s = f'{x!r:>{w}} {y=}'\n", false) ==
        "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatted"
        "Value(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Consta"
        "nt(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant("
        "value=' y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))], type_ign"
        "ores=[])");
}

TEST_CASE("parse: constants", "[lower][parse]") {
  CHECK(dump("c = (None, True, False, ..., 0.1, 1e16, 2j, 'it\\'s', b'\\x00', 10**100, 123456789012345678901234567890)\n", false) ==
        "Module(body=[Assign(targets=[Name(id='c', ctx=Store())], value=Tuple(elts=[Constant(value="
        "None), Constant(value=True), Constant(value=False), Constant(value=Ellipsis), Constant(val"
        "ue=0.1), Constant(value=1e+16), Constant(value=2j), Constant(value=\"it's\"), Constant(value"
        "=b'\\x00'), BinOp(left=Constant(value=10), op=Pow(), right=Constant(value=100)), Constant(v"
        "alue=123456789012345678901234567890)], ctx=Load()))], type_ignores=[])");
}

TEST_CASE("parse: try except else finally and raise from", "[lower][parse]") {
  CHECK(dump("try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n", false) ==
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx="
        "Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Raise(exc=Name(id='X', ct"
        "x=Load()), cause=Name(id='e', ctx=Load()))]), ExceptHandler(body=[Raise()])], orelse=[Pass"
        "()], finalbody=[Pass()])], type_ignores=[])");
}

TEST_CASE("parse: try star", "[lower][parse]") {
  CHECK(dump("try:\n    pass\nexcept* E:\n    pass\n", false) ==
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()),"
        " body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])");
}

TEST_CASE("parse: with and for else and while", "[lower][parse]") {
  CHECK(dump("with a as b, c:\n    for i in r:\n        break\n    else:\n        pass\nwhile x:\n    pass\n", false) ==
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Nam"
        "e(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[For(targe"
        "t=Name(id='i', ctx=Store()), iter=Name(id='r', ctx=Load()), body=[Break()], orelse=[Pass()"
        "])]), While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])");
}

TEST_CASE("parse: imports", "[lower][parse]") {
  CHECK(dump("import a.b as c, d\nfrom .. import e\nfrom f.g import *\n", false) ==
        "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(na"
        "mes=[alias(name='e')], level=2), ImportFrom(module='f.g', names=[alias(name='*')], level=0"
        ")], type_ignores=[])");
}

TEST_CASE("parse: global nonlocal del assert", "[lower][parse]") {
  CHECK(dump("def f():\n    global g\n    k = 0\n    def h():\n        nonlocal k\n    del a[0], b.c\n    assert x, 'm'\n", false) ==
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
        "kw_defaults=[], defaults=[]), body=[Global(names=['g']), Assign(targets=[Name(id='k', ctx="
        "Store())], value=Constant(value=0)), FunctionDef(name='h', args=arguments(posonlyargs=[], "
        "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['k'])], decora"
        "tor_list=[]), Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(val"
        "ue=0), ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del())]), Asser"
        "t(test=Name(id='x', ctx=Load()), msg=Constant(value='m'))], decorator_list=[])], type_igno"
        "res=[])");
}

TEST_CASE("parse: augassign annassign walrus slice lambda ifexp", "[lower][parse]") {
  CHECK(dump("x += 1\ny: int\nif (n := 10) > 5: pass\nz = s[1:2, ::3]\nl = lambda a=1, *, b: a if b else -a\n", false) ==
        "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)"
        "), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), simp"
        "le=1), If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Constant(val"
        "ue=10)), ops=[Gt()], comparators=[Constant(value=5)]), body=[Pass()], orelse=[]), Assign(t"
        "argets=[Name(id='z', ctx=Store())], value=Subscript(value=Name(id='s', ctx=Load()), slice="
        "Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(v"
        "alue=3))], ctx=Load()), ctx=Load())), Assign(targets=[Name(id='l', ctx=Store())], value=La"
        "mbda(args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[arg(arg='b')], kw_def"
        "aults=[None], defaults=[Constant(value=1)]), body=IfExp(test=Name(id='b', ctx=Load()), bod"
        "y=Name(id='a', ctx=Load()), orelse=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())))))"
        "], type_ignores=[])");
}

TEST_CASE("parse: generators", "[lower][parse]") {
  CHECK(dump("def g():\n    yield\n    yield 1\n    yield from h()\n    x = yield\n", false) ==
        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
        "kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Constant(v"
        "alue=1))), Expr(value=YieldFrom(value=Call(func=Name(id='h', ctx=Load()), args=[], keyword"
        "s=[]))), Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], decorator_list=[])],"
        " type_ignores=[])");
}

TEST_CASE("parse: spans of statements and expressions", "[lower][parse]") {
  CHECK(dump("def f(x):\n    return x + 1\n", true) ==
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x', linen"
        "o=1, col_offset=6, end_lineno=1, end_col_offset=7)], kwonlyargs=[], kw_defaults=[], defaul"
        "ts=[]), body=[Return(value=BinOp(left=Name(id='x', ctx=Load(), lineno=2, col_offset=11, en"
        "d_lineno=2, end_col_offset=12), op=Add(), right=Constant(value=1, lineno=2, col_offset=15,"
        " end_lineno=2, end_col_offset=16), lineno=2, col_offset=11, end_lineno=2, end_col_offset=1"
        "6), lineno=2, col_offset=4, end_lineno=2, end_col_offset=16)], decorator_list=[], lineno=1"
        ", col_offset=0, end_lineno=2, end_col_offset=16)], type_ignores=[])");
}

TEST_CASE("parse: spans with unicode (bytes, not chars)", "[lower][parse]") {
  CHECK(dump("s = 'é' + t\n", true) ==
        "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno="
        "1, end_col_offset=1)], value=BinOp(left=Constant(value='é', lineno=1, col_offset=4, end_li"
        "neno=1, end_col_offset=8), op=Add(), right=Name(id='t', ctx=Load(), lineno=1, col_offset=1"
        "1, end_lineno=1, end_col_offset=12), lineno=1, col_offset=4, end_lineno=1, end_col_offset="
        "12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[])");
}

TEST_CASE("parse: big int literal keeps its digits", "[lower][parse]") {
  auto m = parse_module(SourceFile("t.py", "x = 123456789012345678901234567890\ny = 42\n"));
  auto& big = cast<Constant>(*cast<Assign>(*m->body[0]).value);
  CHECK(big.value_kind == ConstKind::Int);
  CHECK(big.text == "123456789012345678901234567890");
  CHECK_FALSE(big.fits_int64);
  auto& small = cast<Constant>(*cast<Assign>(*m->body[1]).value);
  CHECK(small.fits_int64);
  CHECK(small.int_value == 42);
}

TEST_CASE("parse: match is kept with the names its patterns bind", "[lower][parse]") {
  auto m = parse_module(SourceFile("t.py", "match p:\n    case [a, *rest] if a:\n        pass\n    case {'k': v, **kw}:\n        pass\n"));
  auto& match = cast<Match>(*m->body[0]);
  REQUIRE(match.cases.size() == 2);
  CHECK(match.cases[0].bound_names == std::vector<std::string>{"a", "rest"});
  CHECK(match.cases[1].bound_names == std::vector<std::string>{"v", "kw"});
  CHECK(match.cases[0].guard != nullptr);
  CHECK(match.span == Span{1, 0, 5, 12});
}

TEST_CASE("parse: strings are UTF-8 and spans count bytes", "[lower][parse]") {
  auto m = parse_module(SourceFile("t.py", "s = 'h\\u00e9llo'\nt = é\n"));
  CHECK(cast<Constant>(*cast<Assign>(*m->body[0]).value).text == "h\xc3\xa9llo");
  CHECK(cast<Assign>(*m->body[1]).value->span == Span{2, 4, 2, 6});
}

TEST_CASE("parse: parsing works from several threads", "[lower][parse]") {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k)
        if (parse_module(SourceFile("t.py", "def f(x):\n    return x * 2\n"))->body.size() == 1) ++ok;
    });
  for (auto& t : threads) t.join();
  CHECK(ok == 80);
}
