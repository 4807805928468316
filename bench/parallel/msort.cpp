// OpenMP-tasks reference for msort.py: top-down merge sort into fresh vectors, the two
// halves as tasks above a cut-off (as a C++ programmer would write it).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

static std::vector<int64_t> msort(const int64_t* xs, size_t n) {
  if (n <= 1) return std::vector<int64_t>(xs, xs + n);
  size_t mid = n / 2;
  std::vector<int64_t> left, right;
#pragma omp task shared(left) if (n > 8192)
  left = msort(xs, mid);
  right = msort(xs + mid, n - mid);
#pragma omp taskwait
  std::vector<int64_t> out(n);
  std::merge(left.begin(), left.end(), right.begin(), right.end(), out.begin());
  return out;
}

int main() {
  const int64_t n = 1000000;
  std::vector<int64_t> xs(n);
  for (int64_t i = 0; i < n; ++i) xs[size_t(i)] = (i * 1103515245 + 12345) % 1000003;
  std::vector<int64_t> ys;
#pragma omp parallel
#pragma omp single
  ys = msort(xs.data(), xs.size());
  int64_t sum = 0;
  for (int64_t i = 0; i < n; ++i) sum += i * ys[size_t(i)];
  std::printf("%lld %lld %lld %lld\n", static_cast<long long>(n), static_cast<long long>(ys[0]), static_cast<long long>(ys[size_t(n - 1)]),
              static_cast<long long>(sum % 1000000007));
}
