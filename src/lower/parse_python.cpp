// The only file that talks to CPython: it starts the interpreter, runs
// `ast.parse` (plus `compile` for the errors only the compiler finds) and
// copies the resulting tree into our own AST.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "lower/parse_python.h"

#include <cstdio>
#include <cstring>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace ufora::lower {
namespace {

// ---------------------------------------------------------------- references

struct PyDecRef {
  void operator()(PyObject* o) const { Py_XDECREF(o); }
};
// An owned (strong) reference; every Python object we create goes in one.
using Ref = std::unique_ptr<PyObject, PyDecRef>;

// Owns the GIL for a scope; any thread may parse.
class GilGuard {
 public:
  GilGuard() : state_(PyGILState_Ensure()) {}
  ~GilGuard() { PyGILState_Release(state_); }
  GilGuard(const GilGuard&) = delete;
  GilGuard& operator=(const GilGuard&) = delete;

 private:
  PyGILState_STATE state_;
};

[[noreturn]] void python_failure(const char* what) {
  std::string detail;
  PyObject *type = nullptr, *value = nullptr, *tb = nullptr;
  PyErr_Fetch(&type, &value, &tb);
  Ref t(type), v(value), b(tb);
  if (v) {
    Ref s(PyObject_Str(v.get()));
    if (s) {
      const char* c = PyUnicode_AsUTF8(s.get());
      if (c) detail = c;
    }
    PyErr_Clear();
  }
  UFORA_INTERNAL_ERROR(std::string(what) + (detail.empty() ? "" : ": " + detail));
}

// Starts CPython once per process. Isolated config: PYTHON* variables and the
// user's site-packages must not change how we parse; signals belong to the
// host (MPI installs its own). The GIL is released afterwards so that any
// thread can take it with PyGILState_Ensure. The interpreter is never
// finalized: CPython cannot be restarted in the same process.
void ensure_python() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (Py_IsInitialized()) return;  // the host embeds Python already: share it
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
      UFORA_INTERNAL_ERROR(std::string("cannot start CPython: ") +
                           (status.err_msg ? status.err_msg : "unknown error"));
    // Big int literals must reach us whole (3.11 limits int->str to 4300 digits).
    Ref sys(PyImport_ImportModule("sys"));
    Ref r(sys ? PyObject_CallMethod(sys.get(), "set_int_max_str_digits", "i", 0) : nullptr);
    if (!r) python_failure("sys.set_int_max_str_digits");
    // compile() would print SyntaxWarnings to stderr; a library must not.
    if (PyRun_SimpleString("import warnings\nwarnings.simplefilter('ignore')\n") != 0)
      python_failure("silencing warnings");
    PyEval_SaveThread();
  });
}

// ---------------------------------------------------------------- syntax errors

