// Hand-written C++ reference for sum_squares.py.
#include <cstdint>
#include <cstdio>

int main() {
  int64_t total = 0;
  for (int64_t i = 0; i < 200000000; ++i) total += i * i % 1000;
  std::printf("%lld\n", static_cast<long long>(total));
}
