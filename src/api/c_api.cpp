// The C API (include/ufora/ufora.h) on top of the C++ one. Every fallible entry point runs its
// body inside guard(), because a C++ exception unwinding into C code is undefined behaviour.
#include "ufora/ufora.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ufora/ufora.hpp"
#include "values/object.h"

namespace ufora::capi {

// Shared by a module handle and every value it produced: the values may hold functions and
// instances whose code lives in the module, and a binding's finalizers free in any order.
struct Loaded {
  std::shared_ptr<Runtime> runtime;  // declared first, destroyed last
  Module module;
};
using Origins = std::vector<std::shared_ptr<const Loaded>>;

}  // namespace ufora::capi

struct ufora_runtime {
  std::shared_ptr<ufora::Runtime> runtime;
};
struct ufora_module {
  std::shared_ptr<const ufora::capi::Loaded> loaded;
};
struct ufora_value {
  ufora::capi::Origins origins;  // declared first so the value is released before the code
  ufora::Value value;
};
struct ufora_error {
  ufora_status status = UFORA_ERROR;
  std::string type_name, message, traceback;
  int line = 0;
  std::vector<ufora::Frame> frames;
};

namespace ufora::capi {
namespace {

// Handed out when even the error cannot be allocated; ufora_error_free leaves it alone. Its
// strings fit the small-string buffer, so building it allocates nothing.
ufora_error g_out_of_memory{UFORA_ERROR, "Error", "out of memory", "", 0, {}};

const char* status_type_name(ufora_status s) {
  switch (s) {
    case UFORA_COMPILE_ERROR: return "CompileError";
    case UFORA_TYPE_ERROR: return "TypeError";
    default: return "Error";
  }
}

template <class Fill>
ufora_status fail(ufora_error** err, ufora_status status, Fill&& fill) noexcept {
  if (!err) return status;
  try {
    auto e = std::make_unique<ufora_error>();
    e->status = status;
    e->type_name = status_type_name(status);
    fill(*e);
    *err = e.release();
    return status;
  } catch (...) {
    *err = &g_out_of_memory;
    return UFORA_ERROR;
  }
}

ufora_status fail_with(ufora_error** err, ufora_status status, const char* what) noexcept {
  return fail(err, status, [&](ufora_error& e) { e.message = what; });
}

// Runs `body`, mapping each exception to a status. `host_status` is what a plain ufora::Error
// means here: the accessors use UFORA_TYPE_ERROR ("the value is not that"), the rest UFORA_ERROR.
template <class Body>
ufora_status guard(ufora_error** err, ufora_status host_status, Body&& body) noexcept {
  if (err) *err = nullptr;
  try {
    body();
    return UFORA_OK;
  } catch (const CompileError& e) {
    return fail(err, UFORA_COMPILE_ERROR, [&](ufora_error& x) {
      x.message = x.traceback = e.report();
      x.line = e.line();
    });
  } catch (const PythonError& e) {
    return fail(err, UFORA_PYTHON_ERROR, [&](ufora_error& x) {
      x.type_name = e.type_name();
      x.message = e.message();
      x.traceback = e.traceback();
      x.frames = e.frames();
      x.line = x.frames.empty() ? 0 : x.frames.back().line;
    });
  } catch (const Error& e) {
    return fail_with(err, host_status, e.what());
  } catch (const std::bad_alloc&) {
    if (err) *err = &g_out_of_memory;
    return UFORA_ERROR;
  } catch (const std::exception& e) {
    return fail_with(err, UFORA_ERROR, e.what());
  } catch (...) {
    return fail_with(err, UFORA_ERROR, "unknown C++ exception");
  }
}

// NULL handles are caller bugs; they become UFORA_ERROR rather than a crash.
template <class T>
T* need(T* p, const char* what) {
  if (!p) throw std::invalid_argument(std::string(what) + " is NULL");
  return p;
}

template <class T>
T& out_param(T* p, T cleared, const char* what) {
  return *need(p, what) = cleared;
}

void add_origins(Origins& into, const Origins& from) {
  for (const auto& m : from)
    if (std::find(into.begin(), into.end(), m) == into.end()) into.push_back(m);
}

char* malloc_copy(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// Constructors return NULL instead of an error: building a handle is all that can fail.
template <class Make>
ufora_value* build(Make&& make) noexcept {
  try {
    return new ufora_value{{}, make()};
  } catch (...) {
    return nullptr;
  }
}

Value from_arg(const Arg& a) { return Value::adopt(newref(static_cast<Obj*>(a.object()))); }

// The runtime's strings assume valid UTF-8 (code point counts, indexing), so text arriving
// from C is checked once, here. Encoded surrogates pass: Python strs may hold them.
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t extra;
    char32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    i += extra + 1;
  }
  return true;
}

ufora_status load(ufora_runtime* runtime, ufora_module** out, ufora_error** err, const char* what,
                  Module (*compile)(Runtime&, const char*, const char*), const char* text, const char* name) {
  return guard(err, UFORA_ERROR, [&] {
    ufora_module*& result = out_param(out, static_cast<ufora_module*>(nullptr), "out");
    auto rt = need(runtime, "runtime")->runtime;
    need(text, what);
    auto loaded = std::make_shared<const Loaded>(Loaded{rt, compile(*rt, text, name)});
    result = new ufora_module{std::move(loaded)};
  });
}

}  // namespace
}  // namespace ufora::capi

