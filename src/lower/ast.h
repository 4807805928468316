// libufora's own C++ AST for Python 3.11 source.
//
// It mirrors CPython's `ast` module closely (same node names and field names)
// so that anyone who knows `ast.dump` can read it, but it owns its data: once
// parse_module() returns, nothing refers to CPython any more.
//
// Layout: three node families (Stmt, Expr, Module) share the base `Node`,
// which carries the source Span. Each family has an enum class Kind; every
// concrete struct names its kind in `kKind` so that isa/cast/dyn_cast below
// can check it. Children are owned by std::unique_ptr; an optional child is a
// null pointer. Helper records that are not statements or expressions
// (Arg, Keyword, Alias, ...) are plain structs held by value.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <typeinfo>
#include <vector>

#include "lower/source.h"

namespace ufora::lower {

// ---------------------------------------------------------------- operators

enum class BinOpKind {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryKind { Invert, Not, UAdd, USub };
enum class CmpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolKind { And, Or };
// Whether a Name/Attribute/Subscript/Starred/List/Tuple is read, bound or deleted.
enum class ExprContext { Load, Store, Del };

// CPython's class name of each operator ("Add", "NotIn", ...), and Python's
// spelling of it ("+", "not in", ...) for messages.
const char* to_string(BinOpKind k);
const char* to_string(UnaryKind k);
const char* to_string(CmpKind k);
const char* to_string(BoolKind k);
const char* to_string(ExprContext k);
const char* op_symbol(BinOpKind k);
const char* op_symbol(CmpKind k);

// ---------------------------------------------------------------- base

// Common base of every node; scope tables and diagnostics key on `const Node*`.
struct Node {
  Span span;
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  virtual ~Node() = default;
};

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue, Match
};

const char* to_string(ExprKind k);
const char* to_string(StmtKind k);

// Base of all expressions.
struct Expr : Node {
  const ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

// Base of all statements.
struct Stmt : Node {
  const StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

// LLVM-style checked downcasts: isa<Name>(e), cast<Name>(e) (asserts the kind),
// dyn_cast<Name>(e) (null when the kind differs). Work on Expr and Stmt.
template <class T, class B>
bool isa(const B* n) {
  return n != nullptr && n->kind == T::kKind;
}
template <class T, class B>
const T* dyn_cast(const B* n) {
  return isa<T>(n) ? static_cast<const T*>(n) : nullptr;
}
template <class T, class B>
T* dyn_cast(B* n) {
  return isa<T>(n) ? static_cast<T*>(n) : nullptr;
}
template <class T, class B>
const T& cast(const B& n) {
  if (n.kind != T::kKind) throw std::bad_cast();
  return static_cast<const T&>(n);
}
template <class T, class B>
T& cast(B& n) {
  if (n.kind != T::kKind) throw std::bad_cast();
  return static_cast<T&>(n);
}

// ---------------------------------------------------------------- helper records

// One formal parameter (`x: int`). annotation may be null.
struct Arg {
  Span span;
  std::string name;
  ExprPtr annotation;
};

// A full parameter list: `def f(posonly, /, args, *vararg, kwonly, **kwarg)`.
// defaults align with the *last* entries of posonly+args; kw_defaults has one
// entry per kwonly parameter, null where that parameter has no default.
struct Arguments {
  std::vector<Arg> posonly;
  std::vector<Arg> args;
  std::unique_ptr<Arg> vararg;
  std::vector<Arg> kwonly;
  ExprList kw_defaults;
  std::unique_ptr<Arg> kwarg;
  ExprList defaults;
};

// `name=value` in a call or class header; arg is nullopt for `**value`.
struct Keyword {
  Span span;
  std::optional<std::string> arg;
  ExprPtr value;
};

// `name as asname` in an import; name may be dotted ("os.path").
struct Alias {
  Span span;
  std::string name;
  std::optional<std::string> asname;
};

// One `ctx as target` of a with statement; optional_vars may be null.
struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;
};

// `except type as name: body`; type null for a bare except, name nullopt without `as`.
struct ExceptHandler {
  Span span;
  ExprPtr type;
  std::optional<std::string> name;
  StmtList body;
};

// One `for target in iter if ifs...` clause of a comprehension.
struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  bool is_async = false;
};

// One `case` of a match statement. Patterns are not represented (match is
// unsupported by the compiler); we keep the names the pattern binds so that
// scope analysis stays right, plus the guard and body.
struct MatchCase {
  Span pattern_span;
  std::vector<std::string> bound_names;
  ExprPtr guard;
  StmtList body;
};

// ---------------------------------------------------------------- module

// A whole source file: the root of the tree and the outermost (global) scope.
struct Module : Node {
  StmtList body;
};

// ---------------------------------------------------------------- statements

// `def name(args) -> returns: body` with decorators, or `async def` when is_async.
struct FunctionDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::FunctionDef;
  FunctionDef() : Stmt(kKind) {}
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorators;
  ExprPtr returns;  // return annotation, may be null
  bool is_async = false;
};

