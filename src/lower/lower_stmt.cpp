// Lowering of statements: assignment, control flow, exceptions, imports, definitions.
#include "lower/ast_make.h"
#include "lower/ast_walk.h"
#include "lower/lowering_context.h"

namespace ufora::lower {

using ir::Op;
using ir::ValueId;

void FunctionLowerer::assign_to(const Expr& target, ValueId v) {
  switch (target.kind) {
    case ExprKind::Name: store_name(cast<Name>(target).id, v, target.span); return;
    case ExprKind::Tuple:
    case ExprKind::List: {
      const ExprList& elts = target.kind == ExprKind::Tuple ? cast<Tuple>(target).elts : cast<List>(target).elts;
      size_t star = elts.size();
      for (size_t i = 0; i < elts.size(); ++i)
        if (elts[i]->kind == ExprKind::Starred) {
          if (star != elts.size()) unsupported(target.span, "two starred expressions in one assignment");
          star = i;
        }
      ValueId tuple;
      if (star == elts.size()) {
        tuple = emit(Op::UnpackSeq, {v}, target.span, int64_t(elts.size()));
      } else {
        ir::Instr& in = emit_instr(Op::UnpackStar, {v}, target.span);
        in.imm = int64_t(star);
        in.imm2 = int64_t(elts.size() - star - 1);
        tuple = in.result;
      }
      for (size_t i = 0; i < elts.size(); ++i) {
        ValueId item = emit(Op::TupleItem, {tuple}, target.span, int64_t(i));
        const Expr& t = i == star ? *cast<Starred>(*elts[i]).value : *elts[i];
        assign_to(t, item);
        release(item, target.span);
      }
      release(tuple, target.span);
      return;
    }
    case ExprKind::Attribute: {
      const auto& a = cast<Attribute>(target);
      ValueId obj = lower_expr(*a.value);
      ir::Instr& in = emit_instr(Op::SetAttr, {obj, v}, target.span);
      in.text = a.attr;
      release(obj, target.span);
      return;
    }
    case ExprKind::Starred: unsupported(target.span, "a starred assignment target outside a tuple");
    default: unsupported(target.span, std::string("assignment to ") + to_string(target.kind));
  }
}

void FunctionLowerer::lower_stmt(const Stmt& s) {
  const Span& sp = s.span;
  switch (s.kind) {
    case StmtKind::Expr: {
      ValueId v = lower_expr(*cast<ExprStmt>(s).value);
      release(v, sp);
      return;
    }
    case StmtKind::Pass: return;
    case StmtKind::Assign: {
      const auto& a = cast<Assign>(s);
      if (a.targets.size() == 1 && a.targets[0]->kind == ExprKind::Name) {
        const std::string& name = cast<Name>(*a.targets[0]).id;
        auto* sum = dyn_cast<BinOp>(a.value.get());
        if (sum && sum->op == BinOpKind::Add && is_name(sum->left.get(), name)) {  // x = x + e
          ValueId v = lower_replacing_sum(*sum->left, *sum->right, BinOpKind::Add, sp);
          assign_to(*a.targets[0], v);
          release(v, sp);
          return;
        }
      }
      ValueId v = lower_expr(*a.value);
      for (const ExprPtr& t : a.targets) assign_to(*t, v);
      release(v, sp);
      return;
    }
    case StmtKind::AnnAssign: {
      const auto& a = cast<AnnAssign>(s);
      if (!a.value) return;
      ValueId v = lower_expr(*a.value);
      assign_to(*a.target, v);
      release(v, sp);
      return;
    }
    case StmtKind::AugAssign: {
      const auto& a = cast<AugAssign>(s);
      if (a.target->kind != ExprKind::Name && a.target->kind != ExprKind::Attribute)
        unsupported(sp, "augmented assignment to this target");
      ValueId r = lower_replacing_sum(*a.target, *a.value, a.op, sp);
      assign_to(*a.target, r);
      release(r, sp);
      return;
    }
    case StmtKind::Return: {
      const auto& r = cast<Return>(s);
      // In a generator, the value becomes the result of `yield from` over it.
      ValueId v = r.value ? lower_expr(*r.value) : emit(Op::ConstNone, {}, sp);
      if (!finallies.empty()) {
        int32_t keep = hidden_local("ret");
        emit(Op::StoreLocal, {v}, sp, keep);
        release(v, sp);
        run_finallies_down_to(0, sp);
        ir::Instr& ld = emit_instr(Op::LoadLocal, {}, sp);
        ld.imm = keep;
        v = ld.result;
      }
      emit(Op::Return, {v}, sp);
      return;
    }
    case StmtKind::If: {
      const auto& i = cast<If>(s);
      ir::BlockId yes = new_block(), no = new_block(), after = new_block();
      ValueId c = lower_expr(*i.test);
      ValueId t = emit(Op::Truthy, {c}, sp);
      release(c, sp);
      branch(t, yes, no, sp);
      set_block(yes);
      lower_body(i.body);
      jump(after, sp);
      set_block(no);
      lower_body(i.orelse);
      jump(after, sp);
      set_block(after);
      return;
    }
    case StmtKind::While: {
      const auto& w = cast<While>(s);
      ir::BlockId head = new_block(), body = new_block(), orelse = new_block(), after = new_block();
      jump(head, sp);
      set_block(head);
      ValueId c = lower_expr(*w.test);
      ValueId t = emit(Op::Truthy, {c}, sp);
      release(c, sp);
      branch(t, body, orelse, sp);
      set_block(body);
      loops.push_back({head, after, finallies.size()});
      lower_body(w.body);
      loops.pop_back();
      jump(head, sp);
      set_block(orelse);
      lower_body(w.orelse);
      jump(after, sp);
      set_block(after);
      return;
    }
    case StmtKind::For: {
      const auto& f = cast<For>(s);
      if (f.is_async) unsupported(sp, "async for");
      ValueId iterable = lower_iterable(*f.iter);
      ValueId it = emit(Op::GetIter, {iterable}, f.iter->span);
      release(iterable, sp);
      ir::BlockId head = new_block(), body = new_block(), orelse = new_block(), after = new_block();
      jump(head, sp);
      set_block(head);
      ir::Instr& next = emit_instr(Op::ForIter, {it}, f.iter->span);
      next.targets = {body, orelse};
      ValueId item = next.result;
      set_block(body);
      assign_to(*f.target, item);
      release(item, sp);
      loops.push_back({head, after, finallies.size()});
      lower_body(f.body);
      loops.pop_back();
      jump(head, sp);
      set_block(orelse);
      lower_body(f.orelse);
      jump(after, sp);
      set_block(after);
      release(it, sp);
      return;
    }
    case StmtKind::Break:
    case StmtKind::Continue: {
      if (loops.empty()) unsupported(sp, "break/continue outside a loop");
      const LoopContext& l = loops.back();
      run_finallies_down_to(l.finally_depth, sp);
      jump(s.kind == StmtKind::Break ? l.break_target : l.continue_target, sp);
      return;
    }
    case StmtKind::Raise: {
      const auto& r = cast<Raise>(s);
      if (!r.exc) {
        if (handled_exceptions.empty()) {
          ValueId none = emit(Op::ConstNone, {}, sp);
          emit(Op::Raise, {none, ir::kNoValue}, sp);
        } else {
          emit(Op::Reraise, {handled_exceptions.back()}, sp);
        }
        return;
      }
      ValueId e = lower_expr(*r.exc);
      ValueId cause = r.cause ? lower_expr(*r.cause) : ir::kNoValue;
      if (handled_exceptions.empty()) {
        emit(Op::Raise, {e, cause}, sp);
      } else {
        emit(Op::Raise, {e, cause, handled_exceptions.back()}, sp);  // context: the handled exception
      }
      return;
    }
    case StmtKind::Assert: {
      const auto& a = cast<Assert>(s);
      ir::BlockId ok = new_block(), fail = new_block();
      ValueId c = lower_expr(*a.test);
      ValueId t = emit(Op::Truthy, {c}, sp);
      release(c, sp);
      branch(t, ok, fail, sp);
      set_block(fail);
      ValueId msg = a.msg ? lower_expr(*a.msg) : ir::kNoValue;
      emit(Op::AssertFail, msg == ir::kNoValue ? std::vector<ValueId>{} : std::vector<ValueId>{msg}, sp);
      set_block(ok);
      return;
    }
    case StmtKind::Try: {
      const auto& t = cast<Try>(s);
      if (t.is_star) unsupported(sp, "except*");
      ir::BlockId outer = handler;
      ir::BlockId after = new_block();
      ir::BlockId finally_exc = ir::kNoBlock;
      if (!t.finalbody.empty()) {
        finally_exc = new_block();  // handler = outer
        finallies.push_back({&t.finalbody, outer});
      }
      ir::BlockId protect = finally_exc != ir::kNoBlock ? finally_exc : outer;
      ir::BlockId dispatch = ir::kNoBlock;
      if (!t.handlers.empty()) {
        handler = protect;
        dispatch = new_block();
      }
      // The body, protected by the dispatch (or directly by the finally).
      handler = dispatch != ir::kNoBlock ? dispatch : protect;
      ir::BlockId body = new_block();
      jump(body, sp);
      set_block(body);
      lower_body(t.body);
      handler = protect;
      ir::BlockId orelse = new_block();
      jump(orelse, sp);
      set_block(orelse);
      lower_body(t.orelse);
      if (!terminated()) {
        if (finally_exc != ir::kNoBlock) run_finallies_down_to(finallies.size() - 1, sp);
        jump(after, sp);
      }
      // Exception dispatch: the first matching handler runs.
      if (dispatch != ir::kNoBlock) {
        set_block(dispatch);
        ValueId exc = emit(Op::CurrentException, {}, sp);
        for (const ExceptHandler& h : t.handlers) {
          ir::BlockId run = new_block(), next = new_block();
          if (h.type) {
            ValueId type = lower_expr(*h.type);
            ValueId m = emit(Op::ExcMatches, {exc, type}, h.span);
            release(type, h.span);
            branch(m, run, next, h.span);
          } else {
            jump(run, h.span);
          }
          set_block(run);
          if (h.name) store_name(*h.name, exc, h.span);
          handled_exceptions.push_back(exc);
          lower_body(h.body);
          handled_exceptions.pop_back();
          if (!terminated()) {
            if (h.name) delete_name(*h.name, h.span);  // CPython deletes the `as` name
            release(exc, h.span);
            if (finally_exc != ir::kNoBlock) run_finallies_down_to(finallies.size() - 1, h.span);
            jump(after, h.span);
          }
          set_block(next);
        }
        emit(Op::Reraise, {exc}, sp);
      }
      if (finally_exc != ir::kNoBlock) {
        finallies.pop_back();
        handler = outer;
        set_block(finally_exc);
        ValueId exc = emit(Op::CurrentException, {}, sp);
        lower_body(t.finalbody);
        if (!terminated()) emit(Op::Reraise, {exc}, sp);
      }
      handler = outer;
      set_block(after);
      return;
    }
    case StmtKind::FunctionDef: {
      const auto& f = cast<FunctionDef>(s);
      if (f.is_async) unsupported(sp, "async def");
      std::vector<ValueId> decorators;
      for (const ExprPtr& d : f.decorators) decorators.push_back(lower_expr(*d));
      ValueId v = make_function(f, f.name, &f.args, &f.body, nullptr, sp);
      for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
        ValueId next = emit(Op::Call, {*it, v}, sp);
        release(*it, sp);
        release(v, sp);
        v = next;
      }
      store_name(f.name, v, sp);
      release(v, sp);
      return;
    }
    case StmtKind::ClassDef: {
      const auto& c = cast<ClassDef>(s);
      ValueId v = lower_class(c);
      store_name(c.name, v, sp);
      release(v, sp);
      return;
    }
    case StmtKind::Import: {
      for (const Alias& a : cast<Import>(s).names) {
        if (a.name.find('.') != std::string::npos) unsupported(a.span, "importing a dotted module name");
        ir::Instr& in = emit_instr(Op::ImportName, {}, a.span);
        in.text = a.name;
        ValueId m = in.result;
        store_name(a.asname ? *a.asname : a.name, m, a.span);
        release(m, a.span);
      }
      return;
    }
    case StmtKind::ImportFrom: {
      const auto& imp = cast<ImportFrom>(s);
      if (imp.level != 0 || !imp.module) unsupported(sp, "relative imports");
      ir::Instr& in = emit_instr(Op::ImportName, {}, sp);
      in.text = *imp.module;
      ValueId m = in.result;
      for (const Alias& a : imp.names) {
        if (a.name == "*") unsupported(a.span, "`from module import *`", "import the names you use explicitly");
        ir::Instr& g = emit_instr(Op::GetAttr, {m}, a.span);
        g.text = a.name;
        ValueId v = g.result;
        store_name(a.asname ? *a.asname : a.name, v, a.span);
        release(v, a.span);
      }
      release(m, sp);
      return;
    }
    case StmtKind::With: unsupported(sp, "the with statement");
    case StmtKind::Match: unsupported(sp, "the match statement", "use if/elif chains");
    case StmtKind::Delete:
    case StmtKind::Global:
    case StmtKind::Nonlocal: unsupported(sp, std::string("the ") + to_string(s.kind) + " statement");
  }
}

