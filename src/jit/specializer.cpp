#include "jit/specializer.h"

#include "runtime/grouped_reduce.h"

#include <cstdio>
#include <map>
#include <set>

#include "jit/jit_engine.h"
#include "jit/typed_codegen.h"
#include "lower/dump_options.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/set_layout.h"
#include "runtime/builtin_support.h"
#include "runtime/call_depth.h"
#include "runtime/iterator.h"
#include "runtime/kernel_lists.h"
#include "runtime/ops.h"
#include "runtime/scheduler.h"

namespace ufora::jit {

namespace {

// The kernel type of a sequence argument, without packing it: all floats, all int64 ints,
// or Unknown (it stays boxed).
ir::Scalar sequence_type(const SeqObj* s) {
  bool floats;
  if (const PackedSeq* p = s->packed_if_made()) {
    if (!p->header().flat) return ir::Scalar::Unknown;  // kernels read elements as flat[i]
    floats = p->kind() == PackedKind::Float;
  } else {
    const auto& items = s->items();
    if (items.empty() || (items[0]->tag != Tag::Float && items[0]->tag != Tag::Int)) return ir::Scalar::Unknown;
    for (Obj* o : items)
      if (o->tag != items[0]->tag) return ir::Scalar::Unknown;
    floats = items[0]->tag == Tag::Float;
  }
  if (s->tag == Tag::List) return floats ? ir::Scalar::FloatList : ir::Scalar::IntList;
  return floats ? ir::Scalar::FloatSeq : ir::Scalar::IntSeq;
}

// The kernel type of a value and its 64-bit pattern (a sequence's is filled in once a kernel
// exists to read it, see packed_bits); false for values kernels do not take.
bool kernel_value(Obj* a, ir::Scalar& type, uint64_t& bits) {
  switch (a->tag) {
    case Tag::Int:
      type = ir::Scalar::Int;
      bits = uint64_t(static_cast<IntObj*>(a)->v);
      return true;
    case Tag::Float:
      type = ir::Scalar::Float;
      static_assert(sizeof(double) == sizeof(uint64_t));
      __builtin_memcpy(&bits, &static_cast<FloatObj*>(a)->v, sizeof bits);
      return true;
    case Tag::Bool:
      type = ir::Scalar::Bool;
      bits = static_cast<BoolObj*>(a)->v ? 1 : 0;
      return true;
    case Tag::Tuple:
    case Tag::List:
      type = sequence_type(static_cast<SeqObj*>(a));
      bits = 0;
      return type != ir::Scalar::Unknown;
    default: return false;
  }
}

// The pattern kernels get for a sequence: its unboxed view (made now if needed), which the
// caller's reference keeps alive for the whole call.
uint64_t packed_bits(Obj* seq) { return reinterpret_cast<uint64_t>(&static_cast<SeqObj*>(seq)->packed()->header()); }

// A kernel's 64-bit result as a Python value. A sequence is one of the call's arguments (the
// same object, as `return xs` gives in Python) or one the kernel made, copied out of the
// kernel call's arena (runtime/kernel_lists.h) into a new list or tuple.
Obj* box(ir::Scalar type, uint64_t bits, Obj* const* args, size_t nargs) {
  if (ir::is_sequence(type)) {
    const auto* h = reinterpret_cast<const PackedHeader*>(bits);
    for (size_t i = 0; i < nargs; ++i)
      if ((args[i]->tag == Tag::List || args[i]->tag == Tag::Tuple) && static_cast<SeqObj*>(args[i])->packed_if_made() &&
          &static_cast<SeqObj*>(args[i])->packed_if_made()->header() == h)
        return newref(args[i]);
    if (KernelListArena* arena = KernelListArena::current())
      if (Obj* made = arena->owner_of(h)) return newref(made);  // a list comprehension's list
    Tag tag = ir::is_list(type) ? Tag::List : Tag::Tuple;
    if (h->size == 0) return tag == Tag::List ? new_list({}) : new_tuple({});
    PackedKind kind = ir::element_of(type) == ir::Scalar::Float ? PackedKind::Float : PackedKind::Int;
    return new SeqObj(tag, PackedSeq::copy_of(kind, h->flat, h->size));
  }
  switch (type) {
    case ir::Scalar::Int: return new_int(int64_t(bits));
    case ir::Scalar::Bool: return new_bool(bits != 0);
    default: {
      double d;
      __builtin_memcpy(&d, &bits, sizeof d);
      return new_float(d);
    }
  }
}

// How many items a range iterator has left (next, stop, step as range_iter_remaining gives);
// computed unsigned, since the distance between two int64 values may not fit in int64.
uint64_t range_items(int64_t next, int64_t stop, int64_t step) {
  if (step > 0 ? next >= stop : next <= stop) return 0;
  uint64_t distance = step > 0 ? uint64_t(stop) - uint64_t(next) : uint64_t(next) - uint64_t(stop);
  uint64_t magnitude = step > 0 ? uint64_t(step) : 0 - uint64_t(step);
  return (distance - 1) / magnitude + 1;
}

bool may_be_kernel(const ir::Function& f) {
  return !f.is_generator && f.free_names.empty() && !f.has_varargs && !f.has_varkw && f.n_kwonly == 0 &&
         f.name != "<module>";
}

}  // namespace

Specializer::Specializer(ir::Program program, ModuleObj* globals, std::vector<CodeInfo*> codes, ConstantPool& pool)
    : program_(std::move(program)), globals_(globals), codes_(std::move(codes)), pool_(pool) {}

Specializer::~Specializer() {
  for (CodeInfo* c : codes_) {
    c->fast_call = nullptr;
    c->fast_items = nullptr;
    c->fast_state = nullptr;
  }
}

void Specializer::attach() {
  if (dump_enabled("parallel")) explain_sequential(0, "module-level code is not compiled as a kernel: move the work into a function");
  for (size_t i = 0; i < program_.functions.size(); ++i) {
    const ir::Function& f = program_.functions[i];
    bool list = f.builds_list || f.builds_set || f.builds_dict;
    bool generator = f.is_generator && f.name == "<genexpr>";
    if (!list && !generator && !may_be_kernel(f)) continue;
    functions_.push_back(std::make_unique<PerFunction>(PerFunction{this, int32_t(i), {}, false}));
    codes_[i]->fast_state = functions_.back().get();
    if (generator)
      codes_[i]->fast_items = &Specializer::fast_generator_items;
    else
      codes_[i]->fast_call = f.builds_dict ? &Specializer::fast_dict_call
                             : f.builds_set ? &Specializer::fast_set_call
                             : list         ? &Specializer::fast_list_call
                                            : &Specializer::fast_call;
  }
}

int32_t Specializer::index_of(const CodeInfo* code) const {
  for (size_t i = 0; i < codes_.size(); ++i)
    if (codes_[i] == code) return int32_t(i);
  return -1;
}

ir::GlobalTarget Specializer::resolve_global(int64_t slot) const {
  Obj* v = globals_->globals[size_t(slot)];
  const std::string& name = globals_->names[size_t(slot)];
  if (!v) {
    // Unbound at module level: the builtin of that name (guarded at run time).
    if (name == "range" || name == ".while_count") return {ir::GlobalTarget::Range, -1};  // the latter: two ints
    if (name == "abs") return {ir::GlobalTarget::Abs, -1};
    if (name == "float") return {ir::GlobalTarget::Float, -1};
    if (name == "int") return {ir::GlobalTarget::Int, -1};
    if (name == "min") return {ir::GlobalTarget::Min, -1};
    if (name == "max") return {ir::GlobalTarget::Max, -1};
    if (name == "len") return {ir::GlobalTarget::Len, -1};
    if (name == "sum") return {ir::GlobalTarget::Sum, -1};
    if (name == "any") return {ir::GlobalTarget::Any, -1};
    if (name == "all") return {ir::GlobalTarget::All, -1};
    if (name == "enumerate") return {ir::GlobalTarget::Enumerate, -1};
    if (name == "zip") return {ir::GlobalTarget::Zip, -1};
    if (name == "list") return {ir::GlobalTarget::List, -1};
    return {};
  }
  if (v->tag == Tag::Int || v->tag == Tag::Float || v->tag == Tag::Bool) {
    ir::GlobalTarget g{ir::GlobalTarget::Constant, -1};
    uint64_t bits = 0;
    kernel_value(v, g.constant_type, bits);
    return g;
  }
  if (v->tag != Tag::Function) return {};
  auto* f = static_cast<FunctionObj*>(v);
  int32_t index = index_of(f->code);
  if (index < 0 || !f->cells.empty() || !may_be_kernel(program_.functions[size_t(index)])) return {};
  return {ir::GlobalTarget::Function, index};
}

Specializer::Kernel Specializer::compile(int32_t index, const std::vector<ir::Scalar>& types) {
  std::string why;
  auto kernels = ir::infer_kernel(program_, index, types, [this](int64_t slot) { return resolve_global(slot); }, &why);
  return install(index, kernels, why);
}

Specializer::Kernel Specializer::compile_list(int32_t index, int32_t dict_part, const std::vector<ir::Scalar>& key) {
  std::string why;
  std::vector<ir::Scalar> free(key.begin() + 1, key.end());
  auto kernels = ir::infer_list_kernel(program_, index, dict_part, key[0], free, [this](int64_t slot) { return resolve_global(slot); }, &why);
  return install(index, kernels, why);
}

// UFORA_DUMP=parallel: the reductions of comprehensions in a function that is not a kernel,
// which therefore run sequentially, and why.
void Specializer::explain_sequential(int32_t index, const std::string& why) const {
  const ir::Function& f = program_.functions[size_t(index)];
  std::map<ir::ValueId, std::string> reducers;
  std::set<ir::ValueId> self;  // loads of the function's own name, in a module-level function
  std::vector<int32_t> self_calls;  // lines
  for (const ir::Block& b : f.blocks)
    for (const ir::Instr& in : b.instrs) {
      // (sum/min/max of a generator expression may still run as a kernel: CodeInfo::fast_items)
      if (in.op == ir::Op::LoadGlobal && (in.text == "any" || in.text == "all"))
        reducers[in.result] = in.text;
      if (in.op == ir::Op::LoadGlobal && in.text == f.name && f.qualname == f.name) self.insert(in.result);
      if (in.op == ir::Op::Call && !in.args.empty() && self.count(in.args[0])) self_calls.push_back(in.span.line);
      if (in.op == ir::Op::Call && in.args.size() == 2 && reducers.count(in.args[0]))
        fprintf(stderr, "parallel: %s:%d: %s(...) in %s runs sequentially: %s is not a numeric kernel (%s)\n",
                program_.file.c_str(), in.span.line, reducers[in.args[0]].c_str(), f.qualname.c_str(), f.qualname.c_str(),
                why.c_str());
    }
  // Divide and conquer (a merge sort's halves): only kernels fork their calls.
  if (self_calls.size() >= 2)
    fprintf(stderr, "parallel: %s:%d: the recursive calls of %s run one after the other: %s is not a numeric kernel (%s)\n",
            program_.file.c_str(), self_calls[0], f.qualname.c_str(), f.qualname.c_str(), why.c_str());
}

Specializer::Kernel Specializer::install(int32_t index, const std::optional<std::vector<ir::TypedFunction>>& kernels,
                                         const std::string& why) {
  if (!kernels) {
    if (dump_enabled("typed")) fprintf(stderr, "typed: %s stays boxed: %s\n", program_.functions[size_t(index)].qualname.c_str(), why.c_str());
    if (dump_enabled("parallel")) explain_sequential(index, why);
    return {};
  }
  if (dump_enabled("typed"))
    for (const auto& k : *kernels) fprintf(stderr, "typed: %s\n", k.signature(program_).c_str());
  // Kernels may split work off: the workers must be there to take it.
  if (Scheduler::instance().threads() > 1) Scheduler::instance().start_workers();
  auto context = std::make_unique<llvm::LLVMContext>();
  TypedModule m;
  std::vector<void*> addrs;
  try {
    m = generate_typed(program_, *kernels, globals_, varying_, pool_, [this](const CodeInfo* c) { return index_of(c); }, *context);
    addrs = JitEngine::instance().add(std::move(m.module), std::move(context), {m.entry_symbol}, true);
  } catch (const std::exception& e) {
    // A kernel the code generator fails to build is our bug, not the program's: say so, and
    // run the function boxed (an exception must not reach the compiled boxed code calling us).
    fprintf(stderr, "ufora: internal error: %s could not be compiled as a kernel, so it runs boxed: %s\n",
            program_.functions[size_t(index)].qualname.c_str(), e.what());
    return {};
  }
  Kernel k;
  k.entry = reinterpret_cast<bool (*)(uint64_t*, int32_t, const uint64_t*)>(addrs[0]);
  k.result = (*kernels)[0].result;
  k.result_tuple = (*kernels)[0].result_tuple;
  k.folded_numbers = m.folded_numbers;
  return k;
}

bool Specializer::generalize(std::vector<std::pair<int64_t, Obj*>> folded) {
  bool changed = false;
  for (const auto& [slot, compiled] : folded) {
    Obj* now = globals_->globals[size_t(slot)];
    if (now && now != compiled && now->tag == compiled->tag && !varying_.count(slot)) {
      varying_.insert(slot);
      changed = true;
    }
  }
  if (!changed) return false;
  // Kernels compiled with those numbers folded stay in the JIT, unused.
  for (auto& pf : functions_) pf->cache.clear();
  return true;
}

bool Specializer::fast_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result) {
  auto* pf = static_cast<PerFunction*>(f->code->fast_state);
  std::vector<ir::Scalar> types(nargs);
  std::vector<uint64_t> bits(nargs);
  for (size_t i = 0; i < nargs; ++i)
    if (!kernel_value(args[i], types[i], bits[i])) {
      if (!pf->explained && dump_enabled("parallel"))
        pf->owner->explain_sequential(pf->index, "argument " + std::to_string(i + 1) + " is not a number or a list of numbers");
      pf->explained = true;
      return false;
    }
  auto it = pf->cache.find({0, types});
  if (it == pf->cache.end()) it = pf->cache.emplace(std::make_pair(0, types), pf->owner->compile(pf->index, types)).first;
  const Kernel& k = it->second;
  if (!k.entry) return false;
  for (size_t i = 0; i < nargs; ++i)
    if (ir::is_sequence(types[i])) bits[i] = packed_bits(args[i]);
  uint64_t out[ir::TypedFunction::kMaxResultTuple] = {};
  KernelListScope lists;  // what the kernels make lives until their results are boxed
  begin_kernel_call();
  if (!k.entry(out, call_depth(), bits.data())) {
    if (!k.folded_numbers.empty() && pf->owner->generalize(k.folded_numbers)) return fast_call(f, args, nargs, result);
    return false;
  }
  if (k.result_tuple.empty()) {
    *result = box(k.result, out[0], args, nargs);
    return true;
  }
  std::vector<Obj*> items;
  for (size_t i = 0; i < k.result_tuple.size(); ++i) items.push_back(box(k.result_tuple[i], out[i], args, nargs));
  *result = new_tuple(std::move(items));
  return true;
}

