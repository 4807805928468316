// The code generator of typed kernels (see typed_codegen.h): the class and the few constants
// its parts share. The member functions are defined by what they do:
//   kernel_codegen.cpp         construction, a kernel's entry, types, guards, arithmetic
//   kernel_instructions.cpp    one IR instruction at a time (gen, gen_call)
//   kernel_iteration.cpp       range / sequence / enumerate / zip loops
//   kernel_fork_join.cpp       independent kernel calls run in parallel
//   kernel_comprehensions.cpp  comprehensions inlined into the reduction that consumes them
//   kernel_parallel_parts.cpp  reductions and list comprehensions split into parallel parts
//   kernel_keyed_parts.cpp     filtered reductions `if key == c` computed for every c at once
//   kernel_checked_reads.cpp   pieces without index checks when every index is in range
//   loop_reduction.cpp         `for` loops run as parallel reductions
//   typed_codegen.cpp          the module of kernels (generate_typed)
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "jit/kernel_sequences.h"
#include "jit/typed_codegen.h"
#include "runtime/parallel_reduce.h"
#include "runtime/scheduler.h"
#include "values/packed_seq.h"
#include "lower/ast.h"
#include "lower/dump_options.h"
#include "lower/loop_reductions.h"
#include "runtime/call_depth.h"
#include "runtime/interrupt.h"

namespace ufora::jit::detail {

using ir::Op;
using ir::Scalar;
using lower::BinOpKind;
using lower::CmpKind;
using lower::UnaryKind;

// UFORA_NO_PARALLEL=1 compiles kernels without fork points or parallel reductions: the
// baseline against which the cost of parallel code on one thread is measured.
inline bool parallel_code() {
  static bool on = [] {
    const char* e = std::getenv("UFORA_NO_PARALLEL");
    return !(e && *e && *e != '0');
  }();
  return on;
}

// Calls deeper than this in the Python stack run the sequential twin (see set_sequential).
constexpr int32_t kForkDepth = 12;

// Largest magnitude an int can have and still convert to a double exactly.
constexpr int64_t kExactInDouble = int64_t(1) << 53;

using KernelKey = std::pair<int32_t, std::vector<Scalar>>;

// Numbers (int that fits in int64, float, bool): what a kernel can fold or read unboxed.
inline bool is_unboxed_number(const Obj* o) { return o->tag == Tag::Int || o->tag == Tag::Float || o->tag == Tag::Bool; }
// Byte offsets of Obj::tag and of the value of an IntObj / FloatObj / BoolObj, for code that
// reads a global's value at run time.
size_t tag_offset();
size_t number_value_offset(Tag tag);

// A kernel function is `{i64, i1} (ptr tuple_result, i32 depth, i64 args...)`: the result's
// bits and whether it completed (false: give up, the boxed code runs the call), returned in
// registers so that a call's result does not go through memory (fib: a store and a load on
// every call's critical path). A tuple result is written to `tuple_result`, and its first
// item is also returned.
// The attribute on a kernel that returns a tuple: one digit per item, its ir::Scalar.
constexpr const char* kResultTupleAttribute = "ufora-result-tuple";

inline llvm::StructType* kernel_return_type(llvm::LLVMContext& c) {
  return llvm::StructType::get(llvm::Type::getInt64Ty(c), llvm::Type::getInt1Ty(c));
}

class KernelCodegen {
 public:
  KernelCodegen(llvm::Module& m, const ir::Program& p, const ir::TypedFunction& t, llvm::Function* fn,
                const std::map<KernelKey, llvm::Function*>& kernels, ModuleObj* globals, ConstantPool& pool,
                const FunctionIndex& index_of);

