/* libufora's C API (C99): load immutable-style Python, call its functions, read the results.
 *
 *   ufora_runtime* rt;  ufora_module* m;  ufora_value* r;  ufora_error* err;
 *   double data[] = {1, 2, 3};
 *   ufora_runtime_new(0, &rt, NULL);
 *   if (ufora_load_string(rt, "def mean(xs):\n    return sum(xs) / len(xs)\n", NULL, &m, &err)) {
 *     fputs(ufora_error_traceback(err), stderr);  ufora_error_free(err);  ...
 *   }
 *   ufora_value* arg = ufora_value_float_array(data, 3);
 *   ufora_call(m, "mean", &arg, 1, &r, &err);   -- r holds 2.0; read it with ufora_value_as_double
 *
 * Conventions, for every function below:
 *  - Handles are opaque. Whatever a function hands out (a handle, a char*) belongs to the
 *    caller, who frees it with the matching *_free. Handles passed in are only borrowed.
 *  - Handles may be freed in any order: a module keeps its runtime alive and a value keeps the
 *    modules whose code produced it alive, so finalizers of garbage-collected languages may
 *    run in whatever order they like.
 *  - A fallible function returns a ufora_status and takes `ufora_error** err` last. On
 *    failure *err receives a new error (free it with ufora_error_free); on success *err is set
 *    to NULL. err may be NULL when the caller only wants the status. Output parameters are
 *    set to NULL / 0 on failure.
 *  - Passing NULL where a handle is expected is reported as UFORA_ERROR, never a crash.
 *  - No C++ exception ever leaves the library; running out of memory is UFORA_ERROR.
 *  - Handles are not synchronised: use a runtime, its modules and values from one thread at a
 *    time. ufora_runtime_interrupt is the exception.
 */
#ifndef UFORA_UFORA_H
#define UFORA_UFORA_H

#include <stddef.h>
#include <stdint.h>

#ifndef UFORA_API
#if defined(UFORA_BUILDING_LIBRARY)
#define UFORA_API __attribute__((visibility("default")))
#else
#define UFORA_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ufora_runtime ufora_runtime;
typedef struct ufora_module ufora_module;
typedef struct ufora_value ufora_value;
typedef struct ufora_error ufora_error;

typedef enum {
  UFORA_OK = 0,
  UFORA_COMPILE_ERROR, /* refused before running: syntax error, mutation, unsupported construct */
  UFORA_PYTHON_ERROR,  /* a Python exception escaped; the error carries its traceback */
  UFORA_TYPE_ERROR,    /* a value cannot give what was asked: wrong kind, int beyond int64_t,
                          index out of range */
  UFORA_ERROR          /* anything else: unreadable file, NULL handle, out of memory, internal */
} ufora_status;

typedef enum {
  UFORA_KIND_NONE,
  UFORA_KIND_BOOL,
  UFORA_KIND_INT,
  UFORA_KIND_FLOAT,
  UFORA_KIND_STR,
  UFORA_KIND_TUPLE,
  UFORA_KIND_LIST,
  UFORA_KIND_DICT,
  UFORA_KIND_SET, /* set and frozenset */
  UFORA_KIND_OTHER
} ufora_kind;

/* ---- runtime ---------------------------------------------------------------------------- */

/* Creates a runtime. threads: worker threads, 0 for one per core (UFORA_THREADS overrides). */
UFORA_API ufora_status ufora_runtime_new(int threads, ufora_runtime** out, ufora_error** err);
/* Releases the caller's handle; modules still open keep the runtime alive. NULL is ignored. */
UFORA_API void ufora_runtime_free(ufora_runtime* runtime);
/* Sets sys.argv for modules loaded afterwards: argc UTF-8 strings, argv[0] the script name. */
UFORA_API ufora_status ufora_runtime_set_argv(ufora_runtime* runtime, int argc, const char* const* argv,
                                              ufora_error** err);
/* Asks running Python code to stop with KeyboardInterrupt (the call then fails with
 * UFORA_PYTHON_ERROR). Safe from any thread and from a signal handler. NULL is ignored. */
UFORA_API void ufora_runtime_interrupt(ufora_runtime* runtime);

/* ---- modules ---------------------------------------------------------------------------- */

/* Compiles a module and runs its top level. UFORA_COMPILE_ERROR when the program is refused
 * (ufora_error_line says where), UFORA_PYTHON_ERROR when the top level raised, UFORA_ERROR
 * when the file cannot be read. */
UFORA_API ufora_status ufora_load_file(ufora_runtime* runtime, const char* path, ufora_module** out,
                                       ufora_error** err);
/* The same for source text (UTF-8). filename names it in tracebacks; NULL means "<string>". */
UFORA_API ufora_status ufora_load_string(ufora_runtime* runtime, const char* source, const char* filename,
                                         ufora_module** out, ufora_error** err);
/* Releases the caller's handle; values computed by the module keep its code alive. */
UFORA_API void ufora_module_free(ufora_module* module);
/* A new reference to the module global `name`; UFORA_ERROR when there is none. */
UFORA_API ufora_status ufora_module_get(const ufora_module* module, const char* name, ufora_value** out,
                                        ufora_error** err);
