// Comprehensions and generator expressions become functions of their own (their own scope,
// as in Python 3), called with an iterator over the first iterable, which is evaluated in the
// enclosing scope. A generator expression's function is a generator.
#include "lower/ast_walk.h"
#include "lower/lowering_context.h"

namespace ufora::lower {

using ir::Op;
using ir::ValueId;

namespace {

const std::vector<Comprehension>& generators_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::ListComp: return cast<ListComp>(e).generators;
    case ExprKind::SetComp: return cast<SetComp>(e).generators;
    case ExprKind::DictComp: return cast<DictComp>(e).generators;
    default: return cast<GeneratorExp>(e).generators;
  }
}

const char* unit_name(ExprKind k) {
  switch (k) {
    case ExprKind::ListComp: return "<listcomp>";
    case ExprKind::SetComp: return "<setcomp>";
    case ExprKind::DictComp: return "<dictcomp>";
    default: return "<genexpr>";
  }
}

// Whether a generator expression calls next() (whose StopIteration a generator turns into
// RuntimeError, and a list comprehension would let through).
struct CallsNext : AstVisitor {
  bool found = false;
  void visit(const Expr& e) override {
    if (e.kind == ExprKind::Call)
      if (auto* n = dyn_cast<Name>(cast<Call>(e).func.get()); n && n->id == "next") found = true;
    visit_children(e);
  }
};

}  // namespace

// `list(x for ...)`, `tuple(...)`, `sorted(...)`, `set(...)`, `frozenset(...)` of the
// builtins take every item before doing anything else, so the generator expression may
// build a list instead: the same items, computed in the same order, and a list comprehension
// can run as a (parallel) kernel. A builtin's name is only itself when nothing in the module
// binds it (scope analysis), and rebinding builtins from outside would be mutation.
bool FunctionLowerer::consumed_whole(const Call& c) const {
  auto* n = dyn_cast<Name>(c.func.get());
  if (!n || c.args.size() != 1 || c.args[0]->kind != ExprKind::GeneratorExp) return false;
  static const char* const kConsumers[] = {"list", "tuple", "sorted", "set", "frozenset"};
  bool consumer = false;
  for (const char* name : kConsumers) consumer = consumer || n->id == name;
  if (!consumer || pb.scopes.resolve(n) != NameKind::Builtin) return false;
  for (const Keyword& k : c.keywords)
    if (!k.arg) return false;
  CallsNext calls;
  calls.visit(*c.args[0]);
  return !calls.found;
}

// `dict((k, v) for ...)` of the builtin dict, no keywords: the generator's items go straight
// into the dict, key then value evaluated as the tuple would, in the same order.
bool FunctionLowerer::pairs_for_dict(const Call& c) const {
  auto* n = dyn_cast<Name>(c.func.get());
  if (!n || n->id != "dict" || c.args.size() != 1 || !c.keywords.empty() || c.args[0]->kind != ExprKind::GeneratorExp) return false;
  if (pb.scopes.resolve(n) != NameKind::Builtin) return false;
  auto* pair = dyn_cast<Tuple>(cast<GeneratorExp>(*c.args[0]).elt.get());
  if (!pair || pair->elts.size() != 2) return false;
  for (const ExprPtr& e : pair->elts)
    if (e->kind == ExprKind::Starred) return false;
  CallsNext calls;
  calls.visit(*c.args[0]);
  return !calls.found;
}

