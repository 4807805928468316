// The work-stealing scheduler every parallel construct runs on (DESIGN.md decisions 5 and 7).
//
// One worker thread per core besides the threads that call in (UFORA_THREADS=N or
// Runtime::Options::threads sets the total). Each participating thread owns a deque: it
// pushes work it is willing to share at the bottom and takes it back from the bottom;
// idle workers steal from the top of others' deques. Work is only offered when some worker
// is idle (lazy splitting, see parallel_reduce.h), so on one thread a parallel construct
// costs a handful of atomic loads.
//
// A thread that waits for a task somebody stole does not block: it runs other tasks until
// the stolen one is done.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace ufora {

// Set while splitting work off would help (a worker is idle, or UFORA_SPLIT_ALWAYS=1):
// compiled code reads it inline before each fork point, so a fork costs one load when not taken.
extern std::atomic<uint8_t> g_split_wanted;

struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
  std::atomic<bool> done{false};
};

struct SchedulerStats {
  int active = 0;      // threads running a shared task right now
  int64_t tasks = 0;   // tasks offered for stealing (splits)
  int64_t steals = 0;  // tasks run by a thread other than the one that offered them
  std::vector<double> busy_seconds;  // in parallel work, per worker (index 0: the threads that called in)
};

class Scheduler {
 public:
  static Scheduler& instance();

  // The number of threads parallel work uses, including the caller's. Takes effect for
  // workers started afterwards; 1 means everything runs on the calling thread.
  void set_threads(int n);
  int threads() const { return threads_.load(std::memory_order_relaxed); }

  // Starts the worker threads if they are not running yet (parallel constructs call it).
  void start_workers();
  // Lazy splitting asks this before offering work: true when a worker is looking for some.
  bool someone_idle() const;

  // Offers `t` to other threads; the caller then either takes it back (take_back) or waits.
  void offer(Task* t);
  // Removes `t` from the calling thread's deque if no one stole it yet.
  bool take_back(Task* t);
  // Runs other work until `t` is done.
  void wait(Task* t);

  // Parallel constructs report the time the calling thread spent computing.
  void note_busy(int64_t ns);
  static int64_t clock_ns();
  SchedulerStats stats() const;
  std::string stats_report() const;  // what `ufora-run --stats` prints

  // UFORA_SPLIT_ALWAYS=1: offer work at every opportunity, idle workers or not (a stress
  // setting under which every answer must stay the same).
  static bool split_always();

 private:
  Scheduler();
  void worker_loop(int index);
  struct Impl;
  Impl* impl_;
  std::atomic<int> threads_{1};
};

}  // namespace ufora
