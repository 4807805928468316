// OpenMP reference for covariance.py. Float sums combine 65536-item leaves along the same
// balanced tree libufora uses (so both print the same digits); leaves run in parallel.
#include <cstdint>
#include <cstdio>
#include <vector>

static const int64_t kLeaf = 65536;

template <typename F>
static double tree_sum(int64_t n, F item) {
  int64_t leaves = (n + kLeaf - 1) / kLeaf;
  std::vector<double> part(leaves);
#pragma omp parallel for schedule(static)
  for (int64_t l = 0; l < leaves; ++l) {
    double s = 0.0;
    for (int64_t i = l * kLeaf; i < n && i < (l + 1) * kLeaf; ++i) s = s + item(i);
    part[l] = s;
  }
  // Combine [first, end) of the leaves: left half, then right half.
  struct Rec {
    const std::vector<double>& p;
    double go(int64_t first, int64_t end) const {
      if (end - first == 1) return p[first];
      int64_t mid = first + (end - first) / 2;
      return go(first, mid) + go(mid, end);
    }
  };
  return Rec{part}.go(0, leaves);
}

int main() {
  const int64_t n = 4000000;
  std::vector<double> xs(n), ys(n);
  for (int64_t i = 0; i < n; ++i) {
    xs[i] = double((i * 7919) % 1000) * 0.001;
    ys[i] = double((i * 104729) % 997) * 0.002 - 0.5;
  }
  double total = 0.0;
  for (int k = 0; k < 40; ++k) {
    double mx = tree_sum(n, [&](int64_t i) { return xs[i]; }) / double(n);
    double my = tree_sum(n, [&](int64_t i) { return ys[i]; }) / double(n);
    total = total + tree_sum(n, [&](int64_t i) { return (xs[i] - mx) * (ys[i] - my); }) / double(n - 1);
  }
  std::printf("%.12f\n", total);
}
