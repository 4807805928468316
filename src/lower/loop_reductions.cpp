#include "lower/loop_reductions.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "lower/ast.h"

namespace ufora::ir {

namespace {

using lower::BinOpKind;

bool reads_slot(const Instr& in) { return in.op == Op::LoadLocal || in.op == Op::LoadDeref || in.op == Op::LoadCellObj; }
bool writes_slot(const Instr& in) { return in.op == Op::StoreLocal || in.op == Op::StoreDeref; }
bool deletes_slot(const Instr& in) { return in.op == Op::DeleteLocal || in.op == Op::DeleteDeref; }

std::vector<BlockId> successors(const Block& b) {
  if (b.instrs.empty()) return {};
  const Instr& t = b.instrs.back();
  if (t.op == Op::Jump || t.op == Op::Branch || t.op == Op::ForIter) return t.targets;
  return {};
}

using Slots = std::vector<bool>;

// Slots read before being written on some path from the start of each block (liveness).
std::vector<Slots> live_in(const Function& f) {
  size_t n = f.local_names.size();
  std::vector<Slots> in(f.blocks.size(), Slots(n, false));
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t bi = f.blocks.size(); bi-- > 0;) {
      Slots live(n, false);
      for (BlockId s : successors(f.blocks[bi]))
        for (size_t i = 0; i < n; ++i) live[i] = live[i] || in[size_t(s)][i];
      const std::vector<Instr>& instrs = f.blocks[bi].instrs;
      for (size_t k = instrs.size(); k-- > 0;) {
        const Instr& in_k = instrs[k];
        if (writes_slot(in_k)) live[size_t(in_k.imm)] = false;
        if (reads_slot(in_k)) live[size_t(in_k.imm)] = true;
      }
      if (live != in[bi]) {
        in[bi] = live;
        changed = true;
      }
    }
  }
  return in;
}

struct Analysis {
  const Program& p;
  const Function& f;
  const std::vector<Scalar>& types;
  const GlobalResolver& globals;
  std::vector<const Instr*> def;                   // per value
  std::vector<std::vector<const Instr*>> uses;     // per value, Release left out
  std::map<const Instr*, BlockId> block_of;
  std::vector<Slots> live;

  Analysis(const Program& prog, const Function& fn, const std::vector<Scalar>& t, const GlobalResolver& g)
      : p(prog), f(fn), types(t), globals(g), def(size_t(fn.n_values), nullptr), uses(size_t(fn.n_values)), live(live_in(fn)) {
    for (size_t bi = 0; bi < f.blocks.size(); ++bi)
      for (const Instr& in : f.blocks[bi].instrs) {
        block_of[&in] = BlockId(bi);
        if (in.result != kNoValue) def[size_t(in.result)] = &in;
        if (in.op == Op::Release) continue;
        for (ValueId a : in.args)
          if (a != kNoValue) uses[size_t(a)].push_back(&in);
      }
  }

  std::string name(int32_t slot) const { return "`" + f.local_names[size_t(slot)] + "`"; }

  bool is_builtin(ValueId callee, GlobalTarget::Kind kind) const {
    const Instr* d = def[size_t(callee)];
    return d && d->op == Op::LoadGlobal && globals(d->imm).kind == kind;
  }

  struct Update {
    LoopAccOp op;
    const Instr* store;
    std::vector<const Instr*> chain;  // the operations between the read and the store
  };

  // `ok = ok and e` / `ok = ok or e`, as lower_expr builds a BoolOp: the read is copied to the
  // expression's `$bool` slot and tested; one branch evaluates e into that slot, the other
  // goes straight to the join, which stores the slot back into ok.
  std::optional<Update> logical_update_from(const Instr& load) const {
    const std::vector<const Instr*>& u = uses[size_t(load.result)];
    if (load.op != Op::LoadLocal || u.size() != 2 || u[0]->op != Op::StoreLocal || u[1]->op != Op::Truthy) return std::nullopt;
    const Instr& copy = *u[0];
    const Instr& truthy = *u[1];
    if (f.local_names[size_t(copy.imm)].rfind("$bool", 0) != 0 || uses[size_t(truthy.result)].size() != 1) return std::nullopt;
    const Instr& branch = *uses[size_t(truthy.result)][0];
    if (branch.op != Op::Branch || branch.targets.size() != 2) return std::nullopt;
    // The join starts by reading the slot back and storing it into ok.
    auto store_back = [&](BlockId b) -> const Instr* {
      const Instr* read = nullptr;
      for (const Instr& in : f.blocks[size_t(b)].instrs) {
        if (in.op == Op::Release) continue;
        if (!read) {
          if (in.op != Op::LoadLocal || in.imm != copy.imm) return nullptr;
          read = &in;
          continue;
        }
        bool ok = in.op == Op::StoreLocal && in.imm == load.imm && in.args.size() == 1 && in.args[0] == read->result &&
                  uses[size_t(read->result)].size() == 1;
        return ok ? &in : nullptr;
      }
      return nullptr;
    };
    // `and` goes on to e when ok is true, so its false branch is the join; `or` the reverse.
    if (const Instr* store = store_back(branch.targets[1])) return Update{LoopAccOp::And, store, {&copy, &truthy}};
    if (const Instr* store = store_back(branch.targets[0])) return Update{LoopAccOp::Or, store, {&copy, &truthy}};
    return std::nullopt;
  }

