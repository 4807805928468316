// Errors the front end reports: faults in the user's program (UserError) and
// bugs in the compiler itself (InternalError).
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "lower/source.h"

namespace ufora::lower {

enum class UserErrorKind {
  SyntaxError,  // CPython refused to parse or compile the source
  Mutation,     // the program changes data in place (see immutability_check.h)
  Unsupported,  // legal Python the compiler does not handle (yet)
};

// Everything CPython's uncaught-SyntaxError printer uses, copied from the
// exception object as is (offsets are CPython's 1-based ones), so the report
// can match `python3 file.py` byte for byte.
struct SyntaxErrorInfo {
  std::string exc_type = "SyntaxError";   // or IndentationError, TabError
  std::string filename;
  int64_t lineno = 0;
  int64_t offset = -1;                     // -1: none
  int64_t end_lineno = 0;
  int64_t end_offset = -1;                 // -1: none
  std::optional<std::string> text;         // the offending line(s), as CPython has them
};

// A problem in the user's program, reported before anything runs.
class UserError : public std::exception {
 public:
  UserError(UserErrorKind kind, Span span, std::string message, std::string hint = {});
  // A syntax error carrying CPython's own report data.
  UserError(SyntaxErrorInfo info, std::string message);

  UserErrorKind kind() const { return kind_; }
  const Span& span() const { return span_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }
  // Set only for kind SyntaxError.
  const std::optional<SyntaxErrorInfo>& syntax() const { return syntax_; }

  const char* what() const noexcept override { return what_.c_str(); }

 private:
  UserErrorKind kind_;
  Span span_;
  std::string message_;
  std::string hint_;
  std::optional<SyntaxErrorInfo> syntax_;
  std::string what_;  // "line:col: message", for logs that only see std::exception
};

// The text shown to the user, ending in '\n'.
//  SyntaxError: exactly what CPython 3.11 prints for an uncaught syntax error
//    in a script (`  File "f.py", line N` / source line / carets / `Type: msg`).
//  Others: `file:line:col: error: message`, the source line, a caret line
//    under the span (col is shown 1-based), then `hint: ...` if there is one.
std::string format_user_error(const SourceFile& source, const UserError& error);

// A bug in the compiler: an invariant that user input cannot break was broken.
class InternalError : public std::exception {
 public:
  InternalError(const char* file, int line, const std::string& message);
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  std::string what_;
};

}  // namespace ufora::lower

// Throws an InternalError that records where in the compiler it was raised.
#define UFORA_INTERNAL_ERROR(msg) throw ::ufora::lower::InternalError(__FILE__, __LINE__, (msg))