bool Specializer::explain_list(PerFunction* pf, const std::string& why) {
  if (!pf->explained && dump_enabled("parallel")) {
    const ir::Program& p = pf->owner->program_;
    const ir::Function& f = p.functions[size_t(pf->index)];
    fprintf(stderr, "parallel: %s:%d: %s %s sequentially: %s\n", p.file.c_str(), f.span.line, f.qualname.c_str(),
            f.is_generator ? "is consumed" : f.builds_set ? "builds its set" : f.builds_dict ? "builds its dict" : "builds its list", why.c_str());
  }
  pf->explained = true;
  return false;
}

bool Specializer::fast_list_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result) {
  return build_list(f, args, nargs, result, INT64_MAX);
}

// The kernel builds the items (in parallel); adding them in order makes the set the general
// code would have made. Numbers are always hashable, so nothing can raise half-way.
bool Specializer::fast_set_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result) {
  Obj* items = nullptr;
  if (!build_list(f, args, nargs, &items, INT64_MAX)) return false;
  Ref list(items);
  auto* set = static_cast<DictObj*>(new_set(Tag::Set));
  auto* seq = static_cast<SeqObj*>(items);
  for (int64_t i = 0; i < seq->size(); ++i) {
    Ref item(seq->item(i));
    if (!set_add(set, item.get())) {
      decref(set);
      clear_error();
      return false;  // cannot happen for numbers; the general code then runs as usual
    }
  }
  set_in_slot_order(set);
  *result = set;
  return true;
}

