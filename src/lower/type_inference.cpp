#include "lower/type_inference.h"

#include <map>
#include <optional>

#include "lower/ast.h"

namespace ufora::ir {

const char* scalar_name(Scalar s) {
  switch (s) {
    case Scalar::Bool: return "bool";
    case Scalar::Int: return "int";
    case Scalar::Float: return "float";
    case Scalar::FloatSeq: return "tuple[float]";
    case Scalar::IntSeq: return "tuple[int]";
    case Scalar::FloatList: return "list[float]";
    case Scalar::IntList: return "list[int]";
    case Scalar::EmptyList: return "list[]";
    default: return "?";
  }
}

std::string TypedFunction::signature(const Program& p) const {
  std::string s = p.functions[size_t(function)].qualname + "(";
  for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + std::string(scalar_name(args[i]));
  if (result == Scalar::Unknown && element != Scalar::Unknown) return s + ")->list[" + scalar_name(element) + "]";
  if (result_tuple.empty()) return s + ")->" + scalar_name(result);
  s += ")->(";
  for (size_t i = 0; i < result_tuple.size(); ++i) s += (i ? ", " : "") + std::string(scalar_name(result_tuple[i]));
  return s + ")";
}

namespace {

using lower::BinOpKind;
using lower::UnaryKind;

struct NotKernel {
  std::string why;
};

Scalar as_number(Scalar s) { return s == Scalar::Bool ? Scalar::Int : s; }

// What a value without a kernel type is: a callee, something to loop over (range(...),
// enumerate(...), zip(...)), a running iterator, a tuple that is only unpacked again; a new
// closure cell, a reference to one, a comprehension's function, a comprehension not run
// yet (Lazy: it runs inline where a reduction consumes it); or a value nothing uses
// (None returned by a comprehension, the result of a yield).
// NoneConst: `None` outside a comprehension, only ever a missing slice bound; Slice: the
// `a:b:c` of a subscript.
enum class Special : uint8_t { None, Callee, Iterable, Iter, Tuple, NewCell, CellRef, Closure, Lazy, Ignored, Accumulator, NoneConst, Slice };

// What a loop over an iterable produces: one item, or a tuple of items (enumerate, zip).
struct Shape {
  bool tuple = false;
  std::vector<Scalar> items;
};

bool is_number(Scalar s) { return s == Scalar::Bool || s == Scalar::Int || s == Scalar::Float; }

struct Closure {
  int32_t function;
  std::vector<int64_t> cell_slots;  // in the comprehension's free-variable order
};
struct Lazy {
  Scalar element;
  bool is_list;  // a list comprehension (len() applies), else a generator expression
};
// The inputs of a comprehension body being inferred inline: what `.0` iterates over and
// the types its free variables have in the enclosing kernel.
struct ComprehensionContext {
  Shape source;
  std::vector<Scalar> free_types;
  int32_t dict_part = 0;  // see TypedFunction::dict_part
};

bool is_inlinable_comprehension(const Function& fn) {
  return fn.name == "<genexpr>" || fn.name == "<listcomp>";
}

class Inference {
 public:
  Inference(const Program& p, const GlobalResolver& g) : p_(p), globals_(g) {}

  // What a call returns: one value, or a tuple of them (Unknown, empty: not known yet).
  struct Result {
    Scalar scalar = Scalar::Unknown;
    std::vector<Scalar> tuple;
    bool operator==(const Result& o) const { return scalar == o.scalar && tuple == o.tuple; }
  };