  // Every kernel is compiled twice: with fork points and parallel reductions, for calls near
  // the top of the Python stack, and without (`sequential`), which the first one hands deeper
  // calls to, so that the small pieces of a recursion pay nothing for parallelism.
  void set_sequential() { sequential_ = true; }
  void set_sequential_twin(llvm::Function* twin) { sequential_twin_ = twin; }
  // Numeric globals read at run time instead of folded (generate_typed's `varying`); children
  // (inline comprehensions, parts) share their parent's.
  void set_varying_globals(const std::set<int64_t>* varying) { varying_globals_ = varying; }


  // Compiles the kernel into fn (kernel_codegen.cpp).
  void generate();

  // The entry of a list comprehension kernel (kernel_parallel_parts.cpp):
  // `i1 (ptr result, i32 depth, ptr args)` where args are the source (range: next, stop, step;
  // sequence: header, index) and then the free variables; the result is a new unboxed list
  // (an owned Obj*).
  void generate_list_entry();

 private:
  // A local (or cell) as stack slots: its value and whether it is bound.
  struct Slot {
    llvm::Value* value;
    llvm::Value* bound;
    Scalar type;
  };

  struct RangeArgs {
    llvm::Value* start;
    llvm::Value* stop;
    llvm::Value* step;
  };
  // Something a kernel loops over: range(...), a sequence, or enumerate/zip of those.
  struct IterSource {
    // Counted: items base + step * k for k from cursor up to stop (a part of a range).
    enum Kind { Range, Sequence, Enumerate, Zip, Counted } kind = Range;
    RangeArgs range{};
    llvm::Value* sequence = nullptr;  // PackedHeader*
    Scalar element = Scalar::Unknown;
    std::vector<IterSource> parts;
  };
  // A running loop: its cursor lives in stack slots (promoted to registers at O2).
  struct IterState {
    IterSource::Kind kind = IterSource::Range;
    llvm::Value* cursor = nullptr;  // range: current value; sequence: index; enumerate: count
    llvm::Value* stop = nullptr;    // range, counted; for a sequence, an end before its size
    llvm::Value* step = nullptr;    // range, counted
    llvm::Value* base = nullptr;    // counted
    llvm::Value* first = nullptr;   // range: its start and step as computed (maybe constants)
    llvm::Value* stride = nullptr;
    llvm::Value* sequence = nullptr;
    Scalar element = Scalar::Unknown;
    std::vector<IterState> parts;
  };

  struct Lazy {
    std::vector<Slot> cells;
    IterState source;
  };
  struct InlineContext {
    KernelCodegen* parent;
    IterState source;
    std::vector<Slot> free;
    std::function<void(llvm::Value*, Scalar)> on_element;
    llvm::BasicBlock* done;
  };

  // ---- types, conversions to and from 64-bit slots, guards, arithmetic (kernel_codegen.cpp)

  llvm::Type* type(Scalar s);
  llvm::Value* from_bits(llvm::Value* bits, Scalar s);
  llvm::Value* to_bits(llvm::Value* v, Scalar s);

  // The value `yes()` or `no()` makes, each generated on its side of a branch on `cond`.
  llvm::Value* either(llvm::Value* cond, const std::function<llvm::Value*()>& yes, const std::function<llvm::Value*()>& no);
  // Continues only when `ok`; otherwise the kernel gives up.
  void guard(llvm::Value* ok);

  Scalar ty(ir::ValueId v) const { return t_.value_types[size_t(v)]; }
  llvm::Value* get(ir::ValueId v) { return b_.CreateLoad(type(ty(v)), values_[size_t(v)]); }
  void set(ir::ValueId v, llvm::Value* x) { b_.CreateStore(x, values_[size_t(v)]); }

  // The value converted to int64 (bools widen) or double.
  llvm::Value* as_int(ir::ValueId v);
  llvm::Value* as_float(ir::ValueId v);

  llvm::Value* constant_ptr(const void* p) { return b_.CreateIntToPtr(b_.getInt64(reinterpret_cast<uint64_t>(p)), b_.getPtrTy()); }
  llvm::FunctionCallee helper(const char* name, llvm::Type* value_type);
  // Calls an `int32 f(a, b, out*)` helper and gives up when it says so.
  llvm::Value* checked_helper(const char* name, llvm::Value* a, llvm::Value* b, llvm::Type* t);
  llvm::Value* scratch(llvm::Type* t);
  llvm::Value* overflow_op(llvm::Intrinsic::ID id, llvm::Value* a, llvm::Value* b);

