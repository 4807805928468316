// OpenMP reference for montecarlo_pi.py.
#include <charconv>
#include <cstdint>
#include <cstdio>

static int64_t chunk_hits(int64_t chunk, int64_t n) {
  int64_t s = chunk * 7919 + 1, inside = 0;
  for (int64_t i = 0; i < n; ++i) {
    s = (s * 1103515245 + 12345) % 2147483648;
    double x = double(s) / 2147483648.0;
    s = (s * 1103515245 + 12345) % 2147483648;
    double y = double(s) / 2147483648.0;
    if (x * x + y * y < 1.0) ++inside;
  }
  return inside;
}

int main() {
  const int64_t chunks = 4096, n = 100000;
  int64_t total = 0;
#pragma omp parallel for reduction(+ : total) schedule(dynamic, 1)
  for (int64_t c = 0; c < chunks; ++c) total += chunk_hits(c, n);
  char text[32];
  auto end = std::to_chars(text, text + sizeof text, 4.0 * double(total) / double(chunks * n)).ptr;  // shortest, as Python
  std::printf("%.*s\n", int(end - text), text);
}