  // The return type of function `f` for `args` (Unknown while a recursive assumption).
  Result infer(int32_t f, const std::vector<Scalar>& args) {
    auto key = std::make_pair(f, args);
    if (auto it = done_.find(key); it != done_.end()) return Result{it->second.result, it->second.result_tuple};
    // A kernel called from inside an inlined comprehension is an ordinary function.
    struct Restore {
      Inference* self;
      const ComprehensionContext* saved;
      ~Restore() { self->comprehension_ = saved; }
    } restore{this, comprehension_};
    comprehension_ = nullptr;
    if (auto it = assumed_.find(key); it != assumed_.end()) return it->second;
    const Function& fn = p_.functions[size_t(f)];
    if (fn.is_generator) throw NotKernel{fn.qualname + " is a generator"};
    if (!fn.free_names.empty()) throw NotKernel{fn.qualname + " is a closure"};
    if (fn.has_varargs || fn.has_varkw || fn.n_kwonly) throw NotKernel{fn.qualname + " takes *args, **kwargs or keyword-only parameters"};
    if (fn.params.size() != args.size()) throw NotKernel{fn.qualname + " called with the wrong number of arguments"};
    // Recursion: assume a result type, infer, and repeat until the assumption holds (the
    // empty list may become a list of numbers: a few rounds).
    assumed_[key] = Result{};
    TypedFunction t;
    for (int round = 0;; ++round) {
      t = infer_body(f, args, false);
      Result now{t.result, t.result_tuple};
      if (now == assumed_[key]) break;
      if (round > 3) throw NotKernel{fn.qualname + " returns values of different types"};
      assumed_[key] = now;
    }
    t = infer_body(f, args, true);
    assumed_.erase(key);
    if (t.result == Scalar::Unknown && t.result_tuple.empty()) throw NotKernel{fn.qualname + " never returns a number"};
    done_[key] = t;
    return Result{t.result, t.result_tuple};
  }

  // The body of a generator expression or list comprehension, to be compiled inline where
  // a reduction consumes it; `element` is what it yields or appends.
  std::shared_ptr<TypedFunction> infer_comprehension(int32_t f, const ComprehensionContext& context) {
    struct Restore {
      Inference* self;
      const ComprehensionContext* saved;
      ~Restore() { self->comprehension_ = saved; }
    } restore{this, comprehension_};
    comprehension_ = &context;
    auto t = std::make_shared<TypedFunction>(infer_body(f, {}, true));
    if (t->element == Scalar::Unknown) throw NotKernel{p_.functions[size_t(f)].qualname + " produces nothing"};
    return t;
  }

