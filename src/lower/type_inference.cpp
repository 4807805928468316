#include "lower/type_inference.h"

#include <map>

#include "lower/ast.h"

namespace ufora::ir {

const char* scalar_name(Scalar s) {
  switch (s) {
    case Scalar::Bool: return "bool";
    case Scalar::Int: return "int";
    case Scalar::Float: return "float";
    default: return "?";
  }
}

std::string TypedFunction::signature(const Program& p) const {
  std::string s = p.functions[size_t(function)].qualname + "(";
  for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + std::string(scalar_name(args[i]));
  return s + ")->" + scalar_name(result);
}

namespace {

using lower::BinOpKind;
using lower::UnaryKind;

struct NotKernel {
  std::string why;
};

Scalar as_number(Scalar s) { return s == Scalar::Bool ? Scalar::Int : s; }

// What a non-scalar value is, for the few non-scalar values a kernel may hold.
enum class Special : uint8_t { None, Callee, Range, RangeIter, Tuple };

class Inference {
 public:
  Inference(const Program& p, const GlobalResolver& g) : p_(p), globals_(g) {}

  // The return type of function `f` for `args` (Unknown while a recursive assumption).
  Scalar infer(int32_t f, const std::vector<Scalar>& args) {
    auto key = std::make_pair(f, args);
    if (auto it = done_.find(key); it != done_.end()) return it->second.result;
    if (auto it = assumed_.find(key); it != assumed_.end()) return it->second;
    const Function& fn = p_.functions[size_t(f)];
    if (fn.is_generator) throw NotKernel{fn.qualname + " is a generator"};
    if (!fn.free_names.empty()) throw NotKernel{fn.qualname + " is a closure"};
    if (fn.has_varargs || fn.has_varkw || fn.n_kwonly) throw NotKernel{fn.qualname + " takes *args, **kwargs or keyword-only parameters"};
    if (fn.params.size() != args.size()) throw NotKernel{fn.qualname + " called with the wrong number of arguments"};
    // Recursion: assume a result type, infer, and repeat until the assumption holds.
    assumed_[key] = Scalar::Unknown;
    TypedFunction t;
    for (int round = 0;; ++round) {
      t = infer_body(f, args, false);
      if (t.result == assumed_[key]) break;
      if (assumed_[key] != Scalar::Unknown || round > 2) throw NotKernel{fn.qualname + " returns values of different types"};
      assumed_[key] = t.result;
    }
    t = infer_body(f, args, true);
    assumed_.erase(key);
    if (t.result == Scalar::Unknown) throw NotKernel{fn.qualname + " never returns a number"};
    done_[key] = t;
    return t.result;
  }

  std::vector<TypedFunction> results(int32_t first, const std::vector<Scalar>& args) const {
    std::vector<TypedFunction> out;
    out.push_back(done_.at({first, args}));
    for (const auto& [key, t] : done_)
      if (key != std::make_pair(first, args)) out.push_back(t);
    return out;
  }

 private:
  // One pass of abstract interpretation over the body. `final`: every value must have a type.
  TypedFunction infer_body(int32_t f, const std::vector<Scalar>& args, bool final) {
    const Function& fn = p_.functions[size_t(f)];
    // Nested inference of callees reuses these tables: keep the caller's.
    std::vector<Special> saved_special = std::move(special_);
    std::vector<GlobalTarget> saved_callee = std::move(callee_);
    struct Restore {
      Inference* self;
      std::vector<Special>& s;
      std::vector<GlobalTarget>& c;
      ~Restore() {
        self->special_ = std::move(s);
        self->callee_ = std::move(c);
      }
    } restore{this, saved_special, saved_callee};
    TypedFunction t;
    t.function = f;
    t.args = args;
    t.value_types.assign(size_t(fn.n_values), Scalar::Unknown);
    t.local_types.assign(fn.local_names.size(), Scalar::Unknown);
    for (size_t i = 0; i < args.size(); ++i) t.local_types[i] = args[i];
    special_.assign(size_t(fn.n_values), Special::None);
    callee_.assign(size_t(fn.n_values), GlobalTarget{});
    std::vector<bool> reachable = reachable_blocks(fn);
    // Locals have one type each; a few passes reach the fixpoint (types only grow).
    for (int pass = 0; pass < 4; ++pass) {
      bool changed = false;
      for (size_t b = 0; b < fn.blocks.size(); ++b) {
        if (!reachable[b]) continue;
        if (fn.blocks[b].handler != kNoBlock) throw NotKernel{fn.qualname + " handles exceptions"};
        for (const Instr& in : fn.blocks[b].instrs) changed |= step(fn, t, in);
      }
      if (!changed) break;
    }
    for (size_t b = 0; b < fn.blocks.size() && final; ++b) {
      if (!reachable[b]) continue;
      for (const Instr& in : fn.blocks[b].instrs)
        for (ValueId a : in.args)
          if (a != kNoValue && t.value_types[size_t(a)] == Scalar::Unknown && special_[size_t(a)] == Special::None)
            throw NotKernel{fn.qualname + ": a value of unknown type at line " + std::to_string(in.span.line)};
    }
    for (size_t b = 0; b < fn.blocks.size(); ++b)
      if (reachable[b])
        for (const Instr& in : fn.blocks[b].instrs)
          if (in.op == Op::Call && special_[size_t(in.args[0])] == Special::Callee &&
              callee_[size_t(in.args[0])].kind == GlobalTarget::Function) {
            std::vector<Scalar> cargs;
            for (size_t i = 1; i < in.args.size(); ++i) cargs.push_back(as_argument(t.value_types[size_t(in.args[i])]));
            t.callees.push_back({callee_[size_t(in.args[0])].function, cargs});
          }
    return t;
  }