  llvm::Value* int_binary(BinOpKind k, llvm::Value* a, llvm::Value* b);
  [[noreturn]] static void UFORA_UNREACHABLE_KERNEL() { throw std::logic_error("typed codegen: operator the inference accepted"); }
  llvm::Value* float_binary(BinOpKind k, llvm::Value* a, llvm::Value* b);
  void guard_exact_in_double(llvm::Value* i);
  llvm::Value* compare(CmpKind k, ir::ValueId x, ir::ValueId y);

  llvm::Value* truth(ir::ValueId v) { return truth_of(get(v), ty(v)); }
  llvm::Value* truth_of(llvm::Value* x, Scalar s);
  void poll_interrupt();
  // A kernel function's return value (kernel_return_type).
  llvm::Value* kernel_return(llvm::Value* bits, bool ok);
  llvm::Value* constant_of(Obj* g);
  llvm::Value* load_number_global(int64_t slot, Tag tag);
  // The module global `slot` must still be what it was when this kernel was specialised.

  // ---- one IR instruction: values, locals, calls, branches (kernel_instructions.cpp)

  void gen(const ir::Instr& in);
  void gen_call(const ir::Instr& in);
  // Where a jump to `target` goes: the block itself, or, for a loop's back edge to a block that
  // is not a for loop's header (those poll on every iteration), a block that polls first.
  llvm::BasicBlock* back_edge_target(ir::BlockId target);

  // ---- loops over range(...), sequences, enumerate and zip (kernel_iteration.cpp)

  IterSource iterable(ir::ValueId v);
  llvm::Value* slot_holding(llvm::Value* v);
  IterState start_iteration(const IterSource& src);
  // Appends the next item(s) of `st`; branches to `done` when it is exhausted.
  void next_items(IterState& st, std::vector<llvm::Value*>& items, llvm::BasicBlock* done);
  // The items of a range or sequence source still to come, and where they start.
  llvm::Value* remaining_items(const IterState& src);

  // ---- fork-join of independent kernel calls (runtime/fork_join.h; kernel_fork_join.cpp)

  // The kernel of this module that global `slot` holds, for these argument types.
  llvm::Function* kernel_of(int64_t slot, const std::vector<ir::ValueId>& args);
  size_t fork_partner(const std::vector<ir::Instr>& instrs, size_t k);
  // `i32 thunk(ptr frame)` for a kernel: frame = [result, depth, args...] as 64-bit slots.
  llvm::Function* thunk_for(llvm::Function* callee, size_t nargs);
  void gen_forked(const std::vector<ir::Instr>& instrs, size_t k, size_t j);

  // ---- sequences a kernel makes (runtime/kernel_lists.h; kernel_made_lists.cpp)

  struct ListUses {
    std::set<ir::ValueId> fresh;                 // a new header, used once: storing it shares nothing
    std::map<ir::ValueId, ir::ValueId> pushed;   // `[e]` of `x = x + [e]`, never made -> e
  };
  const ListUses& list_uses();
  // The header of `v` (a sequence) may now have a second holder: it no longer grows in place.
  void share_list(ir::ValueId v);
  void share_unless_fresh(ir::ValueId v);
  // A header a runtime call made; null (the arena is full) gives up.
  llvm::Value* made_list(llvm::Value* header);
  void gen_build_list(const ir::Instr& in);
  void gen_slice(const ir::Instr& in);
  void gen_sequence_add(const ir::Instr& in);
  void gen_list_copy(const ir::Instr& call);
  // A list comprehension kept as a value, run inline into a new list.
  llvm::Value* materialised_list(ir::ValueId lazy_value);
  llvm::Value* list_built_in_parts(ir::ValueId lazy_value);
  llvm::Value* list_built_here(ir::ValueId lazy_value);
  // `h + [bits]` as ufr_kl_push makes it, in place inline when it can; `made_here`: h is a
  // list this kernel is building, which nothing else holds yet.
  llvm::Value* push_item(llvm::Value* h, llvm::Value* bits, bool made_here);
  // The item types of a kernel's tuple result (empty: it returns one value), from the
  // attribute generate_typed puts on it.
  static std::vector<Scalar> result_tuple_of(llvm::Function* kernel);
  std::optional<ListUses> list_uses_;
  std::map<ir::ValueId, std::array<ir::ValueId, 3>> slices_;  // BuildSlice: start, stop, step (kNoValue: None)