  // A list comprehension run on its own, called from boxed code with its iterator.
  std::vector<TypedFunction> infer_list(int32_t f, int32_t dict_part, Scalar source, const std::vector<Scalar>& free_types) {
    const Function& fn = p_.functions[size_t(f)];
    // A generator expression's items, all at once (CodeInfo::fast_items), are built the same way.
    if (!fn.builds_list && !fn.builds_set && !fn.builds_dict && !is_inlinable_comprehension(fn))
      throw NotKernel{fn.qualname + " is not a comprehension"};
    if (fn.builds_dict != (dict_part != 0)) throw NotKernel{fn.qualname + ": keys or values of something other than a dict comprehension"};
    ComprehensionContext context{Shape{false, {source == Scalar::Int ? Scalar::Int : element_of(source)}}, free_types, dict_part};
    std::shared_ptr<TypedFunction> body = infer_comprehension(f, context);
    body->dict_part = dict_part;
    if (body->element != Scalar::Float && body->element != Scalar::Int)
      throw NotKernel{fn.qualname + " makes a list of " + scalar_name(body->element) + "s, which is not stored unboxed"};
    body->args = {source};
    body->args.insert(body->args.end(), free_types.begin(), free_types.end());
    std::vector<TypedFunction> out = {*body};
    for (const auto& [key, t] : done_) out.push_back(t);
    return out;
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
    // Nested inference of callees reuses the per-function tables: keep the caller's.
    struct Restore {
      Inference* self;
      Frame saved;
      ~Restore() { self->frame_ = std::move(saved); }
    } restore{this, std::move(frame_)};
    frame_ = Frame{};
    TypedFunction t;
    t.function = f;
    t.args = args;
    t.value_types.assign(size_t(fn.n_values), Scalar::Unknown);
    t.local_types.assign(fn.local_names.size(), Scalar::Unknown);
    for (size_t i = 0; i < args.size(); ++i) t.local_types[i] = args[i];
    frame_.special.assign(size_t(fn.n_values), Special::None);
    frame_.callee.assign(size_t(fn.n_values), GlobalTarget{});
    std::vector<bool> reachable = reachable_blocks(fn);
    // Locals have one type each; a few passes reach the fixpoint (types only grow).
    for (int pass = 0; pass < 64; ++pass) {
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
          if (a != kNoValue && ((t.value_types[size_t(a)] == Scalar::Unknown && frame_.special[size_t(a)] == Special::None) ||
                                (frame_.special[size_t(a)] == Special::NoneConst && in.op != Op::BuildSlice && in.op != Op::Release)))
            throw NotKernel{fn.qualname + ": a value of unknown type at line " + std::to_string(in.span.line)};
    }
    for (size_t b = 0; b < fn.blocks.size(); ++b)
      if (reachable[b])
        for (const Instr& in : fn.blocks[b].instrs)
          if (in.op == Op::Call && frame_.special[size_t(in.args[0])] == Special::Callee &&
              frame_.callee[size_t(in.args[0])].kind == GlobalTarget::Function) {
            std::vector<Scalar> cargs;
            for (size_t i = 1; i < in.args.size(); ++i) cargs.push_back(as_argument(t.value_types[size_t(in.args[i])]));
            t.callees.push_back({frame_.callee[size_t(in.args[0])].function, cargs});
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
    if (cur == s || s == Scalar::Unknown) return false;
    // A read of a local that holds `[]` first and a list of numbers later has the latter type.
    if (cur != Scalar::Unknown && !(cur == Scalar::EmptyList && is_list(s))) throw NotKernel{"a value changes type"};
    cur = s;
    return true;
  }

  bool merge_local(const Function& fn, TypedFunction& t, int64_t slot, Scalar s) {
    Scalar& cur = t.local_types[size_t(slot)];
    Scalar joined = join_types(cur, s);
    if (s == Scalar::Unknown || cur == joined) return false;
    if (joined == Scalar::Unknown)
      throw NotKernel{fn.qualname + ": '" + fn.local_names[size_t(slot)] + "' holds both " + scalar_name(cur) + " and " +
                      scalar_name(s)};
    cur = joined;
    return true;
  }

  Scalar type_of(const TypedFunction& t, ValueId v) { return t.value_types[size_t(v)]; }

  static void require_numbers(const Function& fn, const Instr& in, std::initializer_list<Scalar> types) {
    for (Scalar s : types)
      if (is_sequence(s))
        throw NotKernel{fn.qualname + ": " + op_name(in.op) + " of a sequence at line " + std::to_string(in.span.line)};
  }

  Scalar binary_type(int64_t op, Scalar a, Scalar b, const Function& fn, const Instr& in) {
    if (a == Scalar::Unknown || b == Scalar::Unknown) return Scalar::Unknown;
    if (BinOpKind(op) == BinOpKind::Add && is_sequence(a) && is_sequence(b)) {
      // list + list, tuple + tuple of one element type (a new sequence: runtime/kernel_lists.h).
      Scalar joined = join_types(a, b);
      if (joined == Scalar::Unknown)
        throw NotKernel{fn.qualname + ": " + scalar_name(a) + " + " + scalar_name(b) + " at line " + std::to_string(in.span.line)};
      return joined;
    }
    require_numbers(fn, in, {a, b});
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
      case Op::LoadLocal:
        if (comprehension_ && in.imm == 0) {  // `.0`: the iterator the comprehension runs over
          frame_.special[size_t(in.result)] = Special::Iter;
          frame_.shape[in.result] = comprehension_->source;
          return false;
        }
        return set_value(t, in.result, t.local_types[size_t(in.imm)]);
      case Op::StoreLocal:
        if (frame_.special[size_t(in.args[0])] == Special::NewCell) return false;  // the slot's type is the cell content's
        if (frame_.special[size_t(in.args[0])] != Special::None)
          throw NotKernel{fn.qualname + ": '" + fn.local_names[size_t(in.imm)] + "' holds something other than a number"};
        return merge_local(fn, t, in.imm, arg(0));
      case Op::ConstNone:  // the end of an inlined comprehension, or a slice bound left out
        frame_.special[size_t(in.result)] = comprehension_ ? Special::Ignored : Special::NoneConst;
        return false;
      case Op::BuildSlice:
        for (ValueId a : in.args) {
          Special sp = frame_.special[size_t(a)];
          if (sp == Special::NoneConst || sp == Special::Ignored) continue;
          Scalar s = type_of(t, a);
          if (s == Scalar::Unknown && sp == Special::None) return false;  // a later pass knows it
          if (sp != Special::None || (s != Scalar::Int && s != Scalar::Bool))
            throw NotKernel{fn.qualname + ": a slice bound that is not an int at line " + std::to_string(in.span.line)};
        }
        frame_.special[size_t(in.result)] = Special::Slice;
        return false;
      case Op::BuildList: {
        // A display of numbers of one type (not bools: the list would hold ints).
        Scalar element = Scalar::Unknown;
        for (ValueId a : in.args) {
          Scalar s = type_of(t, a);
          if (s == Scalar::Unknown && frame_.special[size_t(a)] == Special::None) return false;
          if ((s != Scalar::Int && s != Scalar::Float) || (element != Scalar::Unknown && s != element))
            throw NotKernel{fn.qualname + ": a list display of other than ints or floats at line " + std::to_string(in.span.line)};
          element = s;
        }
        return set_value(t, in.result, element == Scalar::Unknown ? Scalar::EmptyList : element == Scalar::Float ? Scalar::FloatList : Scalar::IntList);
      }
      // Closure cells of a kernel are just its locals: nothing outside can see them.
      case Op::MakeCell: frame_.special[size_t(in.result)] = Special::NewCell; return false;
      case Op::LoadCellObj:
      case Op::LoadFreeCellObj:
        if (in.op == Op::LoadFreeCellObj && !comprehension_) throw NotKernel{fn.qualname + " is a closure"};
        frame_.special[size_t(in.result)] = Special::CellRef;
        frame_.cell_slot[in.result] = in.op == Op::LoadCellObj ? in.imm : -(in.imm + 1);
        return false;
      case Op::StoreDeref: return merge_local(fn, t, in.imm, arg(0));
      case Op::LoadDeref: return set_value(t, in.result, t.local_types[size_t(in.imm)]);
      case Op::LoadFree:
        if (!comprehension_) throw NotKernel{fn.qualname + " is a closure"};
        return set_value(t, in.result, comprehension_->free_types[size_t(in.imm)]);
      case Op::MakeFunction: return step_make_function(fn, in);
      case Op::Yield:
      case Op::AccAppend: {
        bool append = in.op == Op::AccAppend;
        if (!comprehension_ || (append && frame_.special[size_t(in.args[0])] != Special::Accumulator))
          throw NotKernel{fn.qualname + ": " + op_name(in.op) + " outside an inlined comprehension"};
        if (!append) frame_.special[size_t(in.result)] = Special::Ignored;
        return merge_element(fn, t, arg(append ? 1 : 0));
      }
      case Op::AccSetItem: {
        if (!comprehension_ || comprehension_->dict_part == 0 || frame_.special[size_t(in.args[0])] != Special::Accumulator)
          throw NotKernel{fn.qualname + ": AccSetItem outside a dict comprehension"};
        // Both the key and the value must be numbers; this body builds the list of one of them.
        Scalar key = arg(1), value = arg(2);
        if ((key != Scalar::Unknown && key != Scalar::Int && key != Scalar::Float && key != Scalar::Bool) ||
            (value != Scalar::Unknown && value != Scalar::Int && value != Scalar::Float && value != Scalar::Bool))
          throw NotKernel{fn.qualname + ": a dict of something other than numbers"};
        return merge_element(fn, t, comprehension_->dict_part == 1 ? key : value);
      }
      case Op::AccNew:
      case Op::AccFinish:
        // A set comprehension (never inlined) makes the list of its items, a dict comprehension
        // the list of its keys or of its values; the caller makes the set or dict.
        if (!comprehension_ || (in.op == Op::AccNew && AccKind(in.imm) != AccKind::List && !(AccKind(in.imm) == AccKind::Set && fn.builds_set) &&
                                !(AccKind(in.imm) == AccKind::Dict && fn.builds_dict && comprehension_->dict_part != 0)))
          throw NotKernel{fn.qualname + ": building a container at line " + std::to_string(in.span.line)};
        frame_.special[size_t(in.result)] = in.op == Op::AccNew ? Special::Accumulator : Special::Ignored;
        return false;
      case Op::Release:
      case Op::Jump:
      case Op::Branch: return false;
      case Op::Return: {
        if (!comprehension_ && frame_.special[size_t(in.args[0])] == Special::Tuple) return step_return_tuple(fn, t, in);
        Scalar r = arg(0);
        if (r == Scalar::Unknown) return false;
        if (!t.result_tuple.empty()) throw NotKernel{fn.qualname + " returns both numbers and tuples"};
        Scalar joined = join_types(t.result, r);
        if (joined == Scalar::Unknown) throw NotKernel{fn.qualname + " returns different types"};
        bool changed = t.result != joined;
        t.result = joined;
        return changed;
      }
      case Op::Binary: return set_value(t, in.result, binary_type(in.imm, arg(0), arg(1), fn, in));
      case Op::Unary: {
        Scalar a = arg(0);
        if (a == Scalar::Unknown) return false;
        if (UnaryKind(in.imm) == UnaryKind::Not) return set_value(t, in.result, Scalar::Bool);  // `not xs`: empty
        require_numbers(fn, in, {a});
        if (UnaryKind(in.imm) == UnaryKind::Invert && a == Scalar::Float) throw NotKernel{"~ on a float"};
        return set_value(t, in.result, as_number(a));
      }
      case Op::Compare:
        require_numbers(fn, in, {arg(0), arg(1)});
        return set_value(t, in.result, Scalar::Bool);
      case Op::Truthy: return set_value(t, in.result, Scalar::Bool);  // a sequence: not empty
      case Op::GetItem: {
        Scalar s = arg(0), i = arg(1);
        if (s != Scalar::Unknown && is_sequence(s) && frame_.special[size_t(in.args[1])] == Special::Slice)
          return set_value(t, in.result, s);  // a slice: the same kind of sequence
        if (s == Scalar::Unknown || i == Scalar::Unknown) return false;
        if (!is_sequence(s) || (i != Scalar::Int && i != Scalar::Bool))
          throw NotKernel{fn.qualname + ": indexing other than seq[int] at line " + std::to_string(in.span.line)};
        return set_value(t, in.result, element_of(s));
      }
      case Op::LoadGlobal: {
        GlobalTarget g = globals_(in.imm);
        if (g.kind == GlobalTarget::Other) throw NotKernel{fn.qualname + ": global '" + in.text + "' is not a kernel"};
        if (g.kind == GlobalTarget::Constant) return set_value(t, in.result, g.constant_type);
        frame_.special[size_t(in.result)] = Special::Callee;
        frame_.callee[size_t(in.result)] = g;
        return false;
      }
      case Op::Call: return step_call(fn, t, in);
      // `a, b = b, a % b`: a tuple that is only unpacked again never exists at run time.
      case Op::BuildTuple: {
        std::vector<Scalar> types;
        for (ValueId a : in.args) {
          if (frame_.special[size_t(a)] != Special::None) throw NotKernel{fn.qualname + ": a tuple of non-numbers"};
          types.push_back(type_of(t, a));
        }
        frame_.special[size_t(in.result)] = Special::Tuple;
        frame_.tuple_types[in.result] = types;
        return false;
      }
      case Op::UnpackSeq:
        if (frame_.special[size_t(in.args[0])] == Special::None && type_of(t, in.args[0]) == Scalar::Unknown) return false;
        if (frame_.special[size_t(in.args[0])] != Special::Tuple || int64_t(frame_.tuple_types[in.args[0]].size()) != in.imm)
          throw NotKernel{fn.qualname + ": unpacking something other than a tuple display, enumerate or zip"};
        frame_.special[size_t(in.result)] = Special::Tuple;
        frame_.tuple_types[in.result] = frame_.tuple_types[in.args[0]];
        return false;
      case Op::TupleItem:
        if (frame_.special[size_t(in.args[0])] == Special::None && type_of(t, in.args[0]) == Scalar::Unknown) return false;
        if (frame_.special[size_t(in.args[0])] != Special::Tuple) throw NotKernel{fn.qualname + ": tuple item"};
        return set_value(t, in.result, frame_.tuple_types[in.args[0]][size_t(in.imm)]);
      case Op::GetIter: {
        std::optional<Shape> s = shape_of(t, in.args[0]);
        if (!s) return false;  // not known yet: a later pass will see it
        frame_.special[size_t(in.result)] = Special::Iter;
        frame_.shape[in.result] = *s;
        return false;
      }
      case Op::ForIter: {
        if (frame_.special[size_t(in.args[0])] != Special::Iter) return false;
        const Shape& s = frame_.shape[in.args[0]];
        if (!s.tuple) return set_value(t, in.result, s.items[0]);
        frame_.special[size_t(in.result)] = Special::Tuple;
        frame_.tuple_types[in.result] = s.items;
        return false;
      }
      default:
        throw NotKernel{fn.qualname + ": " + op_name(in.op) + " at line " + std::to_string(in.span.line)};
    }
  }