// Two kernels build the keys and the values (each in parallel; the loop and its conditions
// run twice, which pure code cannot tell), then they go into the dict in order, as the
// general code puts them: a repeated key keeps its first key object and its last value.
bool Specializer::fast_dict_call(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result) {
  if (nargs != 1) return false;
  // `.0` is an iterator: the keys' kernel must not use it up before the values' kernel runs.
  Obj* keys = nullptr;
  Obj* values = nullptr;
  if (!build_list(f, args, nargs, &keys, INT64_MAX, 1)) return false;
  Ref key_list(keys);
  if (!build_list(f, args, nargs, &values, INT64_MAX, 2)) return false;
  Ref value_list(values);
  auto* k = static_cast<SeqObj*>(keys);
  auto* v = static_cast<SeqObj*>(values);
  if (k->size() != v->size()) return false;  // cannot happen: the same loop made both
  auto* dict = static_cast<DictObj*>(new_dict());
  for (int64_t i = 0; i < k->size(); ++i) {
    Ref key(k->item(i));
    Ref value(v->item(i));
    if (!dict_put(dict, key.get(), value.get())) {
      decref(dict);
      clear_error();
      return false;  // cannot happen for numbers; the general code then runs as usual
    }
  }
  *result = dict;
  return true;
}

bool Specializer::fast_generator_items(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** list) {
  constexpr int64_t kMaxGeneratorItems = int64_t(1) << 24;  // 128 MiB of numbers
  return build_list(f, args, nargs, list, kMaxGeneratorItems);
}