  // ---- comprehensions run inline where a reduction consumes them (kernel_comprehensions.cpp)

  void generate_inline(KernelCodegen& parent, const IterState& source, std::vector<Slot> free,
                       std::function<void(llvm::Value*, Scalar)> on_element, llvm::BasicBlock* done);
  // Hands a produced value to the consumer, which emits with the parent's builder.
  void emit_element(llvm::Value* v, Scalar s);

  // ---- reductions of comprehensions: sum / min / max / any / all / len, with Python's
  // results, including where they stop early (any, all) and what they do on no elements
  // (kernel_comprehensions.cpp).

  struct Reducer {
    std::string name;
    Scalar result;
    llvm::Value* acc;   // the running value, of the result's type
    llvm::Value* seen;  // i1: an element was seen
    llvm::BasicBlock* decided;  // where any/all go once the answer is known
  };

  Reducer begin_reduce(const std::string& name, Scalar result, llvm::BasicBlock* decided);
  void reduce_element(const Reducer& r, llvm::Value* v, Scalar s);
  // Python gives the int 0 for sum() of no floats and raises for min()/max() of nothing.
  void guard_nonempty(const Reducer& r);
  llvm::Value* consume(const std::string& name, ir::ValueId lazy_value, Scalar result);
  // len / sum / min / max of a sequence, with Python's results (sum adds from the left).
  llvm::Value* reduce_sequence(const std::string& name, llvm::Value* seq, Scalar result);

  // ---- parallel reductions (runtime/parallel_reduce.h; kernel_parallel_parts.cpp)

  static ReduceOp reduce_op(const std::string& name, Scalar result);
  // `one_leaf`: for a keyed reduction in code without parallelism, every pass is one leaf.
  llvm::Value* consume_in_parallel(const std::string& name, const Lazy& lazy, const ir::TypedFunction& body, Scalar result,
                                   bool one_leaf);
  struct PartSource;
  llvm::Value* part_environment(const IterState& src, const PartSource& ps, const std::vector<Slot>& free,
                                std::vector<Scalar>& free_types);
  // An environment of ps.head + more_slots slots with the call depth and the sources filled in.
  llvm::Value* part_env_head(const IterState& src, const PartSource& ps, size_t more_slots, llvm::Type*& env_type);
  void store_source(const IterState& src, llvm::Type* env_type, llvm::Value* env, size_t& slot);
  IterState load_source(const PartSource& ps, llvm::Value* lo, llvm::Value* hi, size_t& slot);
  // In a part function: slot i of its environment (its first argument).
  llvm::Value* part_env_value(size_t i);
  llvm::FunctionCallee parallel_reduce_fn();
  llvm::FunctionCallee list_new_fn();
  llvm::FunctionCallee list_push_fn();
  llvm::FunctionCallee list_discard_fn();
  // `tail` (ufr_k_list_tail of the builder): appends `bits` inline while its buffer has room.
  void emit_list_push(llvm::Value* builder, llvm::Value* tail, llvm::Value* bits);
  llvm::Value* list_tail(llvm::Value* builder);
  // `i32 part(ptr env, i64 lo, i64 hi, ptr out)`: the comprehension over items [lo, hi).
  llvm::Function* make_part(const std::string& name, const ir::TypedFunction& body, Scalar result, const PartSource& source,
                            const std::vector<Scalar>& free_types);
  void generate_part(const std::string& name, Scalar result, const PartSource& source, const std::vector<Scalar>& free_types);