using namespace ufora::capi;

extern "C" {

// ------------------------------------------------------------------------------ runtime

ufora_status ufora_runtime_new(int threads, ufora_runtime** out, ufora_error** err) {
  return guard(err, UFORA_ERROR, [&] {
    ufora_runtime*& result = out_param(out, static_cast<ufora_runtime*>(nullptr), "out");
    if (threads < 0) throw std::invalid_argument("threads must be 0 (one per core) or more");
    result = new ufora_runtime{std::make_shared<ufora::Runtime>(ufora::Options{threads})};
  });
}

void ufora_runtime_free(ufora_runtime* runtime) { delete runtime; }

ufora_status ufora_runtime_set_argv(ufora_runtime* runtime, int argc, const char* const* argv, ufora_error** err) {
  return guard(err, UFORA_ERROR, [&] {
    need(runtime, "runtime");
    if (argc < 0 || (argc > 0 && !argv)) throw std::invalid_argument("argv does not hold argc strings");
    std::vector<std::string> args;
    for (int i = 0; i < argc; ++i) args.emplace_back(need(argv[i], "an argv entry"));
    runtime->runtime->set_argv(args);
  });
}

void ufora_runtime_interrupt(ufora_runtime* runtime) {
  // Only an atomic store behind it, which is what makes this safe in a signal handler.
  if (runtime) runtime->runtime->interrupt();
}

// ------------------------------------------------------------------------------ modules

ufora_status ufora_load_file(ufora_runtime* runtime, const char* path, ufora_module** out, ufora_error** err) {
  auto compile = [](ufora::Runtime& rt, const char* p, const char*) { return rt.load_file(p); };
  return load(runtime, out, err, "path", compile, path, nullptr);
}

ufora_status ufora_load_string(ufora_runtime* runtime, const char* source, const char* filename,
                               ufora_module** out, ufora_error** err) {
  auto compile = [](ufora::Runtime& rt, const char* src, const char* name) {
    return rt.load_string(src, name ? name : "<string>");
  };
  return load(runtime, out, err, "source", compile, source, filename);
}

void ufora_module_free(ufora_module* module) { delete module; }

ufora_status ufora_module_get(const ufora_module* module, const char* name, ufora_value** out, ufora_error** err) {
  return guard(err, UFORA_ERROR, [&] {
    ufora_value*& result = out_param(out, static_cast<ufora_value*>(nullptr), "out");
    const auto& loaded = need(module, "module")->loaded;
    result = new ufora_value{{loaded}, loaded->module.get(need(name, "name"))};
  });
}

ufora_status ufora_call(const ufora_module* module, const char* function, ufora_value* const* args, size_t nargs,
                        ufora_value** result, ufora_error** err) {
  return guard(err, UFORA_ERROR, [&] {
    ufora_value*& out = out_param(result, static_cast<ufora_value*>(nullptr), "result");
    const auto& loaded = need(module, "module")->loaded;
    need(function, "function");
    if (nargs > 0 && !args) throw std::invalid_argument("args is NULL but nargs is not 0");
    Origins origins{loaded};
    std::vector<ufora::Arg> argv;
    argv.reserve(nargs);
    for (size_t i = 0; i < nargs; ++i) {
      if (!args[i])
        throw std::invalid_argument("argument " + std::to_string(i) + " is NULL (did its constructor fail?)");
      argv.emplace_back(args[i]->value);
      add_origins(origins, args[i]->origins);
    }
    ufora::Value r = loaded->module.call(function, std::span<const ufora::Arg>(argv));
    out = new ufora_value{std::move(origins), std::move(r)};
  });
}

// ------------------------------------------------------------------------------ value constructors

ufora_value* ufora_value_none(void) {
  return build([] { return ufora::Value(); });
}
ufora_value* ufora_value_bool(int truth) {
  return build([&] { return from_arg(ufora::Arg(truth != 0)); });
}
ufora_value* ufora_value_int(int64_t v) {
  return build([&] { return from_arg(ufora::Arg(v)); });
}
ufora_value* ufora_value_float(double v) {
  return build([&] { return from_arg(ufora::Arg(v)); });
}

ufora_value* ufora_value_str(const char* utf8) {
  if (!utf8 || !valid_utf8(utf8)) return nullptr;
  return build([&] { return from_arg(ufora::Arg(utf8)); });
}

ufora_value* ufora_value_tuple(ufora_value* const* items, size_t n) {
  if (n > 0 && !items) return nullptr;
  if (std::any_of(items, items + n, [](const ufora_value* v) { return v == nullptr; })) return nullptr;
  try {
    // The C++ API builds tuples only from braced lists, whose length is fixed at compile time.
    std::vector<ufora::Obj*> objs;
    objs.reserve(n);
    ufora::capi::Origins origins;
    for (size_t i = 0; i < n; ++i) add_origins(origins, items[i]->origins);
    for (size_t i = 0; i < n; ++i) objs.push_back(ufora::newref(static_cast<ufora::Obj*>(items[i]->value.object())));
    ufora::Value tuple = ufora::Value::adopt(ufora::new_tuple(std::move(objs)));
    return new ufora_value{std::move(origins), std::move(tuple)};
  } catch (...) {
    return nullptr;  // items' counts leak only if new_tuple itself failed to allocate
  }
}

ufora_value* ufora_value_float_array(const double* data, size_t n) {
  if (n > 0 && !data) return nullptr;
  return build([&] { return from_arg(ufora::Arg(std::span<const double>(data, n))); });
}

ufora_value* ufora_value_int_array(const int64_t* data, size_t n) {
  if (n > 0 && !data) return nullptr;
  return build([&] { return from_arg(ufora::Arg(std::span<const int64_t>(data, n))); });
}

void ufora_value_free(ufora_value* value) { delete value; }

// ------------------------------------------------------------------------------ value accessors

ufora_kind ufora_value_kind(const ufora_value* value) {
  if (!value) return UFORA_KIND_OTHER;
  using K = ufora::Value::Kind;
  switch (value->value.kind()) {
    case K::None: return UFORA_KIND_NONE;
    case K::Bool: return UFORA_KIND_BOOL;
    case K::Int: return UFORA_KIND_INT;
    case K::Float: return UFORA_KIND_FLOAT;
    case K::Str: return UFORA_KIND_STR;
    case K::Tuple: return UFORA_KIND_TUPLE;
    case K::List: return UFORA_KIND_LIST;
    case K::Dict: return UFORA_KIND_DICT;
    case K::Set: return UFORA_KIND_SET;
    case K::Other: break;
  }
  return UFORA_KIND_OTHER;
}

ufora_status ufora_value_as_bool(const ufora_value* value, int* out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    int& result = out_param(out, 0, "out");
    result = need(value, "value")->value.as_bool() ? 1 : 0;
  });
}