  // The update that the read `load` starts: a chain of one operation ending in a store back.
  std::optional<Update> update_from(const Instr& load) const {
    if (load.op == Op::LoadCellObj) return std::nullopt;
    if (std::optional<Update> logical = logical_update_from(load)) return logical;
    ValueId x = load.result;
    std::optional<LoopAccOp> op;
    std::vector<const Instr*> chain;
    for (;;) {
      if (uses[size_t(x)].size() != 1) return std::nullopt;
      const Instr& u = *uses[size_t(x)][0];
      if (writes_slot(u)) {
        if (u.imm != load.imm || (u.op == Op::StoreLocal) != (load.op == Op::LoadLocal) || !op) return std::nullopt;
        return Update{*op, &u, chain};
      }
      LoopAccOp k;
      if (u.op == Op::Binary && u.args.size() == 2 && u.args[0] != u.args[1]) {
        bool left = u.args[0] == x;
        switch (BinOpKind(u.imm)) {
          case BinOpKind::Add: k = LoopAccOp::Sum; break;
          case BinOpKind::Sub:  // s - e is s + (-e), exactly, for ints and floats
            if (!left) return std::nullopt;
            k = LoopAccOp::Sum;
            break;
          case BinOpKind::Mult: k = LoopAccOp::Product; break;
          case BinOpKind::BitAnd: k = LoopAccOp::BitAnd; break;
          case BinOpKind::BitOr: k = LoopAccOp::BitOr; break;
          case BinOpKind::BitXor: k = LoopAccOp::BitXor; break;
          default: return std::nullopt;
        }
      } else if (u.op == Op::Call && u.names.empty() && u.args.size() >= 3 && u.args[1] == x &&
                 std::count(u.args.begin(), u.args.end(), x) == 1 &&
                 (is_builtin(u.args[0], GlobalTarget::Min) || is_builtin(u.args[0], GlobalTarget::Max))) {
        // min(m, e, ...) keeps m on ties: the first of equals, which combining also keeps.
        k = is_builtin(u.args[0], GlobalTarget::Min) ? LoopAccOp::Min : LoopAccOp::Max;
      } else {
        return std::nullopt;
      }
      if (op && *op != k) return std::nullopt;
      op = k;
      chain.push_back(&u);
      if (u.result == kNoValue) return std::nullopt;
      x = u.result;
    }
  }

