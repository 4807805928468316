// The pending Python exception of the current thread.
//
// Exceptions are values, not C++ unwinding (DESIGN.md decision 4): code that fails stores the
// exception here and returns nullptr (or -1); every caller checks and passes the failure up,
// adding a traceback frame at each Python function it leaves.
#pragma once

#include "values/class_obj.h"

namespace ufora {

// The built-in exception classes, in the order of `builtin_exception_table` below.
enum class ExcKind : uint8_t {
  BaseException,
  SystemExit,
  KeyboardInterrupt,
  GeneratorExit,
  Exception,
  StopIteration,
  ArithmeticError,
  ZeroDivisionError,
  OverflowError,
  AssertionError,
  AttributeError,
  LookupError,
  IndexError,
  KeyError,
  NameError,
  UnboundLocalError,
  RuntimeError,
  RecursionError,
  NotImplementedError,
  TypeError,
  ValueError,
  UnicodeError,
  ImportError,
  ModuleNotFoundError,
  OSError,
  ConnectionError,
  FileNotFoundError,
  PermissionError,
  TimeoutError,
  FloatingPointError,
  BufferError,
  EOFError,
  MemoryError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  Warning,
  UserWarning,
  DeprecationWarning,
  RuntimeWarning,
  Count
};

ClassObj* builtin_exception(ExcKind kind);  // borrowed, immortal
const char* exc_kind_name(ExcKind kind);
// Makes `object` the base of BaseException (and so the last entry of every exception class's
// MRO). The runtime calls it once while it sets up `object`, before any user class exists.
void attach_exception_root(ClassObj* object);

// Sets the pending exception to `kind(message)`; always returns nullptr so callers can write
// `return raise_error(ExcKind::ValueError, "...");`.
std::nullptr_t raise_error(ExcKind kind, std::string message);
// Raises an exception instance (or instantiates a class with no arguments). Steals `exc`.
std::nullptr_t raise_object(Obj* exc);
// Like raise_error with a `key` argument instead of a message (KeyError(key)).
std::nullptr_t raise_with_arg(ExcKind kind, Obj* arg);

bool error_pending();
Obj* pending_error();               // borrowed; nullptr when none
Obj* take_error();                  // moves the pending exception out (new reference)
void clear_error();
bool error_matches(ExcKind kind);   // pending error is an instance of kind (or a subclass)
bool error_matches_class(const ClassObj* cls);
std::string pending_error_message();  // str() of the pending exception, for tests and hosts
std::string exception_message(Obj* exc);  // str(exc) for built-in exception semantics

}  // namespace ufora