  static std::vector<bool> reachable_blocks(const Function& fn) {
    std::vector<bool> seen(fn.blocks.size(), false);
    std::vector<BlockId> work = {0};
    while (!work.empty()) {
      BlockId b = work.back();
      work.pop_back();
      if (b == kNoBlock || seen[size_t(b)]) continue;
      seen[size_t(b)] = true;
      for (const Instr& in : fn.blocks[size_t(b)].instrs)
        for (BlockId t : in.targets) work.push_back(t);
    }
    return seen;
  }

  // Arguments keep their exact scalar type (a bool passed stays a bool inside the callee).
  static Scalar as_argument(Scalar s) { return s; }

  bool set_value(TypedFunction& t, ValueId v, Scalar s) {
    Scalar& cur = t.value_types[size_t(v)];
    if (cur == s) return false;
    if (cur != Scalar::Unknown && s != Scalar::Unknown) throw NotKernel{"a value changes type"};
    if (s == Scalar::Unknown) return false;
    cur = s;
    return true;
  }

  bool merge_local(const Function& fn, TypedFunction& t, int64_t slot, Scalar s) {
    Scalar& cur = t.local_types[size_t(slot)];
    if (s == Scalar::Unknown || cur == s) return false;
    if (cur != Scalar::Unknown)
      throw NotKernel{fn.qualname + ": '" + fn.local_names[size_t(slot)] + "' holds both " + scalar_name(cur) + " and " +
                      scalar_name(s)};
    cur = s;
    return true;
  }

  Scalar type_of(const TypedFunction& t, ValueId v) { return t.value_types[size_t(v)]; }

  Scalar binary_type(int64_t op, Scalar a, Scalar b, const Function& fn, const Instr& in) {
    if (a == Scalar::Unknown || b == Scalar::Unknown) return Scalar::Unknown;
    auto k = BinOpKind(op);
    bool any_float = a == Scalar::Float || b == Scalar::Float;
    switch (k) {
      case BinOpKind::Add:
      case BinOpKind::Sub:
      case BinOpKind::Mult:
      case BinOpKind::FloorDiv:
      case BinOpKind::Mod:
      case BinOpKind::Pow: return any_float ? Scalar::Float : Scalar::Int;
      case BinOpKind::Div: return Scalar::Float;
      case BinOpKind::BitAnd:
      case BinOpKind::BitOr:
      case BinOpKind::BitXor:
        if (any_float) break;
        return a == Scalar::Bool && b == Scalar::Bool ? Scalar::Bool : Scalar::Int;
      case BinOpKind::LShift:
      case BinOpKind::RShift:
        if (any_float) break;
        return Scalar::Int;
      default: break;
    }
    throw NotKernel{fn.qualname + ": operator " + lower::op_symbol(k) + " on " + scalar_name(a) + " and " +
                    scalar_name(b) + " at line " + std::to_string(in.span.line)};
  }