  bool step_return_tuple(const Function& fn, TypedFunction& t, const Instr& in) {
    std::vector<Scalar> items = frame_.tuple_types.at(in.args[0]);
    for (Scalar s : items)
      if (s == Scalar::Unknown) return false;  // a later pass knows it
    if (items.empty() || items.size() > TypedFunction::kMaxResultTuple) throw NotKernel{fn.qualname + " returns a tuple of that size"};
    if (t.result != Scalar::Unknown || (!t.result_tuple.empty() && t.result_tuple.size() != items.size()))
      throw NotKernel{fn.qualname + " returns values of different types"};
    for (size_t i = 0; i < items.size() && !t.result_tuple.empty(); ++i) {
      items[i] = join_types(t.result_tuple[i], items[i]);
      if (items[i] == Scalar::Unknown) throw NotKernel{fn.qualname + " returns values of different types"};
    }
    bool changed = t.result_tuple != items;
    t.result_tuple = items;
    return changed;
  }

  bool merge_element(const Function& fn, TypedFunction& t, Scalar s) {
    if (s == Scalar::Unknown || s == t.element) return false;
    if (!is_number(s)) throw NotKernel{fn.qualname + " produces sequences"};
    if (t.element != Scalar::Unknown) throw NotKernel{fn.qualname + " produces values of different types"};
    t.element = s;
    return true;
  }