std::optional<int64_t> int_or_none(PyObject* exc, const char* name) {
  Ref v(PyObject_GetAttrString(exc, name));
  if (!v) {
    PyErr_Clear();
    return std::nullopt;
  }
  if (v.get() == Py_None || !PyLong_Check(v.get())) return std::nullopt;
  long long n = PyLong_AsLongLong(v.get());
  if (n == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> str_or_none(PyObject* exc, const char* name) {
  Ref v(PyObject_GetAttrString(exc, name));
  if (!v) {
    PyErr_Clear();
    return std::nullopt;
  }
  if (!PyUnicode_Check(v.get())) return std::nullopt;
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(v.get(), &n);
  if (!s) {
    PyErr_Clear();
    return std::nullopt;
  }
  return std::string(s, static_cast<size_t>(n));
}

// Turns the pending Python exception into a UserError (SyntaxError family)
// or, for anything else, an InternalError.
[[noreturn]] void raise_pending(const SourceFile& source) {
  PyObject *type = nullptr, *value = nullptr, *tb = nullptr;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  Ref t(type), v(value), b(tb);
  if (!type || !PyErr_GivenExceptionMatches(type, PyExc_SyntaxError)) {
    PyErr_Restore(t.release(), v.release(), b.release());
    python_failure("CPython failed to parse");
  }
  SyntaxErrorInfo info;
  info.exc_type = reinterpret_cast<PyTypeObject*>(type)->tp_name;
  info.filename = str_or_none(value, "filename").value_or("<string>");
  info.lineno = int_or_none(value, "lineno").value_or(0);
  info.offset = int_or_none(value, "offset").value_or(-1);
  info.end_lineno = int_or_none(value, "end_lineno").value_or(info.lineno);
  info.end_offset = int_or_none(value, "end_offset").value_or(-1);
  info.text = str_or_none(value, "text");
  if (!info.text && info.lineno > 0 && info.lineno <= source.line_count()) {
    // Errors found by compile() read the line back from the file on disk;
    // ours may exist only in memory, so supply it.
    info.text = std::string(source.line_text(static_cast<int32_t>(info.lineno))) + "\n";
  }
  std::string msg = str_or_none(value, "msg").value_or("invalid syntax");
  throw UserError(std::move(info), std::move(msg));
}

// ---------------------------------------------------------------- tree conversion

const std::unordered_map<std::string_view, BinOpKind>& bin_ops() {
  static const std::unordered_map<std::string_view, BinOpKind> m = {
      {"Add", BinOpKind::Add},       {"Sub", BinOpKind::Sub},       {"Mult", BinOpKind::Mult},
      {"MatMult", BinOpKind::MatMult}, {"Div", BinOpKind::Div},     {"Mod", BinOpKind::Mod},
      {"Pow", BinOpKind::Pow},       {"LShift", BinOpKind::LShift}, {"RShift", BinOpKind::RShift},
      {"BitOr", BinOpKind::BitOr},   {"BitXor", BinOpKind::BitXor}, {"BitAnd", BinOpKind::BitAnd},
      {"FloorDiv", BinOpKind::FloorDiv}};
  return m;
}

const std::unordered_map<std::string_view, CmpKind>& cmp_ops() {
  static const std::unordered_map<std::string_view, CmpKind> m = {
      {"Eq", CmpKind::Eq}, {"NotEq", CmpKind::NotEq}, {"Lt", CmpKind::Lt},
      {"LtE", CmpKind::LtE}, {"Gt", CmpKind::Gt}, {"GtE", CmpKind::GtE},
      {"Is", CmpKind::Is}, {"IsNot", CmpKind::IsNot}, {"In", CmpKind::In},
      {"NotIn", CmpKind::NotIn}};
  return m;
}

// Copies a CPython `ast` tree into our AST. Field names follow the ast
// module's; a missing field means a CPython we were not written for.
class Converter {
 public:
  std::unique_ptr<Module> module(PyObject* tree) {
    auto m = std::make_unique<Module>();
    m->body = stmts(tree, "body");
    if (!m->body.empty()) {
      m->span.line = m->body.front()->span.line;
      m->span.col = m->body.front()->span.col;
      m->span.end_line = m->body.back()->span.end_line;
      m->span.end_col = m->body.back()->span.end_col;
    }
    return m;
  }

 private:
  // ---- field access ----
  static Ref get(PyObject* o, const char* field) {
    Ref r(PyObject_GetAttrString(o, field));
    if (!r) python_failure(field);
    return r;
  }
  static std::string_view type_name(PyObject* o) { return Py_TYPE(o)->tp_name; }

  static std::string to_utf8(PyObject* s) {
    // surrogatepass keeps lone surrogates ("\udc80") representable.
    Ref bytes(PyUnicode_AsEncodedString(s, "utf-8", "surrogatepass"));
    if (!bytes) python_failure("str to UTF-8");
    return std::string(PyBytes_AS_STRING(bytes.get()), static_cast<size_t>(PyBytes_GET_SIZE(bytes.get())));
  }
  static std::string str(PyObject* o, const char* field) { return to_utf8(get(o, field).get()); }
  static std::optional<std::string> opt_str(PyObject* o, const char* field) {
    Ref v = get(o, field);
    if (v.get() == Py_None) return std::nullopt;
    return to_utf8(v.get());
  }
  static int64_t integer(PyObject* o, const char* field) {
    Ref v = get(o, field);
    if (v.get() == Py_None) return 0;
    long long n = PyLong_AsLongLong(v.get());
    if (n == -1 && PyErr_Occurred()) python_failure(field);
    return n;
  }
  static Span span(PyObject* o) {
    return Span{static_cast<int32_t>(integer(o, "lineno")), static_cast<int32_t>(integer(o, "col_offset")),
                static_cast<int32_t>(integer(o, "end_lineno")),
                static_cast<int32_t>(integer(o, "end_col_offset"))};
  }
  // Calls f(item) for each element of the list in o.field.
  template <class F>
  static void each(PyObject* o, const char* field, F&& f) {
    Ref list = get(o, field);
    if (!PyList_Check(list.get())) UFORA_INTERNAL_ERROR(std::string("ast field not a list: ") + field);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list.get()); ++i) f(PyList_GET_ITEM(list.get(), i));
  }

  // ---- lists and optional children ----
  StmtList stmts(PyObject* o, const char* field) {
    StmtList out;
    each(o, field, [&](PyObject* s) { out.push_back(stmt(s)); });
    return out;
  }
  ExprList exprs(PyObject* o, const char* field) {
    ExprList out;
    each(o, field, [&](PyObject* e) { out.push_back(expr(e)); });
    return out;
  }
  ExprPtr child(PyObject* o, const char* field) { return expr(get(o, field).get()); }
  std::vector<std::string> names(PyObject* o) {
    std::vector<std::string> out;
    each(o, "names", [&](PyObject* n) { out.push_back(to_utf8(n)); });
    return out;
  }

  // ---- helper records ----
  Arg arg(PyObject* o) {
    Arg a;
    a.span = span(o);
    a.name = str(o, "arg");
    a.annotation = child(o, "annotation");
    return a;
  }
  std::unique_ptr<Arg> opt_arg(PyObject* o, const char* field) {
    Ref v = get(o, field);
    if (v.get() == Py_None) return nullptr;
    return std::make_unique<Arg>(arg(v.get()));
  }
  std::vector<Arg> args(PyObject* o, const char* field) {
    std::vector<Arg> out;
    each(o, field, [&](PyObject* a) { out.push_back(arg(a)); });
    return out;
  }
  Arguments arguments(PyObject* o) {
    Ref a = get(o, "args");
    Arguments out;
    out.posonly = args(a.get(), "posonlyargs");
    out.args = args(a.get(), "args");
    out.vararg = opt_arg(a.get(), "vararg");
    out.kwonly = args(a.get(), "kwonlyargs");
    out.kw_defaults = exprs(a.get(), "kw_defaults");
    out.kwarg = opt_arg(a.get(), "kwarg");
    out.defaults = exprs(a.get(), "defaults");
    return out;
  }
  std::vector<Keyword> keywords(PyObject* o) {
    std::vector<Keyword> out;
    each(o, "keywords", [&](PyObject* k) {
      out.push_back(Keyword{span(k), opt_str(k, "arg"), child(k, "value")});
    });
    return out;
  }
  std::vector<Alias> aliases(PyObject* o) {
    std::vector<Alias> out;
    each(o, "names", [&](PyObject* a) { out.push_back(Alias{span(a), str(a, "name"), opt_str(a, "asname")}); });
    return out;
  }
  std::vector<Comprehension> generators(PyObject* o) {
    std::vector<Comprehension> out;
    each(o, "generators", [&](PyObject* g) {
      out.push_back(Comprehension{child(g, "target"), child(g, "iter"), exprs(g, "ifs"),
                                  integer(g, "is_async") != 0});
    });
    return out;
  }
  // Names a match pattern binds: MatchAs/MatchStar `name`, MatchMapping `rest`.
  void pattern_names(PyObject* p, std::vector<std::string>& out) {
    std::string_view t = type_name(p);
    if (t == "MatchAs" || t == "MatchStar") {
      if (auto n = opt_str(p, "name")) out.push_back(*n);
    }
    if (t == "MatchAs") {
      Ref sub = get(p, "pattern");
      if (sub.get() != Py_None) pattern_names(sub.get(), out);
    }
    if (t == "MatchSequence" || t == "MatchMapping" || t == "MatchClass" || t == "MatchOr")
      each(p, "patterns", [&](PyObject* s) { pattern_names(s, out); });
    if (t == "MatchClass") each(p, "kwd_patterns", [&](PyObject* s) { pattern_names(s, out); });
    if (t == "MatchMapping") {  // `**rest` comes last in the source
      if (auto n = opt_str(p, "rest")) out.push_back(*n);
    }
  }

  StmtPtr stmt(PyObject* o);
  ExprPtr expr(PyObject* o);
  ExprPtr constant(PyObject* o);
};

