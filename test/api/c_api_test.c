/* The C API seen from C: a module loaded from a string, calls with every kind of argument,
 * Python exceptions and refused programs arriving as statuses and error handles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ufora/ufora.h"

static int g_failures = 0;

#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
      ++g_failures;                                                  \
    }                                                                \
  } while (0)

/* Every line of the module is referred to by number below: keep them in place. */
static const char kSource[] =
    "class Point:\n"                                      /* 1 */
    "    def __init__(self, x, y):\n"                     /* 2 */
    "        self.x = x\n"                                /* 3 */
    "        self.y = y\n"                                /* 4 */
    "    def __repr__(self):\n"                           /* 5 */
    "        return f'Point({self.x}, {self.y})'\n"       /* 6 */
    "def add(a, b):\n"                                    /* 7 */
    "    return a + b\n"                                  /* 8 */
    "def mean(xs):\n"                                     /* 9 */
    "    return sum(xs) / len(xs)\n"                      /* 10 */
    "def describe(name, xs):\n"                           /* 11 */
    "    return (name.upper(), len(xs), min(xs), max(xs))\n" /* 12 */
    "def swap(pair):\n"                                   /* 13 */
    "    return (pair[1], pair[0])\n"                     /* 14 */
    "def inner(x):\n"                                     /* 15 */
    "    return 1 // x\n"                                 /* 16 */
    "def outer(x):\n"                                     /* 17 */
    "    return inner(x) + 1\n"                           /* 18 */
    "def fail(msg):\n"                                    /* 19 */
    "    raise ValueError('bad value: ' + msg)\n"         /* 20 */
    "def squares(n):\n"                                   /* 21 */
    "    return [i * i for i in range(n)]\n"              /* 22 */
    "def assorted():\n"                                   /* 23 */
    "    return (True, None, 1.5, {'a': 1}, {1, 2}, 2 ** 100)\n" /* 24 */
    "THRESHOLD = 42\n";                                   /* 25 */

/* Calls `fn` and returns its result, or NULL (with *err set) when the call fails. */
static ufora_value* call(ufora_module* m, const char* fn, ufora_value** args, size_t n, ufora_status* status,
                         ufora_error** err) {
  ufora_value* result = NULL;
  *status = ufora_call(m, fn, args, n, &result, err);
  return result;
}

static int64_t to_int(const ufora_value* v) {
  int64_t x = -1;
  CHECK(ufora_value_as_int(v, &x, NULL) == UFORA_OK);
  return x;
}

static double to_double(const ufora_value* v) {
  double x = -1;
  CHECK(ufora_value_as_double(v, &x, NULL) == UFORA_OK);
  return x;
}

/* True when the str value equals `expected`; the copy is freed here. */
static int str_equals(const ufora_value* v, const char* expected) {
  char* s = NULL;
  size_t len = 0;
  if (ufora_value_as_string(v, &s, &len, NULL) != UFORA_OK) return 0;
  int same = len == strlen(expected) && strcmp(s, expected) == 0;
  ufora_string_free(s);
  return same;
}

static void test_scalars(ufora_module* m) {
  ufora_status st;
  ufora_error* err = NULL;
  ufora_value* args[2] = {ufora_value_int(2), ufora_value_int(40)};
  ufora_value* r = call(m, "add", args, 2, &st, &err);
  CHECK(st == UFORA_OK && err == NULL);
  CHECK(ufora_value_kind(r) == UFORA_KIND_INT);
  CHECK(to_int(r) == 42);
  ufora_value_free(r);
  ufora_value_free(args[1]);

  args[1] = ufora_value_float(0.25); /* int + float is a float, as in Python */
  r = call(m, "add", args, 2, &st, &err);
  CHECK(st == UFORA_OK && ufora_value_kind(r) == UFORA_KIND_FLOAT);
  CHECK(to_double(r) == 2.25);
  ufora_value_free(r);
  ufora_value_free(args[0]);
  ufora_value_free(args[1]);

  args[0] = ufora_value_str("h\xc3\xa9llo, ");
  args[1] = ufora_value_str("w\xc3\xb6rld");
  r = call(m, "add", args, 2, &st, &err);
  CHECK(st == UFORA_OK && ufora_value_kind(r) == UFORA_KIND_STR);
  CHECK(str_equals(r, "h\xc3\xa9llo, w\xc3\xb6rld"));
  size_t n = 0;
  CHECK(ufora_value_size(r, &n, NULL) == UFORA_OK && n == 12); /* code points, not bytes */
  ufora_value_free(r);
  ufora_value_free(args[0]);
  ufora_value_free(args[1]);
}