/* Calls module function `function` with nargs positional arguments (borrowed; args may be NULL
 * when nargs is 0). *result receives the returned value. UFORA_PYTHON_ERROR when it raised,
 * UFORA_ERROR when an argument is NULL (a failed constructor) or there is no such global. */
UFORA_API ufora_status ufora_call(const ufora_module* module, const char* function, ufora_value* const* args,
                                  size_t nargs, ufora_value** result, ufora_error** err);

/* ---- values: constructors ----------------------------------------------------------------
 * Each returns a new value owned by the caller, or NULL when it cannot be built (out of
 * memory, a NULL item, text that is not UTF-8); ufora_call reports a NULL argument, so a
 * failed constructor surfaces as an error at the next call. Inputs are copied. */

UFORA_API ufora_value* ufora_value_none(void);
UFORA_API ufora_value* ufora_value_bool(int truth);
UFORA_API ufora_value* ufora_value_int(int64_t v);
UFORA_API ufora_value* ufora_value_float(double v);
UFORA_API ufora_value* ufora_value_str(const char* utf8); /* NUL-terminated */
/* A tuple of n items (borrowed, so the caller still frees them). */
UFORA_API ufora_value* ufora_value_tuple(ufora_value* const* items, size_t n);
/* A list of n floats / ints, copied from data (which may be NULL when n is 0). */
UFORA_API ufora_value* ufora_value_float_array(const double* data, size_t n);
UFORA_API ufora_value* ufora_value_int_array(const int64_t* data, size_t n);

/* Releases a value. NULL is ignored. */
UFORA_API void ufora_value_free(ufora_value* value);

/* ---- values: accessors ------------------------------------------------------------------ */

/* The value's kind; UFORA_KIND_OTHER for NULL. */
UFORA_API ufora_kind ufora_value_kind(const ufora_value* value);
/* Python truthiness (bool(value)) as 0 or 1; UFORA_PYTHON_ERROR if __bool__/__len__ raised. */
UFORA_API ufora_status ufora_value_as_bool(const ufora_value* value, int* out, ufora_error** err);
/* An int or bool; UFORA_TYPE_ERROR for other kinds and for ints outside int64_t. */
UFORA_API ufora_status ufora_value_as_int(const ufora_value* value, int64_t* out, ufora_error** err);
/* A float, int or bool as a double; UFORA_TYPE_ERROR for other kinds. */
UFORA_API ufora_status ufora_value_as_double(const ufora_value* value, double* out, ufora_error** err);
/* A str as a NUL-terminated UTF-8 copy in *out, to be freed with ufora_string_free; its length
 * in bytes goes to *len unless len is NULL (the text may itself contain NULs). UFORA_TYPE_ERROR
 * unless the value is a str. */
UFORA_API ufora_status ufora_value_as_string(const ufora_value* value, char** out, size_t* len,
                                             ufora_error** err);
/* len(value) for str, tuple, list, dict and set; UFORA_PYTHON_ERROR (TypeError) for others. */
UFORA_API ufora_status ufora_value_size(const ufora_value* value, size_t* out, ufora_error** err);
/* Item i of a tuple or list as a new value; UFORA_TYPE_ERROR for other kinds or i >= size. */
UFORA_API ufora_status ufora_value_item(const ufora_value* value, size_t i, ufora_value** out, ufora_error** err);
/* repr(value) as a string to free with ufora_string_free; UFORA_PYTHON_ERROR if __repr__ raised. */
UFORA_API ufora_status ufora_value_repr(const ufora_value* value, char** out, ufora_error** err);

/* Frees a string returned by ufora_value_as_string or ufora_value_repr. NULL is ignored.
 * (It is free(); the function exists for hosts whose allocator is not this C library's.) */
UFORA_API void ufora_string_free(char* s);

/* ---- errors -----------------------------------------------------------------------------
 * Every accessor accepts NULL (returning "" or 0) and returns text owned by the error, valid
 * until ufora_error_free. */

UFORA_API ufora_status ufora_error_status(const ufora_error* err);
/* The Python exception's class ("ZeroDivisionError") for UFORA_PYTHON_ERROR; otherwise
 * "CompileError", "TypeError" or "Error" after the status. */
UFORA_API const char* ufora_error_type_name(const ufora_error* err);
/* str(exception) for Python errors ("division by zero"); for compile errors the whole report
 * (file:line:col, the line, a caret and a hint); a one-line description otherwise. */
UFORA_API const char* ufora_error_message(const ufora_error* err);
/* What CPython would print to stderr: "Traceback (most recent call last): ..." for Python
 * errors, the report for compile errors, "" otherwise. */
UFORA_API const char* ufora_error_traceback(const ufora_error* err);
/* The source line of a compile error, or of the innermost Python frame; 0 when unknown. */
UFORA_API int ufora_error_line(const ufora_error* err);
/* The Python frames of the traceback, outermost first. ufora_error_frame returns 0 when i is
 * out of range; any of file, line, function may be NULL. */
UFORA_API size_t ufora_error_frame_count(const ufora_error* err);
UFORA_API int ufora_error_frame(const ufora_error* err, size_t i, const char** file, int* line,
                                const char** function);
/* Frees an error. NULL is ignored. */
UFORA_API void ufora_error_free(ufora_error* err);

#ifdef __cplusplus
}
#endif

#endif /* UFORA_UFORA_H */
