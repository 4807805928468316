// Lowering of function bodies: slots, cells, emission helpers, and the nested units
// (defs, lambdas, classes, comprehensions) that become ir::Functions of their own.
#include <algorithm>

#include "lower/lowering_context.h"

namespace ufora::lower {

using ir::Op;
using ir::ValueId;

int32_t ProgramBuilder::global_slot(const std::string& name) {
  auto it = global_slots.find(name);
  if (it != global_slots.end()) return it->second;
  auto slot = int32_t(program.global_names.size());
  program.global_names.push_back(name);
  global_slots[name] = slot;
  return slot;
}

int32_t ProgramBuilder::reserve_function() {
  program.functions.emplace_back();
  return int32_t(program.functions.size() - 1);
}

FunctionLowerer::FunctionLowerer(ProgramBuilder& p, ir::Function& f, const Node* node, bool class_body, bool module)
    : pb(p), fn(f), scope_node(node), is_class_body(class_body), is_module(module) {
  fn.blocks.emplace_back();
}

void FunctionLowerer::unsupported(const Span& span, const std::string& what, const std::string& hint) const {
  throw UserError(UserErrorKind::Unsupported, span, what + " is not supported yet", hint);
}

// ---------------------------------------------------------------- emission

ir::Instr& FunctionLowerer::emit_instr(Op op, std::vector<ValueId> args, const Span& span) {
  if (terminated()) set_block(new_block());  // code after return/raise: unreachable but valid
  ir::Instr in;
  in.op = op;
  in.args = std::move(args);
  in.span = span;
  if (ir::op_produces_value(op)) in.result = fn.n_values++;
  fn.blocks[size_t(current)].instrs.push_back(std::move(in));
  return fn.blocks[size_t(current)].instrs.back();
}

ValueId FunctionLowerer::emit(Op op, std::vector<ValueId> args, const Span& span, int64_t imm) {
  ir::Instr& in = emit_instr(op, std::move(args), span);
  in.imm = imm;
  return in.result;
}

void FunctionLowerer::release(ValueId v, const Span& span) {
  if (v != ir::kNoValue) emit(Op::Release, {v}, span);
}

ir::BlockId FunctionLowerer::new_block() {
  fn.blocks.emplace_back();
  fn.blocks.back().handler = handler;
  return ir::BlockId(fn.blocks.size() - 1);
}

void FunctionLowerer::set_block(ir::BlockId b) { current = b; }

bool FunctionLowerer::terminated() const {
  const auto& instrs = fn.blocks[size_t(current)].instrs;
  return !instrs.empty() && ir::op_is_terminator(instrs.back().op);
}

void FunctionLowerer::jump(ir::BlockId target, const Span& span) {
  if (terminated()) return;
  emit_instr(Op::Jump, {}, span).targets = {target};
}

void FunctionLowerer::branch(ValueId cond, ir::BlockId yes, ir::BlockId no, const Span& span) {
  emit_instr(Op::Branch, {cond}, span).targets = {yes, no};
}

int32_t FunctionLowerer::hidden_local(const std::string& what) {
  auto slot = int32_t(fn.local_names.size());
  fn.local_names.push_back("$" + what + std::to_string(slot));
  return slot;
}

// ---------------------------------------------------------------- names

NameRef FunctionLowerer::resolve(const std::string& name) const {
  if (auto it = cell_slots.find(name); it != cell_slots.end()) return {NameRef::CellSlot, it->second};
  if (auto it = local_slots.find(name); it != local_slots.end()) return {NameRef::Local, it->second};
  if (auto it = free_index.find(name); it != free_index.end()) return {NameRef::Free, it->second};
  return {NameRef::Global, -1};
}

ValueId FunctionLowerer::load_name(const std::string& name, const Span& span) {
  NameRef r = resolve(name);
  ir::Instr* in = nullptr;
  switch (r.kind) {
    case NameRef::Local: in = &emit_instr(Op::LoadLocal, {}, span); break;
    case NameRef::CellSlot: in = &emit_instr(Op::LoadDeref, {}, span); break;
    case NameRef::Free: in = &emit_instr(Op::LoadFree, {}, span); break;
    case NameRef::Global:
      in = &emit_instr(Op::LoadGlobal, {}, span);
      r.index = pb.global_slot(name);
      break;
  }
  in->imm = r.index;
  in->text = name;
  // A class body reads a name it has not bound yet from the module (CPython's LOAD_NAME):
  // `x = x + [2]` in a class starts from the global x.
  if (is_class_body && r.kind == NameRef::Local) in->imm2 = pb.global_slot(name) + 1;
  return in->result;
}

void FunctionLowerer::store_name(const std::string& name, ValueId v, const Span& span) {
  NameRef r = resolve(name);
  switch (r.kind) {
    case NameRef::Local: emit(Op::StoreLocal, {v}, span, r.index); break;
    case NameRef::CellSlot: emit(Op::StoreDeref, {v}, span, r.index); break;
    case NameRef::Free: emit(Op::StoreFree, {v}, span, r.index); break;  // only `:=` in a comprehension
    case NameRef::Global: emit(Op::StoreGlobal, {v}, span, pb.global_slot(name)); break;
  }
}

void FunctionLowerer::delete_name(const std::string& name, const Span& span) {
  NameRef r = resolve(name);
  switch (r.kind) {
    case NameRef::Local: emit(Op::DeleteLocal, {}, span, r.index); break;
    case NameRef::CellSlot: emit(Op::DeleteDeref, {}, span, r.index); break;
    case NameRef::Free: unsupported(span, "unbinding a variable of an enclosing function");
    case NameRef::Global: emit(Op::DeleteGlobal, {}, span, pb.global_slot(name)); break;
  }
}

// ---------------------------------------------------------------- function frame

void FunctionLowerer::begin(const Arguments* args) {
  const ScopeInfo* scope = pb.scopes.find(scope_node);
  if (args) {
    auto add_param = [&](const std::string& n) {
      local_slots[n] = int32_t(fn.local_names.size());
      fn.local_names.push_back(n);
      fn.params.push_back(n);
    };
    for (const Arg& a : args->posonly) add_param(a.name);
    for (const Arg& a : args->args) add_param(a.name);
    for (const Arg& a : args->kwonly) add_param(a.name);
    if (args->vararg) add_param(args->vararg->name);
    if (args->kwarg) add_param(args->kwarg->name);
    fn.n_posonly = int32_t(args->posonly.size());
    fn.n_positional = int32_t(args->posonly.size() + args->args.size());
    fn.n_kwonly = int32_t(args->kwonly.size());
    fn.has_varargs = args->vararg != nullptr;
    fn.has_varkw = args->kwarg != nullptr;
  }
  if (is_module || !scope) return;
  fn.is_generator = scope->is_generator;
  if (auto* def = dynamic_cast<const FunctionDef*>(scope_node); def && !def->body.empty()) {
    if (auto* st = dyn_cast<ExprStmt>(def->body.front().get())) {
      if (auto* k = dyn_cast<Constant>(st->value.get()); k && k->value_kind == ConstKind::Str) {
        fn.has_doc = true;
        fn.doc = k->text;
      }
    }
  }
  for (const std::string& n : scope->locals) {
    if (local_slots.count(n)) continue;
    local_slots[n] = int32_t(fn.local_names.size());
    fn.local_names.push_back(n);
  }
  for (const std::string& n : scope->freevars) {
    free_index[n] = int32_t(fn.free_names.size());
    fn.free_names.push_back(n);
  }
  // Own cells: a slot holds the cell object; parameters are copied into theirs on entry.
  Span entry = fn.span;
  for (const std::string& n : scope->cellvars) {
    if (is_class_body && n == "__class__") continue;  // passed in by lower_class, filled by MakeClass
    int32_t slot = hidden_local("cell_" + n);
    ValueId cell = emit(Op::MakeCell, {}, entry);
    emit(Op::StoreLocal, {cell}, entry, slot);
    release(cell, entry);
    auto param = local_slots.find(n);
    bool is_param = param != local_slots.end() && size_t(param->second) < fn.params.size();
    if (is_param) {
      ir::Instr& ld = emit_instr(Op::LoadLocal, {}, entry);
      ld.imm = param->second;
      ld.text = n;
      ValueId v = ld.result;
      emit(Op::StoreDeref, {v}, entry, slot);
      release(v, entry);
    }
    cell_slots[n] = slot;
  }
}

void FunctionLowerer::lower_body(const StmtList& body) {
  for (const StmtPtr& s : body) lower_stmt(*s);
}

void FunctionLowerer::finish() {
  if (terminated()) return;
  Span end = fn.span;
  ValueId result;
  if (is_class_body) {
    // The class namespace: every class-level name bound by the body, in slot order.
    ir::Instr& in = emit_instr(Op::LocalsDict, {}, end);
    for (const auto& [name, slot] : local_slots) {
      (void)name;
      in.slots.push_back(slot);
    }
    std::sort(in.slots.begin(), in.slots.end());
    result = in.result;
  } else {
    result = emit(Op::ConstNone, {}, end);
  }
  emit(Op::Return, {result}, end);
}

void FunctionLowerer::run_finallies_down_to(size_t depth, const Span& span) {
  // Each finally body runs with the handler that was active outside its own try.
  ir::BlockId saved_handler = handler;
  std::vector<FinallyContext> saved = finallies;
  while (finallies.size() > depth) {
    FinallyContext f = finallies.back();
    finallies.pop_back();
    handler = f.outer_handler;
    ir::BlockId b = new_block();
    jump(b, span);
    set_block(b);
    lower_body(*f.body);
  }
  finallies = std::move(saved);
  handler = saved_handler;
  if (!terminated()) {
    ir::BlockId b = new_block();
    jump(b, span);
    set_block(b);
  }
}

// ---------------------------------------------------------------- nested units

namespace {

bool contains_zero_arg_super(const StmtList& body);

bool expr_has_super(const Expr* e);

bool exprs_have_super(const ExprList& list) {
  for (const ExprPtr& e : list)
    if (expr_has_super(e.get())) return true;
  return false;
}

// Conservative scan: any call `super()` anywhere in a method body (lambdas and
// comprehensions included, nested defs excluded because they have their own frame).
bool expr_has_super(const Expr* e) {
  if (!e) return false;
  if (auto* c = dyn_cast<Call>(e)) {
    if (auto* n = dyn_cast<Name>(c->func.get()); n && n->id == "super" && c->args.empty()) return true;
    if (expr_has_super(c->func.get()) || exprs_have_super(c->args)) return true;
    for (const Keyword& k : c->keywords)
      if (expr_has_super(k.value.get())) return true;
    return false;
  }
  switch (e->kind) {
    case ExprKind::BinOp: return expr_has_super(cast<BinOp>(*e).left.get()) || expr_has_super(cast<BinOp>(*e).right.get());
    case ExprKind::Attribute: return expr_has_super(cast<Attribute>(*e).value.get());
    case ExprKind::Subscript: return expr_has_super(cast<Subscript>(*e).value.get());
    case ExprKind::Tuple: return exprs_have_super(cast<Tuple>(*e).elts);
    case ExprKind::List: return exprs_have_super(cast<List>(*e).elts);
    case ExprKind::JoinedStr: return exprs_have_super(cast<JoinedStr>(*e).values);
    case ExprKind::FormattedValue: return expr_has_super(cast<FormattedValue>(*e).value.get());
    case ExprKind::Compare: return expr_has_super(cast<Compare>(*e).left.get()) || exprs_have_super(cast<Compare>(*e).comparators);
    case ExprKind::BoolOp: return exprs_have_super(cast<BoolOp>(*e).values);
    case ExprKind::UnaryOp: return expr_has_super(cast<UnaryOp>(*e).operand.get());
    case ExprKind::IfExp:
      return expr_has_super(cast<IfExp>(*e).test.get()) || expr_has_super(cast<IfExp>(*e).body.get()) ||
             expr_has_super(cast<IfExp>(*e).orelse.get());
    default: return false;
  }
}

bool stmt_has_super(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr: return expr_has_super(cast<ExprStmt>(s).value.get());
    case StmtKind::Return: return expr_has_super(cast<Return>(s).value.get());
    case StmtKind::Assign: return expr_has_super(cast<Assign>(s).value.get());
    case StmtKind::AugAssign: return expr_has_super(cast<AugAssign>(s).value.get());
    case StmtKind::If:
      return expr_has_super(cast<If>(s).test.get()) || contains_zero_arg_super(cast<If>(s).body) ||
             contains_zero_arg_super(cast<If>(s).orelse);
    case StmtKind::For: return contains_zero_arg_super(cast<For>(s).body) || expr_has_super(cast<For>(s).iter.get());
    case StmtKind::While: return contains_zero_arg_super(cast<While>(s).body);
    case StmtKind::Try: {
      const auto& t = cast<Try>(s);
      if (contains_zero_arg_super(t.body) || contains_zero_arg_super(t.orelse) || contains_zero_arg_super(t.finalbody)) return true;
      for (const auto& h : t.handlers)
        if (contains_zero_arg_super(h.body)) return true;
      return false;
    }
    default: return false;
  }
}

bool contains_zero_arg_super(const StmtList& body) {
  for (const StmtPtr& s : body)
    if (stmt_has_super(*s)) return true;
  return false;
}

}  // namespace