  // A generator expression or list comprehension over the kernel's own cells.
  bool step_make_function(const Function& fn, const Instr& in) {
    const Function& body = p_.functions[size_t(in.imm)];
    if (!is_inlinable_comprehension(body) || in.args[0] != kNoValue || in.args[1] != kNoValue)
      throw NotKernel{fn.qualname + ": a nested function at line " + std::to_string(in.span.line)};
    Closure c{int32_t(in.imm), {}};
    for (size_t i = 2; i < in.args.size(); ++i) {
      if (frame_.special[size_t(in.args[i])] != Special::CellRef) throw NotKernel{fn.qualname + ": a closure over something else"};
      c.cell_slots.push_back(frame_.cell_slot.at(in.args[i]));
    }
    frame_.special[size_t(in.result)] = Special::Closure;
    frame_.closure[in.result] = c;
    return false;
  }

  // Calling a comprehension's function on its iterator: inferred now, run where consumed.
  bool step_comprehension(const Function& fn, TypedFunction& t, const Instr& in) {
    if (in.args.size() != 2 || !in.names.empty() || frame_.special[size_t(in.args[1])] != Special::Iter)
      throw NotKernel{fn.qualname + ": a comprehension called oddly"};
    const Closure& c = frame_.closure.at(in.args[0]);
    ComprehensionContext context{frame_.shape.at(in.args[1]), {}};
    for (int64_t slot : c.cell_slots) {
      Scalar s = slot >= 0 ? t.local_types[size_t(slot)] : comprehension_->free_types[size_t(-(slot + 1))];
      if (s == Scalar::Unknown) return false;  // a later pass knows it
      context.free_types.push_back(s);
    }
    std::shared_ptr<TypedFunction> body = infer_comprehension(c.function, context);
    t.comprehensions[in.result] = body;
    frame_.special[size_t(in.result)] = Special::Lazy;
    frame_.lazy[in.result] = Lazy{body->element, p_.functions[size_t(c.function)].builds_list};
    if (!p_.functions[size_t(c.function)].builds_list || consumed_by_a_builtin(fn, in.result)) return false;
    // A list comprehension kept as a value (`less = [x for x in xs if x < pivot]`): the
    // kernel builds the list (materialised_list).
    if (body->element != Scalar::Float && body->element != Scalar::Int)
      throw NotKernel{fn.qualname + ": a list of other than ints or floats at line " + std::to_string(in.span.line)};
    frame_.special[size_t(in.result)] = Special::None;
    return set_value(t, in.result, body->element == Scalar::Float ? Scalar::FloatList : Scalar::IntList);
  }