template <class T>
std::unique_ptr<T> make(Span s) {
  auto n = std::make_unique<T>();
  n->span = s;
  return n;
}

ExprContext context(PyObject* node) {
  Ref ctx(PyObject_GetAttrString(node, "ctx"));
  if (!ctx) python_failure("ctx");
  std::string_view t = Py_TYPE(ctx.get())->tp_name;
  return t == "Store" ? ExprContext::Store : t == "Del" ? ExprContext::Del : ExprContext::Load;
}

std::string_view op_name(PyObject* node, const char* field) {
  Ref op(PyObject_GetAttrString(node, field));
  if (!op) python_failure(field);
  return Py_TYPE(op.get())->tp_name;  // a static string owned by the type, which outlives op
}

StmtPtr Converter::stmt(PyObject* o) {
  std::string_view t = type_name(o);
  Span s = span(o);
  if (t == "FunctionDef" || t == "AsyncFunctionDef") {
    auto n = make<FunctionDef>(s);
    n->name = str(o, "name");
    n->args = arguments(o);
    n->body = stmts(o, "body");
    n->decorators = exprs(o, "decorator_list");
    n->returns = child(o, "returns");
    n->is_async = t == "AsyncFunctionDef";
    return n;
  }
  if (t == "ClassDef") {
    auto n = make<ClassDef>(s);
    n->name = str(o, "name");
    n->bases = exprs(o, "bases");
    n->keywords = keywords(o);
    n->body = stmts(o, "body");
    n->decorators = exprs(o, "decorator_list");
    return n;
  }
  if (t == "Return") {
    auto n = make<Return>(s);
    n->value = child(o, "value");
    return n;
  }
  if (t == "Delete") {
    auto n = make<Delete>(s);
    n->targets = exprs(o, "targets");
    return n;
  }
  if (t == "Assign") {
    auto n = make<Assign>(s);
    n->targets = exprs(o, "targets");
    n->value = child(o, "value");
    return n;
  }
  if (t == "AugAssign") {
    auto n = make<AugAssign>(s);
    n->target = child(o, "target");
    n->op = bin_ops().at(op_name(o, "op"));
    n->value = child(o, "value");
    return n;
  }
  if (t == "AnnAssign") {
    auto n = make<AnnAssign>(s);
    n->target = child(o, "target");
    n->annotation = child(o, "annotation");
    n->value = child(o, "value");
    n->simple = integer(o, "simple") != 0;
    return n;
  }
  if (t == "For" || t == "AsyncFor") {
    auto n = make<For>(s);
    n->target = child(o, "target");
    n->iter = child(o, "iter");
    n->body = stmts(o, "body");
    n->orelse = stmts(o, "orelse");
    n->is_async = t == "AsyncFor";
    return n;
  }
  if (t == "While") {
    auto n = make<While>(s);
    n->test = child(o, "test");
    n->body = stmts(o, "body");
    n->orelse = stmts(o, "orelse");
    return n;
  }
  if (t == "If") {
    auto n = make<If>(s);
    n->test = child(o, "test");
    n->body = stmts(o, "body");
    n->orelse = stmts(o, "orelse");
    return n;
  }
  if (t == "With" || t == "AsyncWith") {
    auto n = make<With>(s);
    each(o, "items", [&](PyObject* w) {
      n->items.push_back(WithItem{child(w, "context_expr"), child(w, "optional_vars")});
    });
    n->body = stmts(o, "body");
    n->is_async = t == "AsyncWith";
    return n;
  }
  if (t == "Raise") {
    auto n = make<Raise>(s);
    n->exc = child(o, "exc");
    n->cause = child(o, "cause");
    return n;
  }
  if (t == "Try" || t == "TryStar") {
    auto n = make<Try>(s);
    n->body = stmts(o, "body");
    each(o, "handlers", [&](PyObject* h) {
      n->handlers.push_back(ExceptHandler{span(h), child(h, "type"), opt_str(h, "name"), stmts(h, "body")});
    });
    n->orelse = stmts(o, "orelse");
    n->finalbody = stmts(o, "finalbody");
    n->is_star = t == "TryStar";
    return n;
  }
  if (t == "Assert") {
    auto n = make<Assert>(s);
    n->test = child(o, "test");
    n->msg = child(o, "msg");
    return n;
  }
  if (t == "Import") {
    auto n = make<Import>(s);
    n->names = aliases(o);
    return n;
  }
  if (t == "ImportFrom") {
    auto n = make<ImportFrom>(s);
    n->module = opt_str(o, "module");
    n->names = aliases(o);
    n->level = static_cast<int>(integer(o, "level"));
    return n;
  }
  if (t == "Global") {
    auto n = make<Global>(s);
    n->names = names(o);
    return n;
  }
  if (t == "Nonlocal") {
    auto n = make<Nonlocal>(s);
    n->names = names(o);
    return n;
  }
  if (t == "Expr") {
    auto n = make<ExprStmt>(s);
    n->value = child(o, "value");
    return n;
  }
  if (t == "Pass") return make<Pass>(s);
  if (t == "Break") return make<Break>(s);
  if (t == "Continue") return make<Continue>(s);
  if (t == "Match") {
    auto n = make<Match>(s);
    n->subject = child(o, "subject");
    each(o, "cases", [&](PyObject* c) {
      MatchCase mc;
      Ref pattern = get(c, "pattern");
      mc.pattern_span = span(pattern.get());
      pattern_names(pattern.get(), mc.bound_names);
      mc.guard = child(c, "guard");
      mc.body = stmts(c, "body");
      n->cases.push_back(std::move(mc));
    });
    return n;
  }
  UFORA_INTERNAL_ERROR("unknown statement type " + std::string(t));
}