// `class name(bases, keywords): body` with decorators.
struct ClassDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::ClassDef;
  ClassDef() : Stmt(kKind) {}
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  StmtList body;
  ExprList decorators;
};

// `return value` (value null for a bare return).
struct Return : Stmt {
  static constexpr StmtKind kKind = StmtKind::Return;
  Return() : Stmt(kKind) {}
  ExprPtr value;
};

// `del targets` (targets have ExprContext::Del).
struct Delete : Stmt {
  static constexpr StmtKind kKind = StmtKind::Delete;
  Delete() : Stmt(kKind) {}
  ExprList targets;
};

// `t1 = t2 = value`: several targets share one value, evaluated once.
struct Assign : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assign;
  Assign() : Stmt(kKind) {}
  ExprList targets;
  ExprPtr value;
};

// `target op= value`.
struct AugAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AugAssign;
  AugAssign() : Stmt(kKind) {}
  ExprPtr target;
  BinOpKind op = BinOpKind::Add;
  ExprPtr value;
};

// `target: annotation = value` (value may be null). simple is true when the
// target is a plain name not in parentheses.
struct AnnAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AnnAssign;
  AnnAssign() : Stmt(kKind) {}
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;
  bool simple = true;
};

// `for target in iter: body else: orelse` (`async for` when is_async).
struct For : Stmt {
  static constexpr StmtKind kKind = StmtKind::For;
  For() : Stmt(kKind) {}
  ExprPtr target;
  ExprPtr iter;
  StmtList body;
  StmtList orelse;
  bool is_async = false;
};

// `while test: body else: orelse`.
struct While : Stmt {
  static constexpr StmtKind kKind = StmtKind::While;
  While() : Stmt(kKind) {}
  ExprPtr test;
  StmtList body;
  StmtList orelse;
};

// `if test: body else: orelse`; `elif` is a nested If alone in orelse.
struct If : Stmt {
  static constexpr StmtKind kKind = StmtKind::If;
  If() : Stmt(kKind) {}
  ExprPtr test;
  StmtList body;
  StmtList orelse;
};

// `with a as x, b: body` (`async with` when is_async).
struct With : Stmt {
  static constexpr StmtKind kKind = StmtKind::With;
  With() : Stmt(kKind) {}
  std::vector<WithItem> items;
  StmtList body;
  bool is_async = false;
};

// `raise exc from cause`; both null for a bare re-raise.
struct Raise : Stmt {
  static constexpr StmtKind kKind = StmtKind::Raise;
  Raise() : Stmt(kKind) {}
  ExprPtr exc;
  ExprPtr cause;
};

// `try: body except...: handlers else: orelse finally: finalbody`;
// is_star for 3.11's `except*` (TryStar).
struct Try : Stmt {
  static constexpr StmtKind kKind = StmtKind::Try;
  Try() : Stmt(kKind) {}
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse;
  StmtList finalbody;
  bool is_star = false;
};

// `assert test, msg` (msg may be null).
struct Assert : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assert;
  Assert() : Stmt(kKind) {}
  ExprPtr test;
  ExprPtr msg;
};

// `import a.b as c, d`.
struct Import : Stmt {
  static constexpr StmtKind kKind = StmtKind::Import;
  Import() : Stmt(kKind) {}
  std::vector<Alias> names;
};

// `from ..module import names`; module is nullopt for `from . import x`,
// level counts the leading dots; `*` is a single alias named "*".
struct ImportFrom : Stmt {
  static constexpr StmtKind kKind = StmtKind::ImportFrom;
  ImportFrom() : Stmt(kKind) {}
  std::optional<std::string> module;
  std::vector<Alias> names;
  int level = 0;
};

// `global a, b` (refused by the immutability check, kept for scope analysis).
struct Global : Stmt {
  static constexpr StmtKind kKind = StmtKind::Global;
  Global() : Stmt(kKind) {}
  std::vector<std::string> names;
};

