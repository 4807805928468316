// OpenMP-tasks reference for fib.py (tasks above a cut-off, as a C++ programmer would write).
#include <cstdint>
#include <cstdio>

static int64_t fib_seq(int64_t n) { return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2); }

static int64_t fib(int64_t n) {
  if (n < 25) return fib_seq(n);
  int64_t a, b;
#pragma omp task shared(a)
  a = fib(n - 1);
  b = fib(n - 2);
#pragma omp taskwait
  return a + b;
}

int main() {
  int64_t r = 0;
#pragma omp parallel
#pragma omp single
  r = fib(41);
  std::printf("%lld\n", static_cast<long long>(r));
}
