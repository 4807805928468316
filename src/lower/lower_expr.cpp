// Lowering of expressions. Every lower_* returns a value the caller owns (must Release).
#include <algorithm>
#include "lower/lowering_context.h"

namespace ufora::lower {

using ir::Op;
using ir::ValueId;

namespace {

bool has_starred(const ExprList& elts) {
  for (const ExprPtr& e : elts)
    if (e->kind == ExprKind::Starred) return true;
  return false;
}

// What CPython's compiler folds into a constant: literals, signed numbers, tuples of them.
bool folded_constant(const Expr& e) {
  if (e.kind == ExprKind::Constant) return true;
  if (auto* u = dyn_cast<UnaryOp>(&e))
    return (u->op == UnaryKind::USub || u->op == UnaryKind::UAdd) && u->operand->kind == ExprKind::Constant;
  if (auto* t = dyn_cast<Tuple>(&e)) {
    for (const ExprPtr& x : t->elts)
      if (!folded_constant(*x)) return false;
    return true;
  }
  return false;
}

}  // namespace

ValueId FunctionLowerer::lower_iterable(const Expr& e) {
  auto* s = dyn_cast<Set>(&e);
  if (!s || s->elts.size() < 3 || !std::all_of(s->elts.begin(), s->elts.end(), [](const ExprPtr& x) { return folded_constant(*x); }))
    return lower_expr(e);
  std::vector<ValueId> vals;
  for (const ExprPtr& x : s->elts) vals.push_back(lower_expr(*x));
  ValueId r = emit(Op::BuildSet, vals, e.span, 2);
  for (ValueId v : vals) release(v, e.span);
  return r;
}

ValueId FunctionLowerer::lower_display(const ExprList& elts, ir::AccKind kind, const Span& span) {
  if (!has_starred(elts)) {
    std::vector<ValueId> vals;
    for (const ExprPtr& e : elts) vals.push_back(lower_expr(*e));
    Op op = kind == ir::AccKind::List ? Op::BuildList : kind == ir::AccKind::Tuple ? Op::BuildTuple : Op::BuildSet;
    // A set display of three or more constants is a frozenset constant in CPython, whose
    // table decides the order the set iterates in (ufr_build_constant_set).
    bool constant = op == Op::BuildSet && elts.size() >= 3 &&
                    std::all_of(elts.begin(), elts.end(), [](const ExprPtr& e) { return folded_constant(*e); });
    ValueId r = emit(op, vals, span, constant ? 1 : 0);
    for (ValueId v : vals) release(v, span);
    return r;
  }
  // `[a, *b, c]`: grow a private accumulator, then freeze it.
  ValueId acc = emit(Op::AccNew, {}, span, int64_t(kind == ir::AccKind::Set ? ir::AccKind::Set : ir::AccKind::List));
  for (const ExprPtr& e : elts) {
    bool star = e->kind == ExprKind::Starred;
    ValueId v = lower_expr(star ? *cast<Starred>(*e).value : *e);
    emit(star ? Op::AccExtend : Op::AccAppend, {acc, v}, e->span);
    release(v, e->span);
  }
  ValueId r = emit(Op::AccFinish, {acc}, span, int64_t(kind));
  release(acc, span);
  return r;
}

ValueId FunctionLowerer::lower_call(const Call& c) {
  const Span& sp = c.span;
  // Zero-argument super(): the method's class (from the __class__ cell) and its first argument.
  if (auto* n = dyn_cast<Name>(c.func.get());
      n && n->id == "super" && c.args.empty() && c.keywords.empty() && resolve("super").kind == NameRef::Global) {
    auto cls_it = free_index.find("__class__");
    if (cls_it == free_index.end() || fn.params.empty())
      unsupported(sp, "super() outside a method", "call super() inside a method of a class");
    ValueId cls = emit(Op::LoadFree, {}, sp, cls_it->second);
    ValueId self = load_name(fn.params[0], sp);
    ValueId r = emit(Op::Super, {cls, self}, sp);
    release(cls, sp);
    release(self, sp);
    return r;
  }
  ValueId callee = lower_expr(*c.func);
  bool dynamic = has_starred(c.args);
  for (const Keyword& k : c.keywords) dynamic = dynamic || !k.arg;
  if (!dynamic) {
    std::vector<ValueId> operands = {callee};
    std::vector<std::string> names;
    bool whole = consumed_whole(c);
    bool pairs = !whole && pairs_for_dict(c);
    for (const ExprPtr& a : c.args)
      operands.push_back(whole ? lower_comprehension(*a, true) : pairs ? lower_comprehension(*a, false, true) : lower_expr(*a));
    for (const Keyword& k : c.keywords) {
      operands.push_back(lower_expr(*k.value));
      names.push_back(*k.arg);
    }
    ir::Instr& in = emit_instr(Op::Call, operands, sp);
    in.names = std::move(names);
    ValueId r = in.result;
    for (ValueId v : operands) release(v, sp);
    return r;
  }
  // f(*xs, **kw): build the positional tuple and the keyword dict at run time.
  ValueId args = lower_display(c.args, ir::AccKind::Tuple, sp);
  ValueId kwargs = ir::kNoValue;
  if (!c.keywords.empty()) {
    ValueId acc = emit(Op::AccNew, {}, sp, int64_t(ir::AccKind::Dict));
    for (const Keyword& k : c.keywords) {
      ValueId v = lower_expr(*k.value);
      if (k.arg) {
        ir::Instr& key = emit_instr(Op::ConstStr, {}, k.span);
        key.text = *k.arg;
        ValueId kv = key.result;
        emit(Op::AccSetItem, {acc, kv, v}, k.span);
        release(kv, k.span);
      } else {
        emit(Op::AccExtend, {acc, v}, k.span);
      }
      release(v, k.span);
    }
    kwargs = emit(Op::AccFinish, {acc}, sp, int64_t(ir::AccKind::Dict));
    release(acc, sp);
  }
  ValueId r = emit(Op::CallEx, {callee, args, kwargs}, sp);
  release(callee, sp);
  release(args, sp);
  release(kwargs, sp);
  return r;
}

// `a < b < c` evaluates b once and stops at the first false comparison.
ValueId FunctionLowerer::lower_condition_chain(const Compare& c) {
  const Span& sp = c.span;
  auto compare = [&](CmpKind k, ValueId a, ValueId b, const Span& s) {
    switch (k) {
      case CmpKind::Is: return emit(Op::Is, {a, b}, s, 0);
      case CmpKind::IsNot: return emit(Op::Is, {a, b}, s, 1);
      case CmpKind::In: return emit(Op::Contains, {a, b}, s, 0);
      case CmpKind::NotIn: return emit(Op::Contains, {a, b}, s, 1);
      default: return emit(Op::Compare, {a, b}, s, int64_t(k));
    }
  };
  ValueId left = lower_expr(*c.left);
  if (c.ops.size() == 1) {
    ValueId right = lower_expr(*c.comparators[0]);
    ValueId r = compare(c.ops[0], left, right, sp);
    release(left, sp);
    release(right, sp);
    return r;
  }
  int32_t result = hidden_local("cmp");
  ir::BlockId done = new_block();
  for (size_t i = 0; i < c.ops.size(); ++i) {
    ValueId right = lower_expr(*c.comparators[i]);
    ValueId r = compare(c.ops[i], left, right, sp);
    release(left, sp);
    emit(Op::StoreLocal, {r}, sp, result);
    left = right;
    if (i + 1 < c.ops.size()) {
      ir::BlockId next = new_block();
      ValueId t = emit(Op::Truthy, {r}, sp);
      release(r, sp);
      branch(t, next, done, sp);
      set_block(next);
    } else {
      release(r, sp);
    }
  }
  release(left, sp);
  jump(done, sp);
  set_block(done);
  ir::Instr& ld = emit_instr(Op::LoadLocal, {}, sp);
  ld.imm = result;
  return ld.result;
}

ValueId FunctionLowerer::lower_expr(const Expr& e) {
  const Span& sp = e.span;
  switch (e.kind) {
    case ExprKind::Constant: {
      const auto& c = cast<Constant>(e);
      switch (c.value_kind) {
        case ConstKind::None: return emit(Op::ConstNone, {}, sp);
        case ConstKind::True: return emit(Op::ConstTrue, {}, sp);
        case ConstKind::False: return emit(Op::ConstFalse, {}, sp);
        case ConstKind::Ellipsis: return emit(Op::ConstEllipsis, {}, sp);
        case ConstKind::Int: {
          if (c.fits_int64) return emit(Op::ConstInt, {}, sp, c.int_value);
          ir::Instr& in = emit_instr(Op::ConstBigInt, {}, sp);
          in.text = c.text;
          return in.result;
        }
        case ConstKind::Float: {
          ir::Instr& in = emit_instr(Op::ConstFloat, {}, sp);
          in.fimm = c.float_value;
          return in.result;
        }
        case ConstKind::Str: {
          ir::Instr& in = emit_instr(Op::ConstStr, {}, sp);
          in.text = c.text;
          return in.result;
        }
        case ConstKind::Complex: unsupported(sp, "complex numbers");
        case ConstKind::Bytes: unsupported(sp, "bytes literals", "use str");
      }
      break;
    }
    case ExprKind::Name: return load_name(cast<Name>(e).id, sp);
    case ExprKind::BinOp: {
      const auto& b = cast<BinOp>(e);
      ValueId l = lower_expr(*b.left);
      ValueId r = lower_expr(*b.right);
      ir::Instr& in = emit_instr(Op::Binary, {l, r}, sp);
      in.imm = int64_t(b.op);
      in.imm2 = b.op == BinOpKind::Add ? ir::kExtendsTemporary : 0;
      ValueId v = in.result;
      release(l, sp);
      release(r, sp);
      return v;
    }
    case ExprKind::UnaryOp: {
      const auto& u = cast<UnaryOp>(e);
      ValueId x = lower_expr(*u.operand);
      ValueId v = emit(Op::Unary, {x}, sp, int64_t(u.op));
      release(x, sp);
      return v;
    }
    case ExprKind::BoolOp: {
      // The value of the first operand that decides the result (Python returns operands).
      const auto& b = cast<BoolOp>(e);
      int32_t result = hidden_local("bool");
      ir::BlockId done = new_block();
      for (size_t i = 0; i < b.values.size(); ++i) {
        ValueId v = lower_expr(*b.values[i]);
        emit(Op::StoreLocal, {v}, sp, result);
        if (i + 1 < b.values.size()) {
          ir::BlockId next = new_block();
          ValueId t = emit(Op::Truthy, {v}, sp);
          release(v, sp);
          if (b.op == BoolKind::And)
            branch(t, next, done, sp);
          else
            branch(t, done, next, sp);
          set_block(next);
        } else {
          release(v, sp);
        }
      }
      jump(done, sp);
      set_block(done);
      ir::Instr& ld = emit_instr(Op::LoadLocal, {}, sp);
      ld.imm = result;
      return ld.result;
    }
    case ExprKind::IfExp: {
      const auto& i = cast<IfExp>(e);
      int32_t result = hidden_local("ifexp");
      ir::BlockId yes = new_block(), no = new_block(), done = new_block();
      ValueId c = lower_expr(*i.test);
      ValueId t = emit(Op::Truthy, {c}, sp);
      release(c, sp);
      branch(t, yes, no, sp);
      for (auto [block, expr] : {std::pair{yes, i.body.get()}, std::pair{no, i.orelse.get()}}) {
        set_block(block);
        ValueId v = lower_expr(*expr);
        emit(Op::StoreLocal, {v}, sp, result);
        release(v, sp);
        jump(done, sp);
      }
      set_block(done);
      ir::Instr& ld = emit_instr(Op::LoadLocal, {}, sp);
      ld.imm = result;
      return ld.result;
    }
    case ExprKind::Compare: return lower_condition_chain(cast<Compare>(e));
    case ExprKind::Call: return lower_call(cast<Call>(e));
    case ExprKind::Attribute: {
      const auto& a = cast<Attribute>(e);
      ValueId obj = lower_expr(*a.value);
      ir::Instr& in = emit_instr(Op::GetAttr, {obj}, sp);
      in.text = a.attr;
      ValueId r = in.result;
      release(obj, sp);
      return r;
    }
    case ExprKind::Subscript: {
      const auto& s = cast<Subscript>(e);
      ValueId obj = lower_expr(*s.value);
      ValueId key = lower_expr(*s.slice);
      ValueId r = emit(Op::GetItem, {obj, key}, sp);
      release(obj, sp);
      release(key, sp);
      return r;
    }
    case ExprKind::Slice: {
      const auto& s = cast<Slice>(e);
      ValueId parts[3];
      const Expr* exprs[3] = {s.lower.get(), s.upper.get(), s.step.get()};
      for (int i = 0; i < 3; ++i) parts[i] = exprs[i] ? lower_expr(*exprs[i]) : emit(Op::ConstNone, {}, sp);
      ValueId r = emit(Op::BuildSlice, {parts[0], parts[1], parts[2]}, sp);
      for (ValueId p : parts) release(p, sp);
      return r;
    }
    case ExprKind::Tuple: return lower_display(cast<Tuple>(e).elts, ir::AccKind::Tuple, sp);
    case ExprKind::List: return lower_display(cast<List>(e).elts, ir::AccKind::List, sp);
    case ExprKind::Set: return lower_display(cast<Set>(e).elts, ir::AccKind::Set, sp);
    case ExprKind::Dict: {
      const auto& d = cast<Dict>(e);
      bool unpack = false;
      for (const ExprPtr& k : d.keys) unpack = unpack || !k;
      if (!unpack) {
        std::vector<ValueId> vals;
        for (size_t i = 0; i < d.keys.size(); ++i) {
          vals.push_back(lower_expr(*d.keys[i]));
          vals.push_back(lower_expr(*d.values[i]));
        }
        ValueId r = emit(Op::BuildDict, vals, sp);
        for (ValueId v : vals) release(v, sp);
        return r;
      }
      ValueId acc = emit(Op::AccNew, {}, sp, int64_t(ir::AccKind::Dict));
      for (size_t i = 0; i < d.keys.size(); ++i) {
        if (!d.keys[i]) {
          ValueId m = lower_expr(*d.values[i]);
          emit(Op::AccExtend, {acc, m}, sp);
          release(m, sp);
          continue;
        }
        ValueId k = lower_expr(*d.keys[i]);
        ValueId v = lower_expr(*d.values[i]);
        emit(Op::AccSetItem, {acc, k, v}, sp);
        release(k, sp);
        release(v, sp);
      }
      ValueId r = emit(Op::AccFinish, {acc}, sp, int64_t(ir::AccKind::Dict));
      release(acc, sp);
      return r;
    }
    case ExprKind::JoinedStr: {
      std::vector<ValueId> parts;
      for (const ExprPtr& p : cast<JoinedStr>(e).values) parts.push_back(lower_expr(*p));
      ValueId r = emit(Op::BuildString, parts, sp);
      for (ValueId p : parts) release(p, sp);
      return r;
    }
    case ExprKind::FormattedValue: {
      const auto& f = cast<FormattedValue>(e);
      ValueId v = lower_expr(*f.value);
      ValueId spec = f.format_spec ? lower_expr(*f.format_spec) : ir::kNoValue;
      ValueId r = emit(Op::FormatValue, {v, spec}, sp, f.conversion);
      release(v, sp);
      release(spec, sp);
      return r;
    }
    case ExprKind::Lambda: {
      const auto& l = cast<Lambda>(e);
      return make_function(l, "<lambda>", &l.args, nullptr, l.body.get(), sp);
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: return lower_comprehension(e);
    case ExprKind::Yield: {
      const auto& y = cast<Yield>(e);
      ValueId v = y.value ? lower_expr(*y.value) : emit(Op::ConstNone, {}, sp);
      ValueId r = emit(Op::Yield, {v}, sp);
      release(v, sp);
      return r;
    }
    case ExprKind::YieldFrom: {
      ValueId src = lower_expr(*cast<YieldFrom>(e).value);
      ValueId it = emit(Op::GetIter, {src}, sp);
      release(src, sp);
      ir::BlockId head = new_block(), body = new_block(), done = new_block();
      jump(head, sp);
      set_block(head);
      ir::Instr& next = emit_instr(Op::ForIter, {it}, sp);
      next.targets = {body, done};
      ValueId item = next.result;
      set_block(body);
      ValueId sent = emit(Op::Yield, {item}, sp);
      release(item, sp);
      release(sent, sp);
      jump(head, sp);
      set_block(done);
      ValueId result = emit(Op::IterResult, {it}, sp);
      release(it, sp);
      return result;
    }
    case ExprKind::NamedExpr: {
      const auto& n = cast<NamedExpr>(e);
      ValueId v = lower_expr(*n.value);
      assign_to(*n.target, v);
      return v;
    }
    case ExprKind::Starred: unsupported(sp, "a starred expression here");
    case ExprKind::Await: unsupported(sp, "await");
  }
  UFORA_INTERNAL_ERROR("unhandled expression kind");
}

}  // namespace ufora::lower