ExprPtr Converter::constant(PyObject* o) {
  auto n = make<Constant>(span(o));
  Ref v = get(o, "value");
  PyObject* x = v.get();
  if (x == Py_None) n->value_kind = ConstKind::None;
  else if (x == Py_True) n->value_kind = ConstKind::True;
  else if (x == Py_False) n->value_kind = ConstKind::False;
  else if (x == Py_Ellipsis) n->value_kind = ConstKind::Ellipsis;
  else if (PyLong_Check(x)) {
    n->value_kind = ConstKind::Int;
    int overflow = 0;
    long long i = PyLong_AsLongLongAndOverflow(x, &overflow);
    if (i == -1 && PyErr_Occurred()) python_failure("int literal");
    n->fits_int64 = overflow == 0;
    n->int_value = overflow == 0 ? i : 0;
    Ref digits(PyObject_Str(x));
    if (!digits) python_failure("int literal");
    n->text = to_utf8(digits.get());
  } else if (PyFloat_Check(x)) {
    n->value_kind = ConstKind::Float;
    n->float_value = PyFloat_AS_DOUBLE(x);
  } else if (PyComplex_Check(x)) {
    n->value_kind = ConstKind::Complex;
    n->float_value = PyComplex_ImagAsDouble(x);
  } else if (PyUnicode_Check(x)) {
    n->value_kind = ConstKind::Str;
    n->text = to_utf8(x);
  } else if (PyBytes_Check(x)) {
    n->value_kind = ConstKind::Bytes;
    n->text.assign(PyBytes_AS_STRING(x), static_cast<size_t>(PyBytes_GET_SIZE(x)));
  } else {
    UFORA_INTERNAL_ERROR("unexpected constant type " + std::string(Py_TYPE(x)->tp_name));
  }
  return n;
}