ufora_status ufora_value_as_int(const ufora_value* value, int64_t* out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    int64_t& result = out_param(out, int64_t(0), "out");
    result = need(value, "value")->value.as_int();
  });
}

ufora_status ufora_value_as_double(const ufora_value* value, double* out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    double& result = out_param(out, 0.0, "out");
    result = need(value, "value")->value.as_double();
  });
}

ufora_status ufora_value_as_string(const ufora_value* value, char** out, size_t* len, ufora_error** err) {
  if (len) *len = 0;
  return guard(err, UFORA_TYPE_ERROR, [&] {
    char*& result = out_param(out, static_cast<char*>(nullptr), "out");
    std::string s = need(value, "value")->value.as_string();
    result = malloc_copy(s);
    if (len) *len = s.size();
  });
}

ufora_status ufora_value_size(const ufora_value* value, size_t* out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    size_t& result = out_param(out, size_t(0), "out");
    result = need(value, "value")->value.size();
  });
}

ufora_status ufora_value_item(const ufora_value* value, size_t i, ufora_value** out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    ufora_value*& result = out_param(out, static_cast<ufora_value*>(nullptr), "out");
    const ufora_value& v = *need(value, "value");
    ufora::Value item = v.value[i];
    result = new ufora_value{v.origins, std::move(item)};
  });
}

ufora_status ufora_value_repr(const ufora_value* value, char** out, ufora_error** err) {
  return guard(err, UFORA_TYPE_ERROR, [&] {
    char*& result = out_param(out, static_cast<char*>(nullptr), "out");
    result = malloc_copy(need(value, "value")->value.repr());
  });
}

void ufora_string_free(char* s) { std::free(s); }

// ------------------------------------------------------------------------------ errors

ufora_status ufora_error_status(const ufora_error* err) { return err ? err->status : UFORA_OK; }
const char* ufora_error_type_name(const ufora_error* err) { return err ? err->type_name.c_str() : ""; }
const char* ufora_error_message(const ufora_error* err) { return err ? err->message.c_str() : ""; }
const char* ufora_error_traceback(const ufora_error* err) { return err ? err->traceback.c_str() : ""; }
int ufora_error_line(const ufora_error* err) { return err ? err->line : 0; }
size_t ufora_error_frame_count(const ufora_error* err) { return err ? err->frames.size() : 0; }

int ufora_error_frame(const ufora_error* err, size_t i, const char** file, int* line, const char** function) {
  if (!err || i >= err->frames.size()) return 0;
  const ufora::Frame& f = err->frames[i];
  if (file) *file = f.file.c_str();
  if (line) *line = f.line;
  if (function) *function = f.function.c_str();
  return 1;
}

void ufora_error_free(ufora_error* err) {
  if (err != &g_out_of_memory) delete err;
}

}  // extern "C"