  // ---- pieces without index checks when every index is in range (kernel_checked_reads.cpp)

  // In a piece's code (`body`: its blocks, or null for the whole function), the GetItems that
  // every item makes (in the block the loop enters for it) whose index is the item of the
  // loop `is_source_loop` picks, stored in a local nothing else assigns, and whose sequence
  // `env_slot_of` finds in the piece's environment: by result, that environment slot.
  std::map<ir::ValueId, size_t> range_indexed_reads(const ir::Function& f, const ir::TypedFunction& types, const std::set<ir::BlockId>* body,
                                                    const std::function<bool(const ir::Instr&)>& is_source_loop,
                                                    const std::function<std::optional<size_t>(const ir::Instr&)>& env_slot_of);
  // A new, empty `i32 part(ptr env, i64 lo, i64 hi, ptr out)` named prefix + a number.
  llvm::Function* part_function(const std::string& prefix);
  // In such a function: its entry block, and a give-up block that returns 0.
  void start_piece();
  // A piece of a comprehension over `body` (guarded_part over its comprehension_reads):
  // `generate` fills in a code generator for `body` that has its trusted reads set.
  llvm::Function* comprehension_piece(const std::string& prefix, const ir::TypedFunction& body, const PartSource& source,
                                      const std::vector<Scalar>& free_types, const std::function<void(KernelCodegen&)>& generate);
  // Makes `fn` a piece over a range that checks at its entry that all its items index the
  // sequences of `reads` (else it gives up), then runs the piece's code (with no reads, `fn`
  // is just the piece's code), which
  // `generate(into, trusted)` generates without the checks of the GetItems in `trusted`.
  // `bound_offset`: when not 0, environment slot `slot + bound_offset` says whether `slot` is
  // bound (a loop's locals).
  llvm::Function* guarded_part(llvm::Function* fn, const PartSource& ps, const std::map<ir::ValueId, size_t>& reads, size_t bound_offset,
                               const std::function<void(llvm::Function*, const std::set<ir::ValueId>&)>& generate);
  // range_indexed_reads of a comprehension's piece: `xs[i]` with xs a free variable.
  std::map<ir::ValueId, size_t> comprehension_reads(const ir::TypedFunction& body, const PartSource& source,
                                                    const std::vector<Scalar>& free_types);
  std::set<ir::ValueId> trusted_reads_;  // GetItems whose index is known to be in range

  // ---- filtered reductions by key (runtime/grouped_reduce.h; kernel_keyed_parts.cpp)

  // A comprehension whose filter is `key == c`, c a free int variable used nowhere else.
  struct KeyFilter {
    ir::ValueId compare;  // the `==`, which a keyed part replaces by the key's range check
    ir::ValueId key;      // the other operand
    size_t free_index;    // c among the free variables
  };
  std::optional<KeyFilter> key_filter(const std::string& name, const ir::TypedFunction& body, Scalar result) const;
  // `i32 part(ptr env, i64 lo, i64 hi, ptr out)` whose out holds kGroupKeys partials.
  llvm::Function* make_keyed_part(const std::string& name, const ir::TypedFunction& body, Scalar result, const PartSource& source,
                                  const std::vector<Scalar>& free_types, const KeyFilter& filter);
  void generate_keyed_part(const std::string& name, Scalar result, const PartSource& source, const std::vector<Scalar>& free_types);
  // In a keyed part, at the filter's `==`: the key must be in [0, kGroupKeys) (else the keyed
  // pass gives up) and the item goes to its key's accumulator.
  void gen_key_check(const ir::Instr& compare);
  struct KeyedState {
    KeyFilter filter;
    llvm::Value* key = nullptr;  // i64 slot: the current item's key
  };
  std::optional<KeyedState> keyed_;