  // Abstract execution of one instruction; true if some type changed.
  bool step(const Function& fn, TypedFunction& t, const Instr& in) {
    auto arg = [&](size_t i) { return type_of(t, in.args[i]); };
    switch (in.op) {
      case Op::ConstInt: return set_value(t, in.result, Scalar::Int);
      case Op::ConstFloat: return set_value(t, in.result, Scalar::Float);
      case Op::ConstTrue:
      case Op::ConstFalse: return set_value(t, in.result, Scalar::Bool);
      case Op::LoadLocal: return set_value(t, in.result, t.local_types[size_t(in.imm)]);
      case Op::StoreLocal: return merge_local(fn, t, in.imm, arg(0));
      case Op::Release:
      case Op::Jump:
      case Op::Branch: return false;
      case Op::Return: {
        Scalar r = arg(0);
        if (r == Scalar::Unknown) return false;
        if (t.result != Scalar::Unknown && t.result != r) throw NotKernel{fn.qualname + " returns different types"};
        bool changed = t.result != r;
        t.result = r;
        return changed;
      }
      case Op::Binary: return set_value(t, in.result, binary_type(in.imm, arg(0), arg(1), fn, in));
      case Op::Unary: {
        Scalar a = arg(0);
        if (a == Scalar::Unknown) return false;
        if (UnaryKind(in.imm) == UnaryKind::Not) return set_value(t, in.result, Scalar::Bool);
        if (UnaryKind(in.imm) == UnaryKind::Invert && a == Scalar::Float) throw NotKernel{"~ on a float"};
        return set_value(t, in.result, as_number(a));
      }
      case Op::Compare: return set_value(t, in.result, Scalar::Bool);
      case Op::Truthy: return set_value(t, in.result, Scalar::Bool);
      case Op::LoadGlobal: {
        GlobalTarget g = globals_(in.imm);
        if (g.kind == GlobalTarget::Other) throw NotKernel{fn.qualname + ": global '" + in.text + "' is not a kernel"};
        special_[size_t(in.result)] = Special::Callee;
        callee_[size_t(in.result)] = g;
        return false;
      }
      case Op::Call: return step_call(fn, t, in);
      // `a, b = b, a % b`: a tuple that is only unpacked again never exists at run time.
      case Op::BuildTuple: {
        for (ValueId a : in.args)
          if (special_[size_t(a)] != Special::None) throw NotKernel{fn.qualname + ": a tuple of non-numbers"};
        special_[size_t(in.result)] = Special::Tuple;
        tuple_items_[in.result] = in.args;
        return false;
      }
      case Op::UnpackSeq:
        if (special_[size_t(in.args[0])] != Special::Tuple || int64_t(tuple_items_[in.args[0]].size()) != in.imm)
          throw NotKernel{fn.qualname + ": unpacking something other than a tuple display"};
        special_[size_t(in.result)] = Special::Tuple;
        tuple_items_[in.result] = tuple_items_[in.args[0]];
        return false;
      case Op::TupleItem:
        if (special_[size_t(in.args[0])] != Special::Tuple) throw NotKernel{fn.qualname + ": tuple item"};
        return set_value(t, in.result, type_of(t, tuple_items_[in.args[0]][size_t(in.imm)]));
      case Op::GetIter:
        if (special_[size_t(in.args[0])] != Special::Range) throw NotKernel{fn.qualname + ": a loop not over range()"};
        special_[size_t(in.result)] = Special::RangeIter;
        return false;
      case Op::ForIter:
        if (special_[size_t(in.args[0])] != Special::RangeIter) throw NotKernel{fn.qualname + ": a loop not over range()"};
        return set_value(t, in.result, Scalar::Int);
      default:
        throw NotKernel{fn.qualname + ": " + op_name(in.op) + " at line " + std::to_string(in.span.line)};
    }
  }

  bool step_call(const Function& fn, TypedFunction& t, const Instr& in) {
    ValueId callee = in.args[0];
    if (special_[size_t(callee)] != Special::Callee || !in.names.empty())
      throw NotKernel{fn.qualname + ": a call that is not to a known function at line " + std::to_string(in.span.line)};
    std::vector<Scalar> args;
    for (size_t i = 1; i < in.args.size(); ++i) {
      Scalar s = type_of(t, in.args[i]);
      if (s == Scalar::Unknown) return false;  // not known yet: a later pass will see it
      args.push_back(s);
    }
    const GlobalTarget& g = callee_[size_t(callee)];
    auto all_int = [&] {
      for (Scalar s : args)
        if (as_number(s) != Scalar::Int) return false;
      return true;
    };
    switch (g.kind) {
      case GlobalTarget::Function: return set_value(t, in.result, infer(g.function, args));
      case GlobalTarget::Range:
        if (args.empty() || args.size() > 3 || !all_int()) throw NotKernel{"range() of non-ints"};
        special_[size_t(in.result)] = Special::Range;
        return false;
      case GlobalTarget::Abs:
        if (args.size() != 1) throw NotKernel{"abs() arity"};
        return set_value(t, in.result, as_number(args[0]));
      case GlobalTarget::Float:
        if (args.size() != 1) throw NotKernel{"float() arity"};
        return set_value(t, in.result, Scalar::Float);
      case GlobalTarget::Int:
        if (args.size() != 1) throw NotKernel{"int() arity"};
        return set_value(t, in.result, Scalar::Int);
      case GlobalTarget::Min:
      case GlobalTarget::Max: {
        // min/max return one of their arguments, so mixed types would make the type depend on values.
        if (args.size() < 2) throw NotKernel{"min()/max() of an iterable"};
        for (Scalar s : args)
          if (s != args[0]) throw NotKernel{"min()/max() of mixed types"};
        return set_value(t, in.result, args[0]);
      }
      default: throw NotKernel{"call of an unknown global"};
    }
  }

  const Program& p_;
  const GlobalResolver& globals_;
  std::map<std::pair<int32_t, std::vector<Scalar>>, TypedFunction> done_;
  std::map<std::pair<int32_t, std::vector<Scalar>>, Scalar> assumed_;
  std::vector<Special> special_;
  std::vector<GlobalTarget> callee_;
  std::map<ValueId, std::vector<ValueId>> tuple_items_;
};

}  // namespace

std::optional<std::vector<TypedFunction>> infer_kernel(const Program& program, int32_t function,
                                                       const std::vector<Scalar>& args, const GlobalResolver& globals,
                                                       std::string* why) {
  Inference inf(program, globals);
  try {
    inf.infer(function, args);
    return inf.results(function, args);
  } catch (const NotKernel& e) {
    if (why) *why = e.why;
    return std::nullopt;
  }
}

}  // namespace ufora::ir
