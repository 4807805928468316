#include "jit/specializer.h"

#include <cstdio>

#include "jit/jit_engine.h"
#include "jit/typed_codegen.h"
#include "lower/dump_options.h"
#include "runtime/call_depth.h"

namespace ufora::jit {

namespace {

// The kernel type of a sequence argument, without packing it: all floats, all int64 ints,
// or Unknown (it stays boxed).
ir::Scalar sequence_type(const SeqObj* s) {
  if (const PackedSeq* p = s->packed_if_made()) return p->kind() == PackedKind::Float ? ir::Scalar::FloatSeq : ir::Scalar::IntSeq;
  const auto& items = s->items();
  if (items.empty() || (items[0]->tag != Tag::Float && items[0]->tag != Tag::Int)) return ir::Scalar::Unknown;
  for (Obj* o : items)
    if (o->tag != items[0]->tag) return ir::Scalar::Unknown;
  return items[0]->tag == Tag::Float ? ir::Scalar::FloatSeq : ir::Scalar::IntSeq;
}

// A kernel's 64-bit result as a Python value.
Obj* box(ir::Scalar type, uint64_t bits) {
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
    c->fast_state = nullptr;
  }
}

void Specializer::attach() {
  for (size_t i = 0; i < program_.functions.size(); ++i) {
    if (!may_be_kernel(program_.functions[i])) continue;
    functions_.push_back(std::make_unique<PerFunction>(PerFunction{this, int32_t(i), {}}));
    codes_[i]->fast_state = functions_.back().get();
    codes_[i]->fast_call = &Specializer::fast_call;
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
    if (name == "range") return {ir::GlobalTarget::Range, -1};
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
    return {};
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
  if (!kernels) {
    if (dump_enabled("typed")) fprintf(stderr, "typed: %s stays boxed: %s\n", program_.functions[size_t(index)].qualname.c_str(), why.c_str());
    return {};
  }
  if (dump_enabled("typed"))
    for (const auto& k : *kernels) fprintf(stderr, "typed: %s\n", k.signature(program_).c_str());
  auto context = std::make_unique<llvm::LLVMContext>();
  TypedModule m = generate_typed(program_, *kernels, globals_, pool_, [this](const CodeInfo* c) { return index_of(c); }, *context);
  std::vector<void*> addrs = JitEngine::instance().add(std::move(m.module), std::move(context), {m.entry_symbol}, true);
  Kernel k;
  k.entry = reinterpret_cast<bool (*)(uint64_t*, int32_t, const uint64_t*)>(addrs[0]);
  k.result = (*kernels)[0].result;
  k.result_tuple = (*kernels)[0].result_tuple;
  return k;
}

bool Specializer::fast_call(const CodeInfo* code, Obj* const* args, size_t nargs, Obj** result) {
  auto* pf = static_cast<PerFunction*>(code->fast_state);
  std::vector<ir::Scalar> types(nargs);
  std::vector<uint64_t> bits(nargs);
  for (size_t i = 0; i < nargs; ++i) {
    Obj* a = args[i];
    switch (a->tag) {
      case Tag::Int:
        types[i] = ir::Scalar::Int;
        bits[i] = uint64_t(static_cast<IntObj*>(a)->v);
        break;
      case Tag::Float: {
        types[i] = ir::Scalar::Float;
        double d = static_cast<FloatObj*>(a)->v;
        static_assert(sizeof(double) == sizeof(uint64_t));
        __builtin_memcpy(&bits[i], &d, sizeof d);
        break;
      }
      case Tag::Bool:
        types[i] = ir::Scalar::Bool;
        bits[i] = static_cast<BoolObj*>(a)->v ? 1 : 0;
        break;
      case Tag::Tuple:
      case Tag::List:
        // Packed below, and only when there is a kernel to read it.
        types[i] = sequence_type(static_cast<SeqObj*>(a));
        if (types[i] == ir::Scalar::Unknown) return false;
        break;
      default: return false;
    }
  }
  auto it = pf->cache.find(types);
  if (it == pf->cache.end()) it = pf->cache.emplace(types, pf->owner->compile(pf->index, types)).first;
  const Kernel& k = it->second;
  if (!k.entry) return false;
  for (size_t i = 0; i < nargs; ++i)
    if (ir::is_sequence(types[i])) {
      // The caller holds the sequence for the whole call, so the kernel borrows its view.
      const PackedSeq* p = static_cast<SeqObj*>(args[i])->packed();
      bits[i] = reinterpret_cast<uint64_t>(&p->header());
    }
  uint64_t out[ir::TypedFunction::kMaxResultTuple] = {};
  if (!k.entry(out, call_depth(), bits.data())) return false;
  if (k.result_tuple.empty()) {
    *result = box(k.result, out[0]);
    return true;
  }
  std::vector<Obj*> items;
  for (size_t i = 0; i < k.result_tuple.size(); ++i) items.push_back(box(k.result_tuple[i], out[i]));
  *result = new_tuple(std::move(items));
  return true;
}

}  // namespace ufora::jit
