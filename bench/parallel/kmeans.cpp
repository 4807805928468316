// OpenMP reference for kmeans.py (same operations, no FMA), written as C++ would be: one
// parallel pass per iteration assigns each point and accumulates every cluster's count and
// sums over 65536-point leaves (left to right inside a leaf, as Python's filtered sums), then
// the leaves combine along the same balanced tree libufora uses for float sums, so both
// print the same digits.
#include <cstdint>
#include <cstdio>
#include <vector>

static const int64_t kLeaf = 65536;
static const int kK = 8;

static int64_t next_state(int64_t s) { return (s * 1103515245 + 12345) % 2147483648; }

static double uniform(int64_t s) { return double(s) / 2147483648.0; }

static double coord(int64_t i, int axis, const double* centres) {
  int64_t s = next_state(i * 7919 + 1);
  int64_t c = (s / 65536) % kK;
  s = next_state(s);
  if (axis == 1) s = next_state(next_state(s));
  return centres[c] + 15.0 * (uniform(s) + uniform(next_state(s)) - 1.0);
}

static int nearest(double x, double y, const double* cxs, const double* cys) {
  int best = 0;
  double best_d = (x - cxs[0]) * (x - cxs[0]) + (y - cys[0]) * (y - cys[0]);
  for (int c = 1; c < kK; ++c) {
    double d = (x - cxs[c]) * (x - cxs[c]) + (y - cys[c]) * (y - cys[c]);
    if (d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

struct Leaf {
  int64_t count[kK];
  double sx[kK], sy[kK];
};

// Combines leaves [first, end) of a float sum: left half, then right half.
template <typename F>
static double combine(int64_t first, int64_t end, F leaf) {
  if (end - first == 1) return leaf(first);
  int64_t mid = first + (end - first) / 2;
  return combine(first, mid, leaf) + combine(mid, end, leaf);
}

int main() {
  const int64_t n = 1000000;
  const int iterations = 20;
  const double true_xs[kK] = {20.0, 50.0, 80.0, 30.0, 70.0, 15.0, 55.0, 85.0};
  const double true_ys[kK] = {20.0, 15.0, 25.0, 50.0, 55.0, 80.0, 85.0, 75.0};
  std::vector<double> xs(n), ys(n);
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < n; ++i) {
    xs[i] = coord(i, 0, true_xs);
    ys[i] = coord(i, 1, true_ys);
  }
  double cxs[kK], cys[kK];
  for (int c = 0; c < kK; ++c) {
    cxs[c] = xs[c];
    cys[c] = ys[c];
  }
  const int64_t leaves = (n + kLeaf - 1) / kLeaf;
  std::vector<Leaf> part(leaves);
  for (int it = 0; it < iterations; ++it) {
#pragma omp parallel for schedule(static)
    for (int64_t l = 0; l < leaves; ++l) {
      Leaf p{};
      for (int64_t i = l * kLeaf; i < n && i < (l + 1) * kLeaf; ++i) {
        int c = nearest(xs[i], ys[i], cxs, cys);
        p.count[c] += 1;
        p.sx[c] = p.sx[c] + xs[i];
        p.sy[c] = p.sy[c] + ys[i];
      }
      part[l] = p;
    }
    for (int c = 0; c < kK; ++c) {
      int64_t count = 0;
      for (int64_t l = 0; l < leaves; ++l) count += part[l].count[c];
      if (count == 0) continue;  // an empty cluster keeps its centre
      cxs[c] = combine(0, leaves, [&](int64_t l) { return part[l].sx[c]; }) / double(count);
      cys[c] = combine(0, leaves, [&](int64_t l) { return part[l].sy[c]; }) / double(count);
    }
  }
  for (int c = 0; c < kK; ++c) std::printf("%.6f %.6f\n", cxs[c], cys[c]);
}
