// The one place a pending Python exception becomes a ufora::PythonError for the host.
#pragma once

namespace ufora::api {

// Takes the current thread's pending exception and throws it as PythonError, with the
// traceback as CPython prints it (source lines from the source registry). Throws Error when
// a failure was reported without an exception, which is a runtime bug.
[[noreturn]] void throw_pending_error();

}  // namespace ufora::api
