// Keyed reductions at the runtime level (runtime/grouped_reduce.h), with hand-written parts:
// a float sum of values[i] over the items whose keys[i] == c. The first ask runs its own
// pass, the second computes every key in one keyed pass, later asks read it; every answer is
// the plain pass's bit for bit; a keyed pass that gives up leaves the plain passes.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "runtime/grouped_reduce.h"

using namespace ufora;

namespace {

struct Data {
  std::vector<int64_t> keys;
  std::vector<double> values;
};

std::atomic<int64_t> g_plain_items{0}, g_keyed_items{0};

uint64_t bits_of(double d) {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  return b;
}

// env: [0] call depth, [1] c, [2] Data*.
int32_t plain_part(void* env, int64_t lo, int64_t hi, Partial* out) {
  const auto* words = static_cast<const uint64_t*>(env);
  auto c = int64_t(words[1]);
  const auto* d = reinterpret_cast<const Data*>(words[2]);
  double s = 0.0;
  bool seen = false;
  for (int64_t i = lo; i < hi; ++i)
    if (d->keys[size_t(i)] == c) {
      s = s + d->values[size_t(i)];
      seen = true;
    }
  g_plain_items += hi - lo;
  out[0] = Partial{bits_of(s), seen ? 1 : 0};
  return 1;
}

int32_t keyed_part(void* env, int64_t lo, int64_t hi, Partial* out) {
  const auto* d = reinterpret_cast<const Data*>(static_cast<const uint64_t*>(env)[2]);
  g_keyed_items += hi - lo;  // items it set out to do
  double s[kGroupKeys] = {};
  bool seen[kGroupKeys] = {};
  for (int64_t i = lo; i < hi; ++i) {
    int64_t k = d->keys[size_t(i)];
    if (k < 0 || k >= kGroupKeys) return 0;  // gives up
    s[k] = s[k] + d->values[size_t(i)];
    seen[k] = true;
  }
  for (int32_t k = 0; k < kGroupKeys; ++k) out[k] = Partial{bits_of(s[k]), seen[k] ? 1 : 0};
  return 1;
}

Data make_data(int64_t n, int64_t k) {
  Data d;
  for (int64_t i = 0; i < n; ++i) {
    d.keys.push_back((i * 7919 + i / 3) % k);
    d.values.push_back(double((i * 104729) % 1000) * 0.37 - 150.0);
  }
  return d;
}

// The keyed entry point's answer for c, and the plain reduction's.
Partial ask(const Data& d, int64_t c) {
  uint64_t env[3] = {0, uint64_t(c), uint64_t(reinterpret_cast<uintptr_t>(&d))};
  Partial out{};
  REQUIRE(ufr_parallel_reduce_keyed(int32_t(ReduceOp::SumFloat), int64_t(d.keys.size()), plain_part, keyed_part, env, 3, 1, 0, &out) == 1);
  return out;
}

Partial plain(const Data& d, int64_t c) {
  uint64_t env[3] = {0, uint64_t(c), uint64_t(reinterpret_cast<uintptr_t>(&d))};
  Partial out{};
  REQUIRE(ufr_parallel_reduce(int32_t(ReduceOp::SumFloat), int64_t(d.keys.size()), plain_part, env, &out) == 1);
  return out;
}

}  // namespace

TEST_CASE("a second key computes every key in one pass, with the plain passes' answers bit for bit") {
  const int64_t n = 200000;  // several float leaves
  Data d = make_data(n, 8);
  std::vector<Partial> expected;
  for (int64_t c = 0; c < 10; ++c) expected.push_back(plain(d, c));
  begin_kernel_call();
  g_plain_items = g_keyed_items = 0;
  for (int64_t c = 0; c < 10; ++c) {
    Partial got = ask(d, c);
    CHECK(got.acc == expected[size_t(c)].acc);
    CHECK(got.seen == expected[size_t(c)].seen);
  }
  CHECK(expected[9].seen == 0);    // no item has key 9
  CHECK(g_plain_items == n);       // the first ask alone
  CHECK(g_keyed_items == n);       // one keyed pass for the other nine
  // The next kernel call: the part answered several asks, so its first ask runs keyed.
  begin_kernel_call();
  g_plain_items = g_keyed_items = 0;
  CHECK(ask(d, 3).acc == expected[3].acc);
  CHECK(ask(d, 5).acc == expected[5].acc);
  CHECK(g_plain_items == 0);
  CHECK(g_keyed_items == n);
}

TEST_CASE("keys outside 0..63 leave the plain passes, and so does a c outside them") {
  Data d = make_data(50000, 100);  // keys up to 99: the keyed pass gives up
  begin_kernel_call();
  for (int64_t c : {int64_t(1), int64_t(2), int64_t(70), int64_t(-1), int64_t(2)}) {
    Partial want = plain(d, c);
    Partial got = ask(d, c);
    CHECK(got.acc == want.acc);
    CHECK(got.seen == want.seen);
  }
  begin_kernel_call();
  g_plain_items = g_keyed_items = 0;
  ask(d, 4);
  ask(d, 6);
  CHECK(g_keyed_items == 0);  // a part whose keyed pass gave up is not tried again
}

TEST_CASE("what is remembered does not outlive the kernel call") {
  Data d = make_data(30000, 4);
  Partial before = plain(d, 1);
  begin_kernel_call();
  ask(d, 0);
  CHECK(ask(d, 1).acc == before.acc);
  // The same address, other contents, in a later call: never the remembered answers.
  for (double& v : d.values) v = v * 2.0;
  Partial after = plain(d, 1);
  begin_kernel_call();
  CHECK(ask(d, 1).acc == after.acc);
  CHECK(ask(d, 2).acc == plain(d, 2).acc);
}
