/* A C host: finds outliers in sensor readings with analysis.py (next to the binary) through
 * libufora's C API. Usage: c_host [path/to/analysis.py] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ufora/ufora.h>

#define N 500

/* Deterministic readings with three injected spikes, so the output can be checked. */
static void readings(double* xs) {
  uint64_t seed = 7;
  for (int i = 0; i < N; ++i) {
    seed = (seed * 1103515245u + 12345u) % 2147483648u;
    xs[i] = 20.0 + (double)(seed % 1000) / 100.0;
  }
  xs[17] += 40.0;
  xs[250] -= 35.0;
  xs[433] += 28.5;
}

/* Reports a failed call on stderr as CPython would; returns nonzero when st is a failure. */
static int failed(ufora_status st, ufora_error* err) {
  if (st == UFORA_OK) return 0;
  const char* tb = ufora_error_traceback(err);
  fprintf(stderr, "c_host: %s\n", *tb ? tb : ufora_error_message(err));
  ufora_error_free(err);
  return 1;
}

/* Item i of a tuple as a double (0 if it is not a number): enough for a demo. */
static double item_double(const ufora_value* tuple, size_t i) {
  ufora_value* item = NULL;
  double d = 0;
  if (ufora_value_item(tuple, i, &item, NULL) == UFORA_OK) ufora_value_as_double(item, &d, NULL);
  ufora_value_free(item);
  return d;
}

int main(int argc, char** argv) {
  /* Default: analysis.py in the directory of the binary. */
  char script[4096];
  const char* slash = strrchr(argv[0], '/');
  int dir_len = slash ? (int)(slash - argv[0] + 1) : 0;
  snprintf(script, sizeof script, "%.*sanalysis.py", dir_len, argv[0]);
  const char* path = argc > 1 ? argv[1] : script;

  double xs[N];
  readings(xs);

  ufora_runtime* rt = NULL;
  ufora_module* m = NULL;
  ufora_error* err = NULL;
  if (failed(ufora_runtime_new(0, &rt, &err), err)) return 1;
  if (failed(ufora_load_file(rt, path, &m, &err), err)) return 1;

  ufora_value* args[2] = {ufora_value_float_array(xs, N), ufora_value_float(3.0)};
  ufora_value* d = NULL;
  if (failed(ufora_call(m, "describe", args, 1, &d, &err), err)) return 1;
  printf("n=%d mean=%.6f stdev=%.6f\n", (int)item_double(d, 0), item_double(d, 1), item_double(d, 2));

  ufora_value* found = NULL;
  if (failed(ufora_call(m, "outliers", args, 2, &found, &err), err)) return 1;
  size_t n = 0;
  ufora_value_size(found, &n, NULL);
  printf("outliers (k=3):");
  for (size_t i = 0; i < n; ++i) printf(" %d", (int)item_double(found, i));
  printf("\n");

  /* The script refuses a meaningless k; the host gets the Python exception as an error. */
  ufora_value_free(args[1]);
  args[1] = ufora_value_int(0);
  ufora_value* none = NULL;
  if (ufora_call(m, "outliers", args, 2, &none, &err) == UFORA_PYTHON_ERROR) {
    printf("refused: %s: %s (line %d)\n", ufora_error_type_name(err), ufora_error_message(err),
           ufora_error_line(err));
    ufora_error_free(err);
  }

  /* Handles may be freed in any order. */
  ufora_value_free(found);
  ufora_value_free(d);
  ufora_value_free(args[0]);
  ufora_value_free(args[1]);
  ufora_module_free(m);
  ufora_runtime_free(rt);
  return 0;
}
