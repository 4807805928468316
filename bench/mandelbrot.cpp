// Hand-written C++ reference for mandelbrot.py (same operation order, no FMA).
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
  long total = 0;
  const int w = 1000, h = 1000;
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < w; ++i) total += escape(-2.0 + 2.5 * i / w, -1.25 + 2.5 * j / h, 200);
  std::printf("%ld\n", total);
}