  // Whether `v`'s only use is as the one argument of a builtin that runs a comprehension
  // inline (sum(...), len(...), ...); a list passed to a kernel (`qsort([x for x in xs if
  // x < p])`) or used any other way is built. The callee is loaded before its arguments.
  bool consumed_by_a_builtin(const Function& fn, ValueId v) const {
    int uses = 0;
    const Instr* use = nullptr;
    for (const Block& b : fn.blocks)
      for (const Instr& in : b.instrs)
        for (size_t i = 0; i < in.args.size(); ++i)
          if (in.args[i] == v && in.op != Op::Release) {
            ++uses;
            use = in.op == Op::Call && in.args.size() == 2 && i == 1 ? &in : nullptr;
          }
    if (uses != 1 || !use) return false;
    ValueId callee = use->args[0];
    if (frame_.special[size_t(callee)] != Special::Callee) return true;  // an unknown callee: refused where it is called
    switch (frame_.callee[size_t(callee)].kind) {
      case GlobalTarget::Function:
      case GlobalTarget::List: return false;
      default: return true;
    }
  }

  // sum/min/max/any/all (and len of a list comprehension) running a comprehension inline.
  bool step_consume(const Function& fn, TypedFunction& t, const Instr& in, GlobalTarget::Kind kind, const Lazy& lazy) {
    switch (kind) {
      case GlobalTarget::Sum: return set_value(t, in.result, lazy.element == Scalar::Float ? Scalar::Float : Scalar::Int);
      case GlobalTarget::Min:
      case GlobalTarget::Max: return set_value(t, in.result, lazy.element);
      case GlobalTarget::Any:
      case GlobalTarget::All: return set_value(t, in.result, Scalar::Bool);
      case GlobalTarget::Len:
        if (lazy.is_list) return set_value(t, in.result, Scalar::Int);
        break;
      default: break;
    }
    throw NotKernel{fn.qualname + ": a comprehension used other than by sum/min/max/any/all at line " + std::to_string(in.span.line)};
  }