namespace {

// Whether `e` contains an assignment expression (`:=`), also in a comprehension of it.
bool has_walrus(const Expr& e) {
  struct Finder : AstVisitor {
    bool found = false;
    void visit(const Expr& x) override {
      if (x.kind == ExprKind::NamedExpr) found = true;
      if (!found) visit_children(x);
    }
  } finder;
  finder.visit(e);
  return finder.found;
}

}  // namespace

// `target op value` whose result the caller stores into `target`: for `+` on a name, the
// operation may extend the name's list in place when only the name holds it (ir.h).
ValueId FunctionLowerer::lower_replacing_sum(const Expr& target, const Expr& value, BinOpKind op, const Span& sp) {
  ValueId old = lower_expr(target);
  ValueId rhs = lower_expr(value);
  ir::Instr& in = emit_instr(Op::Binary, {old, rhs}, sp);
  in.imm = int64_t(op);
  // Not in a class body: there Python may load the name from an enclosing scope and store it
  // in the class namespace, so the value loaded need not be the one the result replaces. Not
  // when `value` has a `:=`: it may rebind the name while another name takes the old list,
  // which keeps the count at two (`x = x + ((y := x) and (x := []))`).
  in.imm2 = op == BinOpKind::Add && target.kind == ExprKind::Name && !is_class_body && !has_walrus(value)
                ? ir::kExtendsReplacedName
                : 0;
  ValueId r = in.result;
  release(old, sp);
  release(rhs, sp);
  return r;
}

}  // namespace ufora::lower