// `nonlocal a, b` (refused by the immutability check, kept for scope analysis).
struct Nonlocal : Stmt {
  static constexpr StmtKind kKind = StmtKind::Nonlocal;
  Nonlocal() : Stmt(kKind) {}
  std::vector<std::string> names;
};

// An expression used as a statement (CPython's `Expr` statement).
struct ExprStmt : Stmt {
  static constexpr StmtKind kKind = StmtKind::Expr;
  ExprStmt() : Stmt(kKind) {}
  ExprPtr value;
};

// `pass`.
struct Pass : Stmt {
  static constexpr StmtKind kKind = StmtKind::Pass;
  Pass() : Stmt(kKind) {}
};

// `break`.
struct Break : Stmt {
  static constexpr StmtKind kKind = StmtKind::Break;
  Break() : Stmt(kKind) {}
};

// `continue`.
struct Continue : Stmt {
  static constexpr StmtKind kKind = StmtKind::Continue;
  Continue() : Stmt(kKind) {}
};

// `match subject: case ...`. Parsed so it can be reported with a location;
// the compiler refuses it (UserError Unsupported). See MatchCase.
struct Match : Stmt {
  static constexpr StmtKind kKind = StmtKind::Match;
  Match() : Stmt(kKind) {}
  ExprPtr subject;
  std::vector<MatchCase> cases;
};

// ---------------------------------------------------------------- expressions

// `a and b and c` / `a or b`: one node for a whole chain of the same operator.
struct BoolOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BoolOp;
  BoolOp() : Expr(kKind) {}
  BoolKind op = BoolKind::And;
  ExprList values;
};

// `target := value` (target is a Name with Store context).
struct NamedExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::NamedExpr;
  NamedExpr() : Expr(kKind) {}
  ExprPtr target;
  ExprPtr value;
};

// `left op right`.
struct BinOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BinOp;
  BinOp() : Expr(kKind) {}
  ExprPtr left;
  BinOpKind op = BinOpKind::Add;
  ExprPtr right;
};

// `op operand` (`not x`, `-x`, `+x`, `~x`). Note `-1` is UnaryOp(USub, 1).
struct UnaryOp : Expr {
  static constexpr ExprKind kKind = ExprKind::UnaryOp;
  UnaryOp() : Expr(kKind) {}
  UnaryKind op = UnaryKind::Not;
  ExprPtr operand;
};

// `lambda args: body`; its own scope.
struct Lambda : Expr {
  static constexpr ExprKind kKind = ExprKind::Lambda;
  Lambda() : Expr(kKind) {}
  Arguments args;
  ExprPtr body;
};

// `body if test else orelse`.
struct IfExp : Expr {
  static constexpr ExprKind kKind = ExprKind::IfExp;
  IfExp() : Expr(kKind) {}
  ExprPtr test;
  ExprPtr body;
  ExprPtr orelse;
};

// `{k: v, **m}`: keys[i] is null where values[i] is a `**` unpacking.
struct Dict : Expr {
  static constexpr ExprKind kKind = ExprKind::Dict;
  Dict() : Expr(kKind) {}
  ExprList keys;
  ExprList values;
};

// `{a, b, *c}` (never empty: `{}` is a Dict).
struct Set : Expr {
  static constexpr ExprKind kKind = ExprKind::Set;
  Set() : Expr(kKind) {}
  ExprList elts;
};

// `[elt for ...]`; its own scope, first iterable evaluated outside it.
struct ListComp : Expr {
  static constexpr ExprKind kKind = ExprKind::ListComp;
  ListComp() : Expr(kKind) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
  bool lines_to_caller = false;  // made from a for loop (desugar_loop_concat): no frame of its own
                                 // in tracebacks; an error reports its line in the caller's frame
};