  // What looping over value `v` yields; nothing while its type is not known yet.
  std::optional<Shape> shape_of(const TypedFunction& t, ValueId v) {
    if (frame_.special[size_t(v)] == Special::Iterable) return frame_.shape.at(v);
    Scalar s = type_of(t, v);
    if (is_sequence(s)) return Shape{false, {element_of(s)}};
    if (s == Scalar::Unknown && frame_.special[size_t(v)] == Special::None) return std::nullopt;
    throw NotKernel{"a loop not over range(), a sequence, enumerate() or zip()"};
  }

  // enumerate(x) and zip(x, y, ...) of ranges and sequences.
  bool step_iterable(const Function& fn, TypedFunction& t, const Instr& in, GlobalTarget::Kind kind) {
    Shape out{true, {}};
    if (kind == GlobalTarget::Enumerate) {
      if (in.args.size() != 2) throw NotKernel{fn.qualname + ": enumerate() with a start"};
      out.items.push_back(Scalar::Int);
    }
    if (in.args.size() < 2) throw NotKernel{fn.qualname + ": zip() of nothing"};
    for (size_t i = 1; i < in.args.size(); ++i) {
      std::optional<Shape> part = shape_of(t, in.args[i]);
      if (!part) return false;
      if (part->tuple) throw NotKernel{fn.qualname + ": enumerate() or zip() of tuples at line " + std::to_string(in.span.line)};
      out.items.push_back(part->items[0]);
    }
    frame_.special[size_t(in.result)] = Special::Iterable;
    frame_.shape[in.result] = out;
    return false;
  }

  // sum(s), min(s), max(s), len(s) of one sequence.
  bool step_reduce(const Function& fn, TypedFunction& t, const Instr& in, GlobalTarget::Kind kind, Scalar s) {
    if (!is_sequence(s)) throw NotKernel{fn.qualname + ": sum/min/max/len of something other than a sequence"};
    return set_value(t, in.result, kind == GlobalTarget::Len ? Scalar::Int : element_of(s));
  }