  LoopPlan plan(BlockId h) {
    LoopPlan plan;
    plan.header = h;
    const Block& hb = f.blocks[size_t(h)];
    const Instr& for_iter = hb.instrs.back();
    plan.line = for_iter.span.line;
    plan.why_line = plan.line;
    auto refuse = [&](std::string why, int32_t line) {
      plan.why = std::move(why);
      plan.why_line = line ? line : plan.line;
      plan.accumulators.clear();
      return plan;
    };
    BlockId first = for_iter.targets[0], exit = for_iter.targets[1];
    // Blocks an iteration can reach before it comes back to the header.
    std::set<BlockId> reach;
    std::vector<BlockId> work = {first};
    while (!work.empty()) {
      BlockId b = work.back();
      work.pop_back();
      if (b == h || !reach.insert(b).second) continue;
      for (BlockId s : successors(f.blocks[size_t(b)])) work.push_back(s);
    }
    // Of those, the ones that lead back to the header: the body.
    std::set<BlockId> body;
    for (bool changed = true; changed;) {
      changed = false;
      for (BlockId b : reach) {
        if (body.count(b)) continue;
        for (BlockId s : successors(f.blocks[size_t(b)]))
          if (s == h || body.count(s)) {
            body.insert(b);
            changed = true;
            break;
          }
      }
    }
    plan.body.assign(body.begin(), body.end());
    // A way out of the body: the block it leads to returns, raises or jumps on (a break).
    for (BlockId b : body)
      for (BlockId s : successors(f.blocks[size_t(b)])) {
        if (s == h || body.count(s)) continue;
        const Instr& t = f.blocks[size_t(s)].instrs.back();
        if (t.op == Op::Return) return refuse("`return` leaves the loop", t.span.line);
        if (t.op == Op::Jump) return refuse("`break` leaves the loop", t.span.line);
        return refuse("an exception leaves the loop", t.span.line);
      }
    if (hb.instrs.size() != 1) return refuse("its header computes more than the next item", 0);
    if (!body.count(first)) {
      const Instr& t = f.blocks[size_t(first)].instrs.back();
      return refuse(t.op == Op::Return ? "`return` leaves the loop" : "its body never comes back to the loop", t.span.line);
    }
    // Temporaries of one iteration stay inside it: only named locals cross.
    for (BlockId b : body)
      for (const Instr& in : f.blocks[size_t(b)].instrs) {
        for (ValueId a : in.args) {
          if (a == kNoValue || a == for_iter.result || in.op == Op::Release) continue;
          const Instr* d = def[size_t(a)];
          if (!d || !body.count(block_of.at(d))) return refuse("a value computed before the loop is used inside it", in.span.line);
        }
        if (deletes_slot(in)) return refuse(name(int32_t(in.imm)) + " is deleted in the loop", in.span.line);
      }

    // Definitely assigned slots at the start of each body block, within one iteration.
    size_t n = f.local_names.size();
    std::map<BlockId, Slots> assigned_in;
    auto out_of = [&](BlockId b) {
      Slots s = assigned_in.at(b);
      for (const Instr& in : f.blocks[size_t(b)].instrs)
        if (writes_slot(in)) s[size_t(in.imm)] = true;
      return s;
    };
    for (BlockId b : body) assigned_in[b] = Slots(n, b != first);
    for (bool changed = true; changed;) {
      changed = false;
      for (BlockId b : body) {
        if (b == first) continue;
        Slots s(n, true);
        for (BlockId pred : body)
          for (BlockId succ : successors(f.blocks[size_t(pred)]))
            if (succ == b) {
              Slots o = out_of(pred);
              for (size_t i = 0; i < n; ++i) s[i] = s[i] && o[i];
            }
        if (s != assigned_in[b]) {
          assigned_in[b] = s;
          changed = true;
        }
      }
    }

    struct SlotUse {
      int reads = 0, update_reads = 0, stores = 0, update_stores = 0;
      std::set<LoopAccOp> ops;
      const Instr* carried_read = nullptr;  // a read before any assignment in the iteration
      const Instr* other_read = nullptr;    // a read that is not the start of an update
      bool loop_variable = false;
    };
    std::map<int32_t, SlotUse> slots;
    std::set<const Instr*> update_stores;
    // `s = s + s` is no update: an operation that two reads of the slot reach is not one.
    std::map<const Instr*, std::optional<Update>> updates;
    std::map<const Instr*, int> reached;
    for (BlockId b : body)
      for (const Instr& in : f.blocks[size_t(b)].instrs)
        if (reads_slot(in)) {
          updates[&in] = update_from(in);
          if (updates[&in])
            for (const Instr* c : updates[&in]->chain) ++reached[c];
        }
    for (auto& [load, u] : updates)
      if (u && std::any_of(u->chain.begin(), u->chain.end(), [&](const Instr* c) { return reached[c] > 1; })) u.reset();
    for (BlockId b : body) {
      Slots assigned = assigned_in.at(b);
      for (const Instr& in : f.blocks[size_t(b)].instrs) {
        if (reads_slot(in)) {
          SlotUse& s = slots[int32_t(in.imm)];
          ++s.reads;
          if (const std::optional<Update>& u = updates.at(&in)) {
            ++s.update_reads;
            s.ops.insert(u->op);
            update_stores.insert(u->store);
          } else if (!s.other_read) {
            s.other_read = &in;
          }
          if (!assigned[size_t(in.imm)] && !s.carried_read) s.carried_read = &in;
        }
        if (writes_slot(in)) {
          SlotUse& s = slots[int32_t(in.imm)];
          ++s.stores;
          if (!in.args.empty() && in.args[0] == for_iter.result) s.loop_variable = true;
          assigned[size_t(in.imm)] = true;
        }
      }
    }
    for (auto& [slot, s] : slots)
      for (BlockId b : body)
        for (const Instr& in : f.blocks[size_t(b)].instrs)
          if (writes_slot(in) && in.imm == slot && update_stores.count(&in)) ++s.update_stores;

    for (auto& [slot, s] : slots) {
      if (s.stores == 0) continue;  // only read: an input of every iteration
      bool accumulator = s.reads > 0 && s.update_reads == s.reads && s.update_stores == s.stores && !s.loop_variable;
      if (accumulator && s.ops.size() > 1) return refuse(name(slot) + " is updated by different operations", 0);
      if (accumulator) {
        LoopAccOp op = *s.ops.begin();
        Scalar t = types.empty() ? Scalar::Unknown : types[size_t(slot)];
        if (t != Scalar::Unknown) {
          bool ok = true;
          switch (op) {
            case LoopAccOp::Sum: ok = t == Scalar::Int || t == Scalar::Float; break;
            case LoopAccOp::Product:
              if (t == Scalar::Float) return refuse(name(slot) + " is a float product, whose rounding depends on the grouping", 0);
              ok = t == Scalar::Int;
              break;
            case LoopAccOp::BitAnd:
            case LoopAccOp::BitOr:
            case LoopAccOp::BitXor: ok = t == Scalar::Int || t == Scalar::Bool; break;
            case LoopAccOp::Min:
            case LoopAccOp::Max: ok = t == Scalar::Int || t == Scalar::Float || t == Scalar::Bool; break;
            case LoopAccOp::And:
            case LoopAccOp::Or: ok = t == Scalar::Bool; break;
          }
          if (!ok && op == LoopAccOp::Sum && is_sequence(t))
            return refuse(name(slot) + " is a " + scalar_name(t) + " grown by +; a loop that appends is built in parallel "
                          "when its list starts as a display just before it (`out = []`), or write it as "
                          "`out = xs + [item for ...]`", 0);
          if (!ok) return refuse(name(slot) + " is a " + scalar_name(t) + " updated by " + loop_acc_op_name(op), 0);
        }
        plan.accumulators.push_back({slot, op});
        continue;
      }
      if (s.carried_read) {
        const Instr* at = s.update_reads > 0 && s.other_read ? s.other_read : s.carried_read;
        if (s.update_reads > 0)
          return refuse(name(slot) + " is read inside the loop other than in its own update", at->span.line);
        return refuse(name(slot) + " carries its value from one iteration to the next", at->span.line);
      }
      if (live[size_t(exit)][size_t(slot)]) {
        if (s.loop_variable) return refuse("the loop variable " + name(slot) + " is read after the loop", 0);
        return refuse(name(slot) + " is assigned in the loop and read after it", 0);
      }
    }
    if (plan.accumulators.size() > kMaxLoopAccumulators) return refuse("it has more than 16 accumulators", 0);
    return plan;
  }
};

}  // namespace

