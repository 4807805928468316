// The C++ API: Runtime, Module, Value, Arg and the error types (include/ufora/ufora.hpp).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "api/pending_error.h"
#include "api/pipeline.h"
#include "api/source_registry.h"
#include "jit/compile_stats.h"
#include "lower/diagnostics.h"
#include "runtime/grouped_reduce.h"
#include "runtime/interrupt.h"
#include "runtime/parallel_reduce.h"
#include "runtime/scheduler.h"
#include "runtime/sys_module.h"
#include "runtime/ops.h"
#include "runtime/traceback.h"
#include "ufora/ufora.hpp"
#include "values/exception_state.h"

namespace ufora {

namespace {

Obj* obj(void* p) { return static_cast<Obj*>(p); }

[[noreturn]] void throw_pending() { api::throw_pending_error(); }

Obj* checked(Obj* r) {
  if (!r) throw_pending();
  return r;
}

}  // namespace

// ---------------------------------------------------------------- errors

CompileError::CompileError(std::string report, int line) : Error(report), report_(std::move(report)), line_(line) {}

PythonError::PythonError(std::string type_name, std::string message, std::string traceback, std::vector<Frame> frames)
    : Error(type_name + (message.empty() ? "" : ": " + message)),
      type_name_(std::move(type_name)),
      message_(std::move(message)),
      traceback_(std::move(traceback)),
      frames_(std::move(frames)) {}

// ---------------------------------------------------------------- Value

Value::Value() : obj_(new_none()) {}
Value::Value(const Value& o) : obj_(newref(obj(o.obj_))) {}
Value::Value(Value&& o) noexcept : obj_(o.obj_) { o.obj_ = new_none(); }
Value& Value::operator=(Value o) noexcept {
  std::swap(obj_, o.obj_);
  return *this;
}
Value::~Value() { decref(obj(obj_)); }

Value Value::adopt(void* object) {
  Value v;
  decref(obj(v.obj_));
  v.obj_ = object;
  return v;
}

Value::Kind Value::kind() const {
  switch (obj(obj_)->tag) {
    case Tag::None: return Kind::None;
    case Tag::Bool: return Kind::Bool;
    case Tag::Int:
    case Tag::BigInt: return Kind::Int;
    case Tag::Float: return Kind::Float;
    case Tag::Str: return Kind::Str;
    case Tag::Tuple: return Kind::Tuple;
    case Tag::List: return Kind::List;
    case Tag::Dict: return Kind::Dict;
    case Tag::Set:
    case Tag::FrozenSet: return Kind::Set;
    default: return Kind::Other;
  }
}

bool Value::as_bool() const {
  int r = op_truthy(obj(obj_));
  if (r < 0) throw_pending();
  return r != 0;
}

int64_t Value::as_int() const {
  Obj* o = obj(obj_);
  if (o->tag == Tag::Int) return static_cast<IntObj*>(o)->v;
  if (o->tag == Tag::Bool) return static_cast<BoolObj*>(o)->v;
  throw Error("expected an int that fits in 64 bits, got " + type_name(o));
}

double Value::as_double() const {
  Obj* o = obj(obj_);
  if (o->tag == Tag::Float) return static_cast<FloatObj*>(o)->v;
  if (o->tag == Tag::Int || o->tag == Tag::Bool) return double(as_int());
  throw Error("expected a float, got " + type_name(o));
}

std::string Value::as_string() const {
  Obj* o = obj(obj_);
  if (o->tag != Tag::Str) throw Error("expected a str, got " + type_name(o));
  return str_of(o);
}

size_t Value::size() const {
  int64_t n = op_len(obj(obj_));
  if (n < 0) throw_pending();
  return size_t(n);
}

Value Value::operator[](size_t i) const {
  Obj* o = obj(obj_);
  if (!is_seq(o)) throw Error("indexing needs a tuple or list, got " + type_name(o));
  if (i >= items_of(o).size()) throw Error("index out of range");
  return adopt(newref(items_of(o)[i]));
}

std::string Value::repr() const { return str_of(Ref(checked(op_repr(obj(obj_)))).get()); }
std::string Value::str() const { return str_of(Ref(checked(op_str(obj(obj_)))).get()); }

// ---------------------------------------------------------------- Arg

Arg::Arg(int v) : obj_(new_int(v)) {}
Arg::Arg(int64_t v) : obj_(new_int(v)) {}
Arg::Arg(double v) : obj_(new_float(v)) {}
Arg::Arg(bool v) : obj_(new_bool(v)) {}
Arg::Arg(const char* v) : obj_(new_str(v)) {}
Arg::Arg(const std::string& v) : obj_(new_str(v)) {}
// Spans become unboxed lists that view the host's memory (no copy). If the list is still
// referenced when the Arg goes away (kept in a result or a global), ~Arg copies it first.
Arg::Arg(std::span<const double> v) : obj_(new SeqObj(Tag::List, PackedSeq::view_of(PackedKind::Float, v.data(), int64_t(v.size())))) {}
Arg::Arg(std::span<const int64_t> v) : obj_(new SeqObj(Tag::List, PackedSeq::view_of(PackedKind::Int, v.data(), int64_t(v.size())))) {}
Arg::Arg(std::initializer_list<Arg> tuple_items) {
  std::vector<Obj*> items;
  for (const Arg& a : tuple_items) items.push_back(newref(obj(a.obj_)));
  obj_ = new_tuple(std::move(items));
}
Arg::Arg(const Value& v) : obj_(newref(obj(v.object()))) {}
Arg::Arg(const Arg& o) : obj_(newref(obj(o.obj_))) {}
Arg::~Arg() {
  Obj* o = obj(obj_);
  if (o->refcount > 1 && is_seq(o)) static_cast<SeqObj*>(o)->detach_views();
  decref(o);
}

// ---------------------------------------------------------------- Module

struct Module::Impl {
  std::unique_ptr<jit::CompiledModule> compiled;
};

Module::Module(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

Value Module::get(const std::string& name) const {
  Obj* v = impl_->compiled->module()->get(name);
  if (!v) throw Error("module has no global named '" + name + "'");
  return Value::adopt(newref(v));
}

Value Module::call(const std::string& function, std::initializer_list<Arg> args) const {
  return call(function, std::span<const Arg>(args.begin(), args.size()));
}

// ---------------------------------------------------------------- Runtime

struct Runtime::Impl {
  Options options;
};

Runtime::Runtime(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  // Threads are fixed when the workers start, at the first parallel construct.
  if (options.threads > 0 && !std::getenv("UFORA_THREADS")) Scheduler::instance().set_threads(options.threads);
}

std::string Runtime::parallel_stats() const {
  // Compiling runs on the program's thread while the workers wait, so it belongs here too.
  jit::CompileStats c = jit::compile_stats();
  char line[200];
  std::snprintf(line, sizeof line,
                "ufora:   %lld modules (%lld optimised) in %.3f s: %lld compiled, %lld from the compile cache, %lld "
                "identical to another\n",
                static_cast<long long>(c.modules), static_cast<long long>(c.optimised), c.seconds,
                static_cast<long long>(c.modules - c.from_cache - c.shared), static_cast<long long>(c.from_cache),
                static_cast<long long>(c.shared));
  std::string report = Scheduler::instance().stats_report() + line;
  KeyedStats keyed = keyed_stats();
  if (keyed.passes > 0) {
    std::snprintf(line, sizeof line, "ufora:   %lld filtered reductions answered by %lld keyed passes\n",
                  static_cast<long long>(keyed.answers), static_cast<long long>(keyed.passes));
    report += line;
  }
  return report;
}

std::string Runtime::progress_line() const {
  SchedulerStats s = Scheduler::instance().stats();
  // Busy: every started thread that is not looking for work (the program's own thread counts
  // while it runs, parallel or not).
  int threads = int(s.busy_seconds.size());
  int busy = std::max(0, threads - s.idle);
  return "ufora: " + std::to_string(busy) + "/" + std::to_string(threads) + " threads busy, " +
         std::to_string(reduced_items()) + " items reduced, " + std::to_string(s.tasks) + " tasks split off, " +
         std::to_string(s.steals) + " stolen";
}
Runtime::~Runtime() = default;

void Runtime::set_argv(const std::vector<std::string>& argv) { set_sys_argv(argv); }

void Runtime::interrupt() { request_interrupt(); }

Module Runtime::load_string(const std::string& source, const std::string& filename) {
  lower::SourceFile file(filename, source);
  api::register_source(filename, source);
  auto impl = std::make_shared<Module::Impl>();
  try {
    impl->compiled = api::compile_module(file, "__main__");
  } catch (const lower::UserError& e) {
    throw CompileError(lower::format_user_error(file, e), e.syntax() ? int(e.syntax()->lineno) : e.span().line);
  } catch (const lower::InternalError& e) {
    throw Error(std::string("internal compiler error: ") + e.what());
  } catch (const std::runtime_error& e) {
    throw Error(e.what());
  }
  Obj* r = impl->compiled->run_body();
  if (!r) throw_pending();
  decref(r);
  return Module(impl);
}

Module Runtime::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return load_string(text.str(), path);
}

}  // namespace ufora