  bool step_call(const Function& fn, TypedFunction& t, const Instr& in) {
    ValueId callee = in.args[0];
    if (frame_.special[size_t(callee)] == Special::Closure) return step_comprehension(fn, t, in);
    if (frame_.special[size_t(callee)] != Special::Callee || !in.names.empty())
      throw NotKernel{fn.qualname + ": a call that is not to a known function at line " + std::to_string(in.span.line)};
    GlobalTarget::Kind kind = frame_.callee[size_t(callee)].kind;
    if (kind == GlobalTarget::Enumerate || kind == GlobalTarget::Zip) return step_iterable(fn, t, in, kind);
    if (in.args.size() == 2 && frame_.special[size_t(in.args[1])] == Special::Lazy)
      return step_consume(fn, t, in, kind, frame_.lazy.at(in.args[1]));
    std::vector<Scalar> args;
    for (size_t i = 1; i < in.args.size(); ++i) {
      Scalar s = type_of(t, in.args[i]);
      if (s == Scalar::Unknown) return false;  // not known yet: a later pass will see it
      args.push_back(s);
    }
    const GlobalTarget& g = frame_.callee[size_t(callee)];
    bool one_sequence = args.size() == 1 && is_sequence(args[0]);
    if (one_sequence && g.kind == GlobalTarget::List)  // a new list of the same items
      return set_value(t, in.result, args[0] == Scalar::FloatSeq ? Scalar::FloatList : args[0] == Scalar::IntSeq ? Scalar::IntList : args[0]);
    if (one_sequence && (g.kind == GlobalTarget::Len || g.kind == GlobalTarget::Sum || g.kind == GlobalTarget::Min ||
                         g.kind == GlobalTarget::Max))
      return step_reduce(fn, t, in, g.kind, args[0]);
    for (Scalar s : args)
      if (is_sequence(s) && g.kind != GlobalTarget::Function)
        throw NotKernel{fn.qualname + ": a sequence passed to a builtin at line " + std::to_string(in.span.line)};
    auto all_int = [&] {
      for (Scalar s : args)
        if (as_number(s) != Scalar::Int) return false;
      return true;
    };
    switch (g.kind) {
      case GlobalTarget::Function: {
        Result r = infer(g.function, args);
        if (r.tuple.empty()) return set_value(t, in.result, r.scalar);
        // A tuple result: only unpacked (`left, n = msort(xs)`); it lives in the call's slots.
        bool changed = frame_.special[size_t(in.result)] != Special::Tuple || frame_.tuple_types[in.result] != r.tuple;
        frame_.special[size_t(in.result)] = Special::Tuple;
        frame_.tuple_types[in.result] = r.tuple;
        return changed;
      }
      case GlobalTarget::Range:
        if (args.empty() || args.size() > 3 || !all_int()) throw NotKernel{"range() of non-ints"};
        frame_.special[size_t(in.result)] = Special::Iterable;
        frame_.shape[in.result] = Shape{false, {Scalar::Int}};
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
  std::map<std::pair<int32_t, std::vector<Scalar>>, Result> assumed_;
  // What is known about the values of the function being inferred.
  struct Frame {
    std::vector<Special> special;
    std::vector<GlobalTarget> callee;
    std::map<ValueId, std::vector<Scalar>> tuple_types;
    std::map<ValueId, Shape> shape;
    std::map<ValueId, int64_t> cell_slot;    // CellRef -> the local slot holding the cell
    std::map<ValueId, Closure> closure;      // Closure -> which comprehension, over which cells
    std::map<ValueId, Lazy> lazy;            // Lazy -> what it yields
  };
  Frame frame_;
  // Set while inferring the body of an inlined comprehension.
  const ComprehensionContext* comprehension_ = nullptr;
};

}  // namespace

std::optional<std::vector<TypedFunction>> infer_list_kernel(const Program& program, int32_t function, int32_t dict_part, Scalar source,
                                                            const std::vector<Scalar>& free_types,
                                                            const GlobalResolver& globals, std::string* why) {
  Inference inf(program, globals);
  try {
    return inf.infer_list(function, dict_part, source, free_types);
  } catch (const NotKernel& e) {
    if (why) *why = e.why;
    return std::nullopt;
  }
}

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