const char* loop_acc_op_name(LoopAccOp op) {
  switch (op) {
    case LoopAccOp::Sum: return "sum";
    case LoopAccOp::Product: return "product";
    case LoopAccOp::BitAnd: return "&";
    case LoopAccOp::BitOr: return "|";
    case LoopAccOp::BitXor: return "^";
    case LoopAccOp::Min: return "min";
    case LoopAccOp::Max: return "max";
    case LoopAccOp::And: return "and";
    case LoopAccOp::Or: return "or";
  }
  return "?";
}

std::vector<LoopPlan> analyse_loops(const Program& p, const Function& f, const std::vector<Scalar>& local_types,
                                    const GlobalResolver& globals) {
  Analysis a(p, f, local_types, globals);
  std::vector<LoopPlan> plans;
  for (size_t b = 0; b < f.blocks.size(); ++b)
    if (!f.blocks[b].instrs.empty() && f.blocks[b].instrs.back().op == Op::ForIter) plans.push_back(a.plan(BlockId(b)));
  return plans;
}

std::string describe_loops(const Function& f, const std::vector<LoopPlan>& plans) {
  std::string out;
  for (const LoopPlan& plan : plans) {
    out += "line " + std::to_string(plan.line) + ": ";
    if (!plan.parallel()) {
      out += "sequential (line " + std::to_string(plan.why_line) + "): " + plan.why + "\n";
      continue;
    }
    out += "parallel:";
    for (const LoopAccumulator& acc : plan.accumulators)
      out += " " + f.local_names[size_t(acc.slot)] + " (" + loop_acc_op_name(acc.op) + ")";
    out += "\n";
  }
  return out;
}

}  // namespace ufora::ir