static void test_arrays_and_tuples(ufora_module* m) {
  ufora_status st;
  ufora_error* err = NULL;
  const double xs[] = {1.0, 2.0, 3.5, 5.5};
  ufora_value* arg = ufora_value_float_array(xs, 4);
  ufora_value* r = call(m, "mean", &arg, 1, &st, &err);
  CHECK(st == UFORA_OK && to_double(r) == 3.0);
  ufora_value_free(r);
  ufora_value_free(arg);

  const int64_t ks[] = {7, -3, 12, 5, 9};
  ufora_value* args[2] = {ufora_value_str("abc"), ufora_value_int_array(ks, 5)};
  r = call(m, "describe", args, 2, &st, &err);
  CHECK(st == UFORA_OK && ufora_value_kind(r) == UFORA_KIND_TUPLE);
  size_t n = 0;
  CHECK(ufora_value_size(r, &n, NULL) == UFORA_OK && n == 4);
  ufora_value* item = NULL;
  CHECK(ufora_value_item(r, 0, &item, NULL) == UFORA_OK && str_equals(item, "ABC"));
  ufora_value_free(item);
  CHECK(ufora_value_item(r, 1, &item, NULL) == UFORA_OK && to_int(item) == 5);
  ufora_value_free(item);
  CHECK(ufora_value_item(r, 2, &item, NULL) == UFORA_OK && to_int(item) == -3);
  ufora_value_free(item);
  CHECK(ufora_value_item(r, 3, &item, NULL) == UFORA_OK && to_int(item) == 12);
  ufora_value_free(item);
  CHECK(ufora_value_item(r, 4, &item, &err) == UFORA_TYPE_ERROR && item == NULL);
  CHECK(ufora_error_status(err) == UFORA_TYPE_ERROR);
  ufora_error_free(err);
  ufora_value_free(r);
  ufora_value_free(args[0]);
  ufora_value_free(args[1]);

  ufora_value* parts[2] = {ufora_value_int(1), ufora_value_str("x")};
  ufora_value* pair = ufora_value_tuple(parts, 2);
  r = call(m, "swap", &pair, 1, &st, NULL);
  char* repr = NULL;
  CHECK(st == UFORA_OK && ufora_value_repr(r, &repr, NULL) == UFORA_OK);
  CHECK(repr && strcmp(repr, "('x', 1)") == 0);
  ufora_string_free(repr);
  ufora_value_free(r);
  ufora_value_free(pair);
  ufora_value_free(parts[0]);
  ufora_value_free(parts[1]);

  arg = ufora_value_int(5);
  r = call(m, "squares", &arg, 1, &st, NULL);
  CHECK(st == UFORA_OK && ufora_value_kind(r) == UFORA_KIND_LIST);
  CHECK(ufora_value_item(r, 4, &item, NULL) == UFORA_OK && to_int(item) == 16);
  ufora_value_free(item);
  ufora_value_free(r);
  ufora_value_free(arg);
}

