// libufora's C++ API: load immutable-style Python, call it with C++ values, get C++ values
// back. Errors arrive as exceptions derived from ufora::Error; nothing here exposes LLVM,
// CPython, MPI or CUDA.
//
//   ufora::Runtime rt;
//   ufora::Module m = rt.load_string("def mean(xs):\n    return sum(xs) / len(xs)\n");
//   double avg = m.call("mean", {std::span<const double>(data)}).as_double();
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#if defined(UFORA_BUILDING_LIBRARY)
#define UFORA_API __attribute__((visibility("default")))
#else
#define UFORA_API
#endif

namespace ufora {

// Base of every error libufora reports.
class UFORA_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The program was refused before it ran: a syntax error, a mutation of data, or a construct
// not supported yet. `report()` is the full diagnostic (file:line:col, the line, a caret, a hint).
class UFORA_API CompileError : public Error {
 public:
  CompileError(std::string report, int line);
  const std::string& report() const { return report_; }
  int line() const { return line_; }

 private:
  std::string report_;
  int line_;
};

// One Python frame of a traceback, outermost first.
struct Frame {
  std::string file;
  int line;
  std::string function;
};

// A Python exception that escaped to the host.
class UFORA_API PythonError : public Error {
 public:
  PythonError(std::string type_name, std::string message, std::string traceback, std::vector<Frame> frames);
  const std::string& type_name() const { return type_name_; }    // "ValueError"
  const std::string& message() const { return message_; }        // str(exception)
  const std::string& traceback() const { return traceback_; }    // as CPython prints it
  const std::vector<Frame>& frames() const { return frames_; }

 private:
  std::string type_name_, message_, traceback_;
  std::vector<Frame> frames_;
};

// An immutable Python value held by the host.
class UFORA_API Value {
 public:
  enum class Kind { None, Bool, Int, Float, Str, Tuple, List, Dict, Set, Other };
  Value();
  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(Value other) noexcept;
  ~Value();

  Kind kind() const;
  bool is_none() const { return kind() == Kind::None; }
  bool as_bool() const;            // truthiness for any value
  int64_t as_int() const;          // throws Error unless an int (or bool) that fits int64
  double as_double() const;        // ints and floats
  std::string as_string() const;   // throws Error unless a str
  size_t size() const;             // len() of tuples, lists, strings, dicts, sets
  Value operator[](size_t i) const;  // item of a tuple or list
  std::string repr() const;
  std::string str() const;

  // Internal: adopts one reference to a runtime object.
  static Value adopt(void* object);
  void* object() const { return obj_; }

 private:
  void* obj_;
};

// An argument for Module::call, converted into an immutable Python value.
class UFORA_API Arg {
 public:
  Arg(int v);
  Arg(int64_t v);
  Arg(double v);
  Arg(bool v);
  Arg(const char* v);
  Arg(const std::string& v);
  // A list of floats / ints that reads `v` in place (zero-copy): `v` must stay valid while
  // this Arg exists. Anything that still holds the list when the Arg is destroyed (a
  // result, a module global, a tuple Arg) gets a copy then, so it never dangles.
  Arg(std::span<const double> v);
  Arg(std::span<const int64_t> v);
  Arg(std::initializer_list<Arg> tuple_items);
  Arg(const Value& v);
  Arg(const Arg& other);
  Arg& operator=(const Arg&) = delete;
  ~Arg();
  void* object() const { return obj_; }

 private:
  void* obj_;
};

class Runtime;

// A loaded module: its functions and globals.
class UFORA_API Module {
 public:
  Value call(const std::string& function, std::initializer_list<Arg> args = {}) const;
  // The same with an argument list whose length is known only at run time (bindings, the C API).
  Value call(const std::string& function, std::span<const Arg> args) const;
  Value get(const std::string& name) const;

 private:
  friend class Runtime;
  struct Impl;
  explicit Module(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

struct Options {
  int threads = 0;  // threads for parallel work, the caller's included; 0: UFORA_THREADS, else one per core
};

class UFORA_API Runtime {
 public:
  explicit Runtime(Options options = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Compiles the module and runs its top level. Throws CompileError or PythonError.
  Module load_file(const std::string& path);
  Module load_string(const std::string& source, const std::string& filename = "<string>");
  // Values for `sys.argv` seen by modules loaded afterwards.
  void set_argv(const std::vector<std::string>& argv);
  // Asks running Python code to stop with KeyboardInterrupt; safe from any thread.
  void interrupt();

  // Parallel work so far: threads, tasks split off and stolen, busy time per thread (the
  // lines `ufora-run --stats` prints), and a one-line summary for progress displays.
  std::string parallel_stats() const;
  std::string progress_line() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ufora