bool Specializer::build_list(const FunctionObj* f, Obj* const* args, size_t nargs, Obj** result, int64_t max_items, int32_t dict_part) {
  auto* pf = static_cast<PerFunction*>(f->code->fast_state);
  if (nargs != 1) return false;
  // Key: what `.0` runs over (int for a range), then the free variables' types.
  std::vector<ir::Scalar> key;
  std::vector<uint64_t> bits;
  std::vector<Obj*> sequences;  // by position in `bits`, for the views filled in below
  int64_t next = 0, stop = 0, step = 0, index = 0;
  SeqObj* source = nullptr;
  if (range_iter_remaining(args[0], next, stop, step)) {
    if (max_items != INT64_MAX && range_items(next, stop, step) > uint64_t(max_items)) return false;
    key.push_back(ir::Scalar::Int);
    bits = {uint64_t(next), uint64_t(stop), uint64_t(step)};
    sequences.assign(3, nullptr);
  } else if (seq_iter_remaining(args[0], source, index)) {
    if (source->size() - index > max_items) return false;
    key.push_back(sequence_type(source));
    if (key[0] == ir::Scalar::Unknown) return explain_list(pf, "it loops over a list or tuple that does not hold only numbers");
    bits = {0, uint64_t(index)};
    sequences = {source, nullptr};
  } else {
    std::string what = type_name(args[0]);
    const char* article = std::string("aeiou").find(what[0]) != std::string::npos ? "an " : "a ";
    return explain_list(pf, "it loops over " + (article + what) + ", not a range or a list or tuple of numbers");
  }
  for (size_t i = 0; i < f->cells.size(); ++i) {
    Obj* v = static_cast<CellObj*>(f->cells[i])->value;
    ir::Scalar type;
    uint64_t b = 0;
    if (!v || !kernel_value(v, type, b))
      return explain_list(pf, "it reads a variable of the enclosing scope that is not a number or a list of numbers");
    key.push_back(type);
    bits.push_back(b);
    sequences.push_back(ir::is_sequence(type) ? v : nullptr);
  }
  auto it = pf->cache.find({dict_part, key});
  if (it == pf->cache.end()) it = pf->cache.emplace(std::make_pair(dict_part, key), pf->owner->compile_list(pf->index, dict_part, key)).first;
  const Kernel& k = it->second;
  if (!k.entry) return explain_list(pf, "its body is not numeric code (UFORA_DUMP=typed says why)");
  for (size_t i = 0; i < bits.size(); ++i)
    if (sequences[i]) bits[i] = packed_bits(sequences[i]);
  uint64_t out = 0;
  KernelListScope lists;
  begin_kernel_call();
  if (!k.entry(&out, call_depth(), bits.data())) {
    if (!k.folded_numbers.empty() && pf->owner->generalize(k.folded_numbers))
      return build_list(f, args, nargs, result, max_items, dict_part);
    return false;
  }
  *result = reinterpret_cast<Obj*>(out);
  return true;
}

}  // namespace ufora::jit
