// The work-stealing scheduler on its own: fork-join trees give the right answers on any
// number of threads, waits park fibers instead of blocking, and threads calling in
// concurrently each get their own waits back.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "runtime/scheduler.h"

using ufora::Scheduler;
using ufora::Task;

namespace {

int64_t tree_sum(int64_t lo, int64_t hi);

struct RightPart : Task {
  int64_t lo, hi, result = 0;
  RightPart(int64_t l, int64_t h) : lo(l), hi(h) {}
  void run() override { result = tree_sum(lo, hi); }
};

// Sum of i over [lo, hi), offering the right half at every level (no laziness here:
// every wait that finds its half stolen has to park or run something else).
int64_t tree_sum(int64_t lo, int64_t hi) {
  if (hi - lo <= 16) {
    int64_t s = 0;
    for (int64_t i = lo; i < hi; ++i) s += i;
    return s;
  }
  int64_t mid = lo + (hi - lo) / 2;
  Scheduler& s = Scheduler::instance();
  RightPart right(mid, hi);
  s.offer(&right);
  int64_t left = tree_sum(lo, mid);
  if (s.take_back(&right))
    right.run();
  else
    s.wait(&right);
  return left + right.result;
}

int64_t expected_sum(int64_t n) { return n * (n - 1) / 2; }

}  // namespace

TEST_CASE("a fork-join tree of a hundred thousand tasks adds up on four threads") {
  Scheduler::instance().set_threads(4);
  const int64_t n = 1 << 21;
  for (int round = 0; round < 3; ++round) REQUIRE(tree_sum(0, n) == expected_sum(n));
  REQUIRE(Scheduler::instance().stats().tasks >= 3 * ((n / 16) - 1));
}

TEST_CASE("threads that call in at the same time each get their own answers") {
  Scheduler::instance().set_threads(3);
  std::vector<int64_t> got(4, -1);
  std::vector<std::thread> hosts;
  for (int h = 0; h < 4; ++h) hosts.emplace_back([&got, h] { got[size_t(h)] = tree_sum(0, 100000 + h); });
  for (auto& t : hosts) t.join();
  for (int h = 0; h < 4; ++h) REQUIRE(got[size_t(h)] == expected_sum(100000 + h));
}

namespace {

std::atomic<bool> g_release{false};
std::atomic<bool> g_outer_started{false};

struct Blocked : Task {
  void run() override {
    while (!g_release.load()) std::this_thread::yield();
  }
};

// Runs on a worker: offers `inner` and waits for it while it cannot be done.
struct Outer : Task {
  Blocked inner;
  void run() override {
    g_outer_started.store(true);
    Scheduler::instance().offer(&inner);
    Scheduler::instance().wait(&inner);  // not done: this must park the fiber, not block the thread
  }
};

}  // namespace

TEST_CASE("a task waiting for unfinished work parks its fiber and resumes when it is done") {
  Scheduler& s = Scheduler::instance();
  s.set_threads(2);
  int64_t parks_before = s.stats().parks;
  // Releases the blocked task once somebody has parked, from outside the scheduler.
  std::thread releaser([&s, parks_before] {
    while (s.stats().parks == parks_before) std::this_thread::yield();
    g_release.store(true);
  });
  Outer outer;
  s.offer(&outer);
  while (!g_outer_started.load()) std::this_thread::yield();  // a worker took it
  REQUIRE_FALSE(s.take_back(&outer));
  s.wait(&outer);
  releaser.join();
  REQUIRE(outer.done());
  REQUIRE(outer.inner.done());
  REQUIRE(s.stats().parks > parks_before);
}

TEST_CASE("a thousand short-lived threads calling in one after another reuse the scheduler's per-thread state") {
  Scheduler::instance().set_threads(2);
  for (int round = 0; round < 1000; ++round) {
    int64_t got = -1;
    std::thread host([&got] { got = tree_sum(0, 2000); });
    host.join();
    REQUIRE(got == expected_sum(2000));
  }
}