static void test_kinds_and_accessor_errors(ufora_module* m) {
  ufora_status st;
  ufora_value* r = call(m, "assorted", NULL, 0, &st, NULL);
  CHECK(st == UFORA_OK);
  const ufora_kind kinds[] = {UFORA_KIND_BOOL, UFORA_KIND_NONE, UFORA_KIND_FLOAT,
                              UFORA_KIND_DICT, UFORA_KIND_SET,  UFORA_KIND_INT};
  for (size_t i = 0; i < 6; ++i) {
    ufora_value* item = NULL;
    CHECK(ufora_value_item(r, i, &item, NULL) == UFORA_OK && ufora_value_kind(item) == kinds[i]);
    ufora_value_free(item);
  }
  ufora_value* big = NULL;
  CHECK(ufora_value_item(r, 5, &big, NULL) == UFORA_OK);
  int64_t x = 7;
  ufora_error* err = NULL;
  CHECK(ufora_value_as_int(big, &x, &err) == UFORA_TYPE_ERROR && x == 0); /* 2**100 does not fit */
  CHECK(strcmp(ufora_error_type_name(err), "TypeError") == 0);
  ufora_error_free(err);
  char* repr = NULL;
  CHECK(ufora_value_repr(big, &repr, NULL) == UFORA_OK && strcmp(repr, "1267650600228229401496703205376") == 0);
  ufora_string_free(repr);
  int truth = 0;
  CHECK(ufora_value_as_bool(big, &truth, NULL) == UFORA_OK && truth == 1);
  ufora_value_free(big);

  char* s = NULL;
  CHECK(ufora_value_as_string(r, &s, NULL, &err) == UFORA_TYPE_ERROR && s == NULL); /* a tuple */
  ufora_error_free(err);
  ufora_value_free(r);

  ufora_value* g = NULL;
  CHECK(ufora_module_get(m, "THRESHOLD", &g, NULL) == UFORA_OK && to_int(g) == 42);
  ufora_value_free(g);
  CHECK(ufora_module_get(m, "NOPE", &g, NULL) == UFORA_ERROR && g == NULL);
}

static void test_python_exceptions(ufora_module* m) {
  ufora_status st;
  ufora_error* err = NULL;
  ufora_value* zero = ufora_value_int(0);
  ufora_value* r = call(m, "outer", &zero, 1, &st, &err);
  CHECK(st == UFORA_PYTHON_ERROR && r == NULL && err != NULL);
  CHECK(ufora_error_status(err) == UFORA_PYTHON_ERROR);
  CHECK(strcmp(ufora_error_type_name(err), "ZeroDivisionError") == 0);
  CHECK(strcmp(ufora_error_message(err), "integer division or modulo by zero") == 0);
  const char* tb = ufora_error_traceback(err);
  CHECK(strncmp(tb, "Traceback (most recent call last):\n", 35) == 0);
  CHECK(strstr(tb, "  File \"calc.py\", line 18, in outer\n    return inner(x) + 1\n") != NULL);
  CHECK(strstr(tb, "  File \"calc.py\", line 16, in inner\n    return 1 // x\n") != NULL);
  CHECK(strstr(tb, "ZeroDivisionError: integer division or modulo by zero\n") != NULL);
  CHECK(ufora_error_line(err) == 16);
  CHECK(ufora_error_frame_count(err) == 2);
  const char* file = NULL;
  const char* function = NULL;
  int line = 0;
  CHECK(ufora_error_frame(err, 0, &file, &line, &function) == 1);
  CHECK(file && strcmp(file, "calc.py") == 0 && line == 18 && strcmp(function, "outer") == 0);
  CHECK(ufora_error_frame(err, 1, NULL, &line, &function) == 1 && line == 16 && strcmp(function, "inner") == 0);
  CHECK(ufora_error_frame(err, 2, &file, &line, &function) == 0);
  ufora_error_free(err);
  ufora_value_free(zero);

  ufora_value* msg = ufora_value_str("x");
  r = call(m, "fail", &msg, 1, &st, &err);
  CHECK(st == UFORA_PYTHON_ERROR && strcmp(ufora_error_type_name(err), "ValueError") == 0);
  CHECK(strcmp(ufora_error_message(err), "bad value: x") == 0 && ufora_error_line(err) == 20);
  ufora_error_free(err);
  ufora_value_free(msg);

  /* err may be NULL: the status alone still says what happened. */
  CHECK(ufora_call(m, "fail", NULL, 0, &r, NULL) == UFORA_PYTHON_ERROR && r == NULL);
}

static void test_misuse(ufora_runtime* rt, ufora_module* m) {
  ufora_error* err = NULL;
  ufora_value* r = NULL;
  ufora_value* bad = ufora_value_str("\xff not utf-8");
  CHECK(bad == NULL);
  CHECK(ufora_call(m, "mean", &bad, 1, &r, &err) == UFORA_ERROR && r == NULL);
  CHECK(strstr(ufora_error_message(err), "argument 0 is NULL") != NULL);
  ufora_error_free(err);
  CHECK(ufora_call(m, "no_such_function", NULL, 0, &r, &err) == UFORA_ERROR);
  CHECK(strcmp(ufora_error_type_name(err), "Error") == 0);
  ufora_error_free(err);
  CHECK(ufora_call(NULL, "add", NULL, 0, &r, NULL) == UFORA_ERROR);
  CHECK(ufora_value_tuple(&bad, 1) == NULL);
  CHECK(ufora_value_kind(NULL) == UFORA_KIND_OTHER);

  ufora_module* none = NULL;
  CHECK(ufora_load_file(rt, "/nonexistent/analysis.py", &none, &err) == UFORA_ERROR && none == NULL);
  CHECK(strstr(ufora_error_message(err), "/nonexistent/analysis.py") != NULL);
  ufora_error_free(err);
  /* Error accessors accept NULL, so a caller that passed err == NULL can still print safely. */
  CHECK(strcmp(ufora_error_message(NULL), "") == 0 && ufora_error_frame_count(NULL) == 0);
}