// `{elt for ...}`; its own scope.
struct SetComp : Expr {
  static constexpr ExprKind kKind = ExprKind::SetComp;
  SetComp() : Expr(kKind) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

// `{key: value for ...}`; its own scope.
struct DictComp : Expr {
  static constexpr ExprKind kKind = ExprKind::DictComp;
  DictComp() : Expr(kKind) {}
  ExprPtr key;
  ExprPtr value;
  std::vector<Comprehension> generators;
};

// `(elt for ...)`; its own scope, and a generator.
struct GeneratorExp : Expr {
  static constexpr ExprKind kKind = ExprKind::GeneratorExp;
  GeneratorExp() : Expr(kKind) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
  bool hidden_frame = false;  // made from map()/filter(): no frame of its own in tracebacks
};

// `await value`.
struct Await : Expr {
  static constexpr ExprKind kKind = ExprKind::Await;
  Await() : Expr(kKind) {}
  ExprPtr value;
};

// `yield value` (value may be null); makes the enclosing function a generator.
struct Yield : Expr {
  static constexpr ExprKind kKind = ExprKind::Yield;
  Yield() : Expr(kKind) {}
  ExprPtr value;
};

// `yield from value`.
struct YieldFrom : Expr {
  static constexpr ExprKind kKind = ExprKind::YieldFrom;
  YieldFrom() : Expr(kKind) {}
  ExprPtr value;
};

// `left op0 c0 op1 c1 ...`: a chained comparison; ops.size() == comparators.size().
struct Compare : Expr {
  static constexpr ExprKind kKind = ExprKind::Compare;
  Compare() : Expr(kKind) {}
  ExprPtr left;
  std::vector<CmpKind> ops;
  ExprList comparators;
};

// `func(args, keywords)`; `*x` arguments are Starred in args, `**m` are
// keywords with a null arg.
struct Call : Expr {
  static constexpr ExprKind kKind = ExprKind::Call;
  Call() : Expr(kKind) {}
  ExprPtr func;
  ExprList args;
  std::vector<Keyword> keywords;
};

// One `{value!conversion:format_spec}` field of an f-string. conversion is
// -1 (none) or the character code of 's', 'r' or 'a'; format_spec is a
// JoinedStr or null.
struct FormattedValue : Expr {
  static constexpr ExprKind kKind = ExprKind::FormattedValue;
  FormattedValue() : Expr(kKind) {}
  ExprPtr value;
  int conversion = -1;
  ExprPtr format_spec;
};

// An f-string: Constant(str) pieces and FormattedValue fields, in order.
struct JoinedStr : Expr {
  static constexpr ExprKind kKind = ExprKind::JoinedStr;
  JoinedStr() : Expr(kKind) {}
  ExprList values;
};

enum class ConstKind { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

// A literal. Which fields matter depends on `value_kind`:
//   Int:     text = exact decimal digits (a leading '-' only if ever negative),
//            fits_int64 tells whether int_value holds it exactly;
//   Float:   float_value;  Complex: float_value is the imaginary part (a
//            literal like `2j` has no real part);
//   Str:     text = UTF-8 (lone surrogates encoded as with "surrogatepass");
//   Bytes:   text = the raw bytes.
struct Constant : Expr {
  static constexpr ExprKind kKind = ExprKind::Constant;
  Constant() : Expr(kKind) {}
  ConstKind value_kind = ConstKind::None;
  std::string text;
  bool fits_int64 = false;
  int64_t int_value = 0;
  double float_value = 0.0;
};

// `value.attr`.
struct Attribute : Expr {
  static constexpr ExprKind kKind = ExprKind::Attribute;
  Attribute() : Expr(kKind) {}
  ExprPtr value;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};

// `value[slice]`; slice is a Slice node for `a[i:j]`, a Tuple for `a[i, j]`.
struct Subscript : Expr {
  static constexpr ExprKind kKind = ExprKind::Subscript;
  Subscript() : Expr(kKind) {}
  ExprPtr value;
  ExprPtr slice;
  ExprContext ctx = ExprContext::Load;
};

// `*value` in a call, display or assignment target.
struct Starred : Expr {
  static constexpr ExprKind kKind = ExprKind::Starred;
  Starred() : Expr(kKind) {}
  ExprPtr value;
  ExprContext ctx = ExprContext::Load;
};

// A variable reference; scope analysis says where `id` lives.
struct Name : Expr {
  static constexpr ExprKind kKind = ExprKind::Name;
  Name() : Expr(kKind) {}
  std::string id;
  ExprContext ctx = ExprContext::Load;
};

// `[a, b]` display, or a list-shaped assignment target.
struct List : Expr {
  static constexpr ExprKind kKind = ExprKind::List;
  List() : Expr(kKind) {}
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

// `(a, b)` / `a, b` display, or a tuple-shaped assignment target.
struct Tuple : Expr {
  static constexpr ExprKind kKind = ExprKind::Tuple;
  Tuple() : Expr(kKind) {}
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

// `lower:upper:step` inside a subscript; each part may be null.
struct Slice : Expr {
  static constexpr ExprKind kKind = ExprKind::Slice;
  Slice() : Expr(kKind) {}
  ExprPtr lower;
  ExprPtr upper;
  ExprPtr step;
};

}  // namespace ufora::lower
