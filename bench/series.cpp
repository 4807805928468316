// Hand-written C++ reference for series.py (same operation order, no FMA).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

static double mean(const std::vector<double>& xs) {
  double s = 0.0;
  for (double x : xs) s += x;
  return s / double(xs.size());
}

static double covariance(const std::vector<double>& xs, const std::vector<double>& ys) {
  double mx = mean(xs), my = mean(ys), acc = 0.0;
  for (size_t i = 0; i < xs.size(); ++i) acc = acc + (xs[i] - mx) * (ys[i] - my);
  return acc / double(xs.size() - 1);
}

static double max_drawdown(const std::vector<double>& xs) {
  double peak = xs[0], worst = 0.0;
  for (double x : xs) {
    peak = std::max(peak, x);
    worst = std::max(worst, peak - x);
  }
  return worst;
}

int main() {
  const int64_t n = 2000000;
  std::vector<double> xs(n), ys(n);
  for (int64_t i = 0; i < n; ++i) {
    xs[i] = double((i * 7919) % 1000) * 0.001;
    ys[i] = double((i * 104729) % 997) * 0.002 - 0.5;
  }
  double total = 0.0;
  for (int k = 0; k < 20; ++k) total = total + covariance(xs, ys) + max_drawdown(ys);
  std::printf("%.9f\n", total);
}