static void test_refused_programs(ufora_runtime* rt) {
  ufora_module* m = NULL;
  ufora_error* err = NULL;
  const char* syntax = "x = 1\ndef f(x):\n    return x +\n";
  CHECK(ufora_load_string(rt, syntax, "syntax.py", &m, &err) == UFORA_COMPILE_ERROR && m == NULL);
  CHECK(ufora_error_line(err) == 3);
  CHECK(strcmp(ufora_error_type_name(err), "CompileError") == 0);
  CHECK(strstr(ufora_error_message(err), "SyntaxError") != NULL);
  CHECK(strstr(ufora_error_traceback(err), "File \"syntax.py\", line 3") != NULL);
  ufora_error_free(err);

  const char* mutation = "def f(xs):\n    xs.append(1)\n    return xs\n";
  CHECK(ufora_load_string(rt, mutation, "mutation.py", &m, &err) == UFORA_COMPILE_ERROR && m == NULL);
  CHECK(ufora_error_line(err) == 2);
  CHECK(strstr(ufora_error_message(err), "mutation.py:2:5:") != NULL);
  CHECK(strstr(ufora_error_message(err), "hint:") != NULL);
  ufora_error_free(err);

  /* An exception in the module's top level fails the load itself. */
  CHECK(ufora_load_string(rt, "d = {}\nv = d['k']\n", "top.py", &m, &err) == UFORA_PYTHON_ERROR);
  CHECK(strcmp(ufora_error_type_name(err), "KeyError") == 0 && ufora_error_line(err) == 2);
  ufora_error_free(err);
}

/* Finalizers of garbage-collected hosts free handles in any order: an instance must outlive
 * the module and runtime that made it, methods included. */
static void test_free_order(void) {
  ufora_runtime* rt = NULL;
  ufora_module* m = NULL;
  CHECK(ufora_runtime_new(1, &rt, NULL) == UFORA_OK);
  CHECK(ufora_load_string(rt, kSource, "calc.py", &m, NULL) == UFORA_OK);
  ufora_value* args[2] = {ufora_value_int(1), ufora_value_int(2)};
  ufora_value* p = NULL;
  CHECK(ufora_call(m, "Point", args, 2, &p, NULL) == UFORA_OK);
  ufora_runtime_free(rt);
  ufora_module_free(m);
  char* repr = NULL;
  CHECK(ufora_value_repr(p, &repr, NULL) == UFORA_OK && repr && strcmp(repr, "Point(1, 2)") == 0);
  ufora_string_free(repr);
  ufora_value_free(p);
  ufora_value_free(args[0]);
  ufora_value_free(args[1]);
}

int main(void) {
  ufora_runtime* rt = NULL;
  ufora_module* m = NULL;
  ufora_error* err = NULL;
  CHECK(ufora_runtime_new(0, &rt, &err) == UFORA_OK && rt != NULL && err == NULL);
  if (ufora_load_string(rt, kSource, "calc.py", &m, &err) != UFORA_OK) {
    fprintf(stderr, "loading the test module failed:\n%s\n", ufora_error_message(err));
    return 1;
  }
  test_scalars(m);
  test_arrays_and_tuples(m);
  test_kinds_and_accessor_errors(m);
  test_python_exceptions(m);
  test_misuse(rt, m);
  test_refused_programs(rt);
  ufora_module_free(m);
  ufora_runtime_free(rt);
  test_free_order();
  if (g_failures) {
    fprintf(stderr, "%d check(s) failed\n", g_failures);
    return 1;
  }
  puts("all C API checks passed");
  return 0;
}