std::vector<ValueId> FunctionLowerer::closure_cells(int32_t index, const Span& span, ValueId class_cell) {
  // For every free name of the nested unit: this frame's own cell, or our closure cell.
  std::vector<ValueId> cells;
  for (const std::string& free : pb.program.functions[size_t(index)].free_names) {
    if (free == "__class__" && class_cell != ir::kNoValue) {
      cells.push_back(class_cell);
      continue;
    }
    NameRef r = resolve(free);
    if (r.kind == NameRef::CellSlot)
      cells.push_back(emit(Op::LoadCellObj, {}, span, r.index));
    else if (r.kind == NameRef::Free)
      cells.push_back(emit(Op::LoadFreeCellObj, {}, span, r.index));
    else
      UFORA_INTERNAL_ERROR("free variable '" + free + "' has no cell in " + fn.qualname);
  }
  return cells;
}

ValueId FunctionLowerer::make_function(const Node& node, const std::string& name, const Arguments* args,
                                       const StmtList* body, const Expr* lambda_body, const Span& span) {
  // Defaults are evaluated here, in the defining scope, at definition time.
  ValueId defaults = ir::kNoValue, kwdefaults = ir::kNoValue;
  if (args && !args->defaults.empty()) {
    std::vector<ValueId> vals;
    for (const ExprPtr& d : args->defaults) vals.push_back(lower_expr(*d));
    defaults = emit(Op::BuildTuple, vals, span);
    for (ValueId v : vals) release(v, span);
  }
  if (args) {
    std::vector<ValueId> kv;
    for (size_t i = 0; i < args->kwonly.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      ir::Instr& k = emit_instr(Op::ConstStr, {}, span);
      k.text = args->kwonly[i].name;
      kv.push_back(k.result);
      kv.push_back(lower_expr(*args->kw_defaults[i]));
    }
    if (!kv.empty()) {
      kwdefaults = emit(Op::BuildDict, kv, span);
      for (ValueId v : kv) release(v, span);
    }
  }

  int32_t index = pb.reserve_function();
  {
    ir::Function child;
    child.name = name;
    child.qualname = (is_module ? "" : fn.qualname + (is_class_body ? "." : ".<locals>.")) + name;
    child.span = span;
    FunctionLowerer sub(pb, child, &node, false, false);
    sub.begin(args);
    bool method_uses_super = is_class_body && body && contains_zero_arg_super(*body);
    if (method_uses_super && !sub.free_index.count("__class__")) {
      sub.free_index["__class__"] = int32_t(child.free_names.size());
      child.free_names.push_back("__class__");
    }
    if (body) {
      sub.lower_body(*body);
      sub.finish();
    } else {
      ValueId v = sub.lower_expr(*lambda_body);
      sub.emit(Op::Return, {v}, lambda_body->span);
    }
    pb.program.functions[size_t(index)] = std::move(child);
  }

  // The closure: pass this frame's cell (or our own closure cell) for every free name.
  std::vector<ValueId> operands = {defaults, kwdefaults};
  std::vector<ValueId> cells;
  cells = closure_cells(index, span);
  operands.insert(operands.end(), cells.begin(), cells.end());
  ValueId f = emit(Op::MakeFunction, operands, span, index);
  release(defaults, span);
  release(kwdefaults, span);
  for (ValueId c : cells) release(c, span);
  return f;
}

