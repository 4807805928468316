// sort_packed: a stable sort of unboxed numbers, the same on any thread count, and refusing
// NaN (whose order depends on the algorithm in Python).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/parallel_sort.h"
#include "runtime/scheduler.h"

using namespace ufora;

namespace {

std::vector<int64_t> as_bits(const std::vector<double>& v) {
  std::vector<int64_t> bits(v.size());
  std::memcpy(bits.data(), v.data(), v.size() * 8);
  return bits;
}

std::vector<double> as_doubles(const std::vector<int64_t>& bits) {
  std::vector<double> v(bits.size());
  std::memcpy(v.data(), bits.data(), bits.size() * 8);
  return v;
}

}  // namespace

TEST_CASE("long float lists sort stably on several threads, equal zeros keeping their order") {
  Scheduler::instance().set_threads(3);
  std::vector<double> v;
  for (int64_t i = 0; i < 300000; ++i) v.push_back((i * 7919) % 11 == 0 ? ((i % 2) ? 0.0 : -0.0) : double((i * 104729) % 1009) - 500.0);
  for (bool reverse : {false, true}) {
    std::vector<int64_t> bits = as_bits(v);
    REQUIRE(sort_packed(PackedKind::Float, bits, reverse));
    std::vector<double> got = as_doubles(bits);
    // Python's answer: a stable sort of the same values (reverse: equal items keep their order).
    std::vector<size_t> order(v.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return reverse ? v[b] < v[a] : v[a] < v[b]; });
    for (size_t i = 0; i < order.size(); ++i)
      if (std::signbit(got[i]) != std::signbit(v[order[i]]) || got[i] != v[order[i]]) FAIL("position " << i);
  }
}

TEST_CASE("int64 lists sort, including the extremes") {
  std::vector<int64_t> bits = {5, std::numeric_limits<int64_t>::min(), -1, std::numeric_limits<int64_t>::max(), 0, 5};
  REQUIRE(sort_packed(PackedKind::Int, bits, false));
  REQUIRE(bits == std::vector<int64_t>{std::numeric_limits<int64_t>::min(), -1, 0, 5, 5, std::numeric_limits<int64_t>::max()});
}

TEST_CASE("a NaN leaves the list to the general sort") {
  std::vector<int64_t> bits = as_bits({3.0, std::nan(""), 1.0});
  std::vector<int64_t> before = bits;
  REQUIRE_FALSE(sort_packed(PackedKind::Float, bits, false));
  REQUIRE(bits == before);
}