void FunctionLowerer::lower_comprehension_body(const Expr& comp, size_t level, ValueId acc, bool as_list, bool as_dict) {
  const auto& gens = generators_of(comp);
  const Comprehension& g = gens[level];
  const Span& sp = comp.span;
  if (g.is_async) unsupported(sp, "async comprehensions");
  ValueId it;
  if (level == 0) {
    ir::Instr& ld = emit_instr(Op::LoadLocal, {}, sp);
    ld.imm = 0;  // the ".0" parameter
    ld.text = ".0";
    it = ld.result;
  } else {
    ValueId src = lower_iterable(*g.iter);
    it = emit(Op::GetIter, {src}, g.iter->span);
    release(src, sp);
  }
  ir::BlockId head = new_block(), body = new_block(), done = new_block();
  jump(head, sp);
  set_block(head);
  ir::Instr& next = emit_instr(Op::ForIter, {it}, g.iter->span);
  next.targets = {body, done};
  ValueId item = next.result;
  set_block(body);
  assign_to(*g.target, item);
  release(item, sp);
  for (const ExprPtr& cond : g.ifs) {
    ValueId c = lower_expr(*cond);
    ValueId t = emit(Op::Truthy, {c}, cond->span);
    release(c, cond->span);
    ir::BlockId pass = new_block();
    branch(t, pass, head, cond->span);
    set_block(pass);
  }
  if (level + 1 < gens.size()) {
    lower_comprehension_body(comp, level + 1, acc, as_list, as_dict);
  } else if (comp.kind == ExprKind::DictComp || as_dict) {
    const Expr& key = comp.kind == ExprKind::DictComp ? *cast<DictComp>(comp).key : *cast<Tuple>(*cast<GeneratorExp>(comp).elt).elts[0];
    const Expr& value = comp.kind == ExprKind::DictComp ? *cast<DictComp>(comp).value : *cast<Tuple>(*cast<GeneratorExp>(comp).elt).elts[1];
    ValueId k = lower_expr(key);
    ValueId v = lower_expr(value);
    emit(Op::AccSetItem, {acc, k, v}, key.span);
    release(k, sp);
    release(v, sp);
  } else {
    const Expr& elt = comp.kind == ExprKind::ListComp ? *cast<ListComp>(comp).elt
                      : comp.kind == ExprKind::SetComp ? *cast<SetComp>(comp).elt
                                                       : *cast<GeneratorExp>(comp).elt;
    ValueId v = lower_expr(elt);
    if (comp.kind == ExprKind::GeneratorExp && !as_list) {
      ValueId sent = emit(Op::Yield, {v}, elt.span);
      release(sent, sp);
    } else {
      emit(Op::AccAppend, {acc, v}, elt.span);
    }
    release(v, sp);
  }
  jump(head, sp);
  set_block(done);
  release(it, sp);
}

ValueId FunctionLowerer::lower_comprehension(const Expr& comp, bool as_list, bool as_dict) {
  const Span& sp = comp.span;
  const auto& gens = generators_of(comp);
  ValueId first = lower_iterable(*gens[0].iter);
  ValueId it = emit(Op::GetIter, {first}, gens[0].iter->span);
  release(first, sp);

  Arguments params;
  params.args.push_back(Arg{sp, ".0", nullptr});
  int32_t index = pb.reserve_function();
  {
    ir::Function child;
    child.name = unit_name(comp.kind);
    child.qualname = (is_module ? "" : fn.qualname + (is_class_body ? "." : ".<locals>.")) + child.name;
    child.span = sp;
    FunctionLowerer sub(pb, child, &comp, false, false);
    sub.begin(&params);
    child.is_generator = comp.kind == ExprKind::GeneratorExp && !as_list && !as_dict;
    child.builds_list = comp.kind == ExprKind::ListComp || as_list;  // keeps its name: tracebacks show <genexpr>
    child.builds_set = comp.kind == ExprKind::SetComp;
    child.builds_dict = comp.kind == ExprKind::DictComp || as_dict;
    child.lines_to_caller = comp.kind == ExprKind::ListComp && cast<ListComp>(comp).lines_to_caller;
    child.hidden_frame = (comp.kind == ExprKind::GeneratorExp && cast<GeneratorExp>(comp).hidden_frame) || child.lines_to_caller;
    ValueId acc = ir::kNoValue;
    ir::AccKind kind = child.builds_list ? ir::AccKind::List
                       : comp.kind == ExprKind::SetComp ? ir::AccKind::Set
                                                        : ir::AccKind::Dict;
    if (!child.is_generator) acc = sub.emit(Op::AccNew, {}, sp, int64_t(kind));
    sub.lower_comprehension_body(comp, 0, acc, as_list, as_dict);
    ValueId result = child.is_generator ? sub.emit(Op::ConstNone, {}, sp) : sub.emit(Op::AccFinish, {acc}, sp, int64_t(kind));
    sub.emit(Op::Return, {result}, sp);
    pb.program.functions[size_t(index)] = std::move(child);
  }
  std::vector<ValueId> operands = {ir::kNoValue, ir::kNoValue};
  std::vector<ValueId> cells;
  cells = closure_cells(index, sp);
  operands.insert(operands.end(), cells.begin(), cells.end());
  ValueId f = emit(Op::MakeFunction, operands, sp, index);
  ValueId r = emit(Op::Call, {f, it}, sp);
  release(f, sp);
  release(it, sp);
  for (ValueId c : cells) release(c, sp);
  return r;
}

}  // namespace ufora::lower
