// OpenMP reference for dot_loop.py: the same loops with `#pragma omp parallel for
// reduction` (OpenMP's grouping of the float sums, so digits past the printed ones differ).
#include <cstdint>
#include <cstdio>
#include <vector>

static double dot(const std::vector<double>& xs, const std::vector<double>& ys) {
  double s = 0.0;
  int64_t n = int64_t(xs.size());
#pragma omp parallel for reduction(+ : s)
  for (int64_t i = 0; i < n; ++i) s += xs[i] * ys[i];
  return s;
}

static void stats(const std::vector<double>& xs, double& total, double& hi, int64_t& count) {
  total = 0.0;
  hi = xs[0];
  count = 0;
  int64_t n = int64_t(xs.size());
#pragma omp parallel for reduction(+ : total, count) reduction(max : hi)
  for (int64_t i = 0; i < n; ++i) {
    double x = xs[i];
    if (x > 0.5) count += 1;
    total = total + x;
    hi = x > hi ? x : hi;
  }
}

int main() {
  const int64_t n = 4000000;
  std::vector<double> xs(n), ys(n);
  for (int64_t i = 0; i < n; ++i) {
    xs[i] = double((i * 7919) % 1000) * 0.001;
    ys[i] = double((i * 104729) % 997) * 0.002 - 0.5;
  }
  double total = 0.0;
  int64_t above = 0;
  for (int k = 0; k < 40; ++k) {
    total = total + dot(xs, ys);
    double t, hi;
    int64_t c;
    stats(xs, t, hi, c);
    total = total + t + hi;
    above = above + c;
  }
  std::printf("%.9e %lld\n", total, (long long)above);
}