  llvm::Module& m_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  const ir::Program& p_;
  const ir::Function& f_;
  const ir::TypedFunction& t_;
  llvm::Function* fn_;
  const std::map<KernelKey, llvm::Function*>& kernels_;
  ModuleObj* globals_;
  const std::set<int64_t>* varying_globals_ = nullptr;
  ConstantPool& pool_;
  const FunctionIndex& index_of_;
  llvm::BasicBlock* bail_ = nullptr;
  llvm::Value* depth_ = nullptr;
  int32_t current_block_ = 0;
  std::vector<llvm::AllocaInst*> values_, locals_, bound_;
  std::vector<llvm::BasicBlock*> blocks_;
  std::map<ir::ValueId, int64_t> callee_slot_;
  std::map<ir::ValueId, IterSource> iterables_;
  std::map<ir::ValueId, IterState> iters_;
  std::optional<InlineContext> inline_;  // set while compiling an inlined comprehension
  std::set<ir::ValueId> new_cells_;
  std::map<ir::ValueId, Slot> cells_;
  std::map<ir::ValueId, std::vector<Slot>> closures_;
  std::map<ir::ValueId, Lazy> lazies_;
  std::map<llvm::Function*, llvm::Function*> thunks_;
  std::vector<size_t> deferred_;  // fork_partner's answer: stores of the first result, moved after the join
  bool sequential_ = false;
  llvm::Function* sequential_twin_ = nullptr;

  bool parallel_enabled() const { return parallel_code() && !sequential_; }

  // ---- `for` loops run as parallel reductions (loop_reduction.cpp; lower/loop_reductions.h)
  const ir::LoopPlan* loop_plan(ir::BlockId header);
  bool gen_parallel_loop(const ir::Instr& for_iter);
  // Parts over a range whose start and step are constants get them as constants.
  // What a part function iterates (kernel_part_sources.cpp): a range (its start and step
  // compiled in when they are constants), a sequence, or enumerate/zip of those.
  struct PartSource {
    IterSource::Kind kind = IterSource::Range;
    Scalar item = Scalar::Unknown;  // a sequence's elements
    llvm::ConstantInt* first = nullptr;
    llvm::ConstantInt* step = nullptr;
    std::vector<PartSource> parts;  // enumerate: one; zip: each input
    size_t head = 0;  // environment slots before the free values: the call depth and the sources'
  };
  static bool splittable(const IterState& src);
  static size_t source_slots(const PartSource& ps);
  PartSource part_source(const IterState& src);
  // In a part: the iteration over items [lo, hi) of `ps`, from the environment's head slots.
  IterState part_iteration(const PartSource& ps, llvm::Value* lo, llvm::Value* hi, llvm::Value* env);
  llvm::Function* make_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& source);
  void generate_loop_part(const ir::LoopPlan& plan, const ir::Instr& for_iter, const PartSource& source);
  std::set<ir::ValueId> unit_step_adds(const ir::LoopPlan& plan) const;
  bool counts_by_unit_steps(const ir::LoopPlan& plan, const ir::LoopAccumulator& acc) const;
  std::set<ir::ValueId> unit_adds_;  // in a loop piece: `+`s without an overflow check
  void gen_block(size_t i);
  llvm::Value* loop_identity(ir::LoopAccOp op, Scalar t);
  std::optional<std::vector<ir::LoopPlan>> loop_plans_;
  std::set<ir::BlockId> dead_blocks_;  // bodies of loops run as parallel reductions
  bool loop_part_ = false;  // compiling one piece of a parallel loop: its inner loops stay sequential
  std::map<ir::ValueId, std::vector<llvm::Value*>> tuples_;
  std::map<ir::ValueId, llvm::ConstantInt*> constant_ints_;  // values made by ConstInt
};

}  // namespace ufora::jit::detail