ExprPtr Converter::expr(PyObject* o) {
  if (o == Py_None) return nullptr;
  std::string_view t = type_name(o);
  Span s = span(o);
  if (t == "Name") {
    auto n = make<Name>(s);
    n->id = str(o, "id");
    n->ctx = context(o);
    return n;
  }
  if (t == "Constant") return constant(o);
  if (t == "BinOp") {
    auto n = make<BinOp>(s);
    n->left = child(o, "left");
    n->op = bin_ops().at(op_name(o, "op"));
    n->right = child(o, "right");
    return n;
  }
  if (t == "Call") {
    auto n = make<Call>(s);
    n->func = child(o, "func");
    n->args = exprs(o, "args");
    n->keywords = keywords(o);
    return n;
  }
  if (t == "Attribute") {
    auto n = make<Attribute>(s);
    n->value = child(o, "value");
    n->attr = str(o, "attr");
    n->ctx = context(o);
    return n;
  }
  if (t == "Subscript") {
    auto n = make<Subscript>(s);
    n->value = child(o, "value");
    n->slice = child(o, "slice");
    n->ctx = context(o);
    return n;
  }
  if (t == "Compare") {
    auto n = make<Compare>(s);
    n->left = child(o, "left");
    each(o, "ops", [&](PyObject* op) { n->ops.push_back(cmp_ops().at(Py_TYPE(op)->tp_name)); });
    n->comparators = exprs(o, "comparators");
    return n;
  }
  if (t == "BoolOp") {
    auto n = make<BoolOp>(s);
    n->op = op_name(o, "op") == "And" ? BoolKind::And : BoolKind::Or;
    n->values = exprs(o, "values");
    return n;
  }
  if (t == "UnaryOp") {
    auto n = make<UnaryOp>(s);
    std::string_view op = op_name(o, "op");
    n->op = op == "Not" ? UnaryKind::Not : op == "USub" ? UnaryKind::USub
          : op == "UAdd" ? UnaryKind::UAdd : UnaryKind::Invert;
    n->operand = child(o, "operand");
    return n;
  }
  if (t == "Tuple" || t == "List") {
    ExprList elts = exprs(o, "elts");
    if (t == "Tuple") {
      auto n = make<Tuple>(s);
      n->elts = std::move(elts);
      n->ctx = context(o);
      return n;
    }
    auto n = make<List>(s);
    n->elts = std::move(elts);
    n->ctx = context(o);
    return n;
  }
  if (t == "Dict") {
    auto n = make<Dict>(s);
    n->keys = exprs(o, "keys");
    n->values = exprs(o, "values");
    return n;
  }
  if (t == "Set") {
    auto n = make<Set>(s);
    n->elts = exprs(o, "elts");
    return n;
  }
  if (t == "ListComp") {
    auto n = make<ListComp>(s);
    n->elt = child(o, "elt");
    n->generators = generators(o);
    return n;
  }
  if (t == "SetComp") {
    auto n = make<SetComp>(s);
    n->elt = child(o, "elt");
    n->generators = generators(o);
    return n;
  }
  if (t == "GeneratorExp") {
    auto n = make<GeneratorExp>(s);
    n->elt = child(o, "elt");
    n->generators = generators(o);
    return n;
  }
  if (t == "DictComp") {
    auto n = make<DictComp>(s);
    n->key = child(o, "key");
    n->value = child(o, "value");
    n->generators = generators(o);
    return n;
  }
  if (t == "Lambda") {
    auto n = make<Lambda>(s);
    n->args = arguments(o);
    n->body = child(o, "body");
    return n;
  }
  if (t == "IfExp") {
    auto n = make<IfExp>(s);
    n->test = child(o, "test");
    n->body = child(o, "body");
    n->orelse = child(o, "orelse");
    return n;
  }
  if (t == "NamedExpr") {
    auto n = make<NamedExpr>(s);
    n->target = child(o, "target");
    n->value = child(o, "value");
    return n;
  }
  if (t == "Starred") {
    auto n = make<Starred>(s);
    n->value = child(o, "value");
    n->ctx = context(o);
    return n;
  }
  if (t == "Slice") {
    auto n = make<Slice>(s);
    n->lower = child(o, "lower");
    n->upper = child(o, "upper");
    n->step = child(o, "step");
    return n;
  }
  if (t == "JoinedStr") {
    auto n = make<JoinedStr>(s);
    n->values = exprs(o, "values");
    return n;
  }
  if (t == "FormattedValue") {
    auto n = make<FormattedValue>(s);
    n->value = child(o, "value");
    n->conversion = static_cast<int>(integer(o, "conversion"));
    n->format_spec = child(o, "format_spec");
    return n;
  }
  if (t == "Await") {
    auto n = make<Await>(s);
    n->value = child(o, "value");
    return n;
  }
  if (t == "Yield") {
    auto n = make<Yield>(s);
    n->value = child(o, "value");
    return n;
  }
  if (t == "YieldFrom") {
    auto n = make<YieldFrom>(s);
    n->value = child(o, "value");
    return n;
  }
  UFORA_INTERNAL_ERROR("unknown expression type " + std::string(t));
}

