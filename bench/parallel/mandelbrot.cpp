// OpenMP reference for mandelbrot.py (same operations, no FMA).
#include <cstdio>

static int escape(double cx, double cy, int limit) {
  double x = 0.0, y = 0.0;
  int n = 0;
  while (n < limit && x * x + y * y <= 4.0) {
    double nx = x * x - y * y + cx;
    y = 2.0 * x * y + cy;
    x = nx;
    ++n;
  }
  return n;
}

int main() {
  const long w = 2000, h = 2000;
  long total = 0;
#pragma omp parallel for reduction(+ : total) schedule(dynamic, 1024)
  for (long k = 0; k < w * h; ++k) total += escape(-2.0 + 2.5 * double(k % w) / double(w), -1.25 + 2.5 * double(k / w) / double(h), 400);
  std::printf("%ld\n", total);
}