ValueId FunctionLowerer::lower_class(const ClassDef& c) {
  if (!c.keywords.empty()) unsupported(c.span, "class keywords (metaclass=...)");
  std::vector<ValueId> bases;
  for (const ExprPtr& b : c.bases) bases.push_back(lower_expr(*b));
  ValueId bases_tuple = emit(Op::BuildTuple, bases, c.span);
  for (ValueId b : bases) release(b, c.span);

  // The `__class__` cell lets zero-argument super() in methods find the class once it exists.
  ValueId class_cell = emit(Op::MakeCell, {}, c.span);
  int32_t index = pb.reserve_function();
  {
    ir::Function body;
    body.name = c.name;
    body.qualname = (is_module ? "" : fn.qualname + (is_class_body ? "." : ".<locals>.")) + c.name;
    body.span = c.span;
    FunctionLowerer sub(pb, body, &c, true, false);
    sub.begin(nullptr);
    sub.free_index["__class__"] = int32_t(body.free_names.size());
    body.free_names.push_back("__class__");
    sub.lower_body(c.body);
    sub.finish();
    pb.program.functions[size_t(index)] = std::move(body);
  }
  std::vector<ValueId> operands = {ir::kNoValue, ir::kNoValue};
  std::vector<ValueId> cells;
  cells = closure_cells(index, c.span, class_cell);
  operands.insert(operands.end(), cells.begin(), cells.end());
  ValueId body_fn = emit(Op::MakeFunction, operands, c.span, index);
  ir::Instr& call = emit_instr(Op::Call, {body_fn}, c.span);
  ValueId ns = call.result;
  // A docstring is the class's __doc__ (the runtime gives the others None).
  if (!c.body.empty())
    if (auto* st = dyn_cast<ExprStmt>(c.body.front().get()))
      if (auto* k = dyn_cast<Constant>(st->value.get()); k && k->value_kind == ConstKind::Str) {
        ir::Instr& key = emit_instr(Op::ConstStr, {}, c.span);
        key.text = "__doc__";
        ValueId key_value = key.result;
        ir::Instr& doc = emit_instr(Op::ConstStr, {}, c.span);
        doc.text = k->text;
        ValueId doc_value = doc.result;
        emit(Op::AccSetItem, {ns, key_value, doc_value}, c.span);
        release(key_value, c.span);
        release(doc_value, c.span);
      }
  ir::Instr& mk = emit_instr(Op::MakeClass, {bases_tuple, ns, class_cell}, c.span);
  mk.text = c.name;
  ValueId cls = mk.result;
  release(body_fn, c.span);
  release(ns, c.span);
  release(bases_tuple, c.span);
  for (ValueId cell : cells) release(cell, c.span);
  for (auto it = c.decorators.rbegin(); it != c.decorators.rend(); ++it) {
    ValueId dec = lower_expr(**it);
    ValueId next = emit(Op::Call, {dec, cls}, c.span);
    release(dec, c.span);
    release(cls, c.span);
    cls = next;
  }
  return cls;
}

}  // namespace ufora::lower