// ---------------------------------------------------------------- driver

// Offset of the first byte that does not start a valid UTF-8 sequence
// (overlongs and surrogates are invalid too), or npos.
size_t invalid_utf8_at(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b < 0xE0) ? 2 : (b >= 0xE0 && b < 0xF0) ? 3
               : (b >= 0xF0 && b < 0xF5) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    auto b1 = static_cast<unsigned char>(len > 1 ? s[i + 1] : 0);
    if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) || (b == 0xF0 && b1 < 0x90) ||
        (b == 0xF4 && b1 >= 0x90))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

// `python3 file.py` reads a file without BOM or coding cookie as UTF-8 and
// reports bad bytes with this location-less message; compile() on bytes
// would report a different one.
void check_default_encoding(const SourceFile& source, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") return;
  for (int32_t n = 1; n <= 2; ++n) {
    std::string_view line = source.line_text(n);
    size_t hash = line.find('#');
    if (hash != std::string_view::npos &&
        (line.find("coding:", hash) != std::string_view::npos ||
         line.find("coding=", hash) != std::string_view::npos))
      return;
  }
  size_t bad = invalid_utf8_at(text);
  if (bad == std::string_view::npos) return;
  int32_t line = 1;
  for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
  char hex[8];
  std::snprintf(hex, sizeof hex, "%.2x", static_cast<unsigned char>(text[bad]));
  SyntaxErrorInfo info;
  info.filename = source.filename();
  throw UserError(std::move(info), std::string("Non-UTF-8 code starting with '\\x") + hex +
                                       "' in file " + source.filename() + " on line " +
                                       std::to_string(line) +
                                       ", but no encoding declared; see "
                                       "https://peps.python.org/pep-0263/ for details");
}

// compile(source, filename, "exec", flags): flags = ast.PyCF_ONLY_AST (0x400) to
// get the tree; 0 to run the symbol table and code generator as well.
Ref compile(PyObject* builtins, PyObject* source, PyObject* filename, int flags) {
  return Ref(PyObject_CallMethod(builtins, "compile", "OOsi", source, filename, "exec", flags));
}

std::unique_ptr<Module> parse_locked(const SourceFile& source) {
  Ref builtins(PyImport_ImportModule("builtins"));
  if (!builtins) python_failure("import builtins");
  std::string_view text = source.text();
  // `python3 file.py` stops reading at a NUL byte, while compile() refuses
  // the whole string; parse up to the NUL so errors match the former.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) text = text.substr(0, nul);
  check_default_encoding(source, text);
  // Bytes, not str: CPython then applies the same coding-cookie and BOM
  // rules as when it runs the file.
  Ref src(PyBytes_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size())));
  Ref filename(PyUnicode_DecodeFSDefault(source.filename().c_str()));
  if (!src || !filename) python_failure("building compile() arguments");
  Ref tree = compile(builtins.get(), src.get(), filename.get(), PyCF_ONLY_AST);
  if (!tree) raise_pending(source);
  // Errors such as `'return' outside function` come from the compiler proper.
  Ref code = compile(builtins.get(), tree.get(), filename.get(), 0);
  if (!code) raise_pending(source);
  return Converter().module(tree.get());
}

}  // namespace

std::unique_ptr<Module> parse_module(const SourceFile& source) {
  ensure_python();
  GilGuard gil;
  return parse_locked(source);
}

}  // namespace ufora::lower
