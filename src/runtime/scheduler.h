// The work-stealing scheduler every parallel construct runs on (DESIGN.md decisions 5 and 7).
//
// One worker thread per core besides the threads that call in (UFORA_THREADS=N or
// Runtime::Options::threads sets the total). Each participating thread owns a deque: it
// pushes work it is willing to share at the bottom and takes it back from the bottom;
// idle workers steal from the top of others' deques. Work is only offered when some worker
// is idle (lazy splitting, see parallel_reduce.h), so on one thread a parallel construct
// costs a handful of atomic loads.
//
// Every task another thread takes runs on a fiber of its own (task_fiber.h, stacks from a
// pool). A task that waits for one somebody stole parks its fiber, and its thread runs other
// work; whichever thread finishes the awaited task makes the parked fiber runnable, and any
// thread may resume it. A thread that calls in and waits runs the same loop on a fiber of
// its own until what it waits for is done, then carries on where it was.
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
  bool done() const;
  // The scheduler's: null while queued or running, then who waits for it, then "done".
  std::atomic<void*> waiter{nullptr};
  // The KernelListArena of the kernel call that offered it (runtime/kernel_lists.h): current
  // on whichever thread runs it.
  void* kernel_arena = nullptr;
};

struct SchedulerStats {
  int active = 0;      // threads running a shared task right now
  int idle = 0;        // threads looking for work (or sleeping until some comes)
  int64_t tasks = 0;   // tasks offered for stealing (splits)
  int64_t steals = 0;  // tasks run by a thread other than the one that offered them
  int64_t parks = 0;   // waits that suspended a fiber (the thread ran other work meanwhile)
  std::vector<double> busy_seconds;  // in parallel work, per worker (index 0: the threads that called in)
  double waited_seconds = 0;  // threads that called in, waiting for other threads' tasks to end
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
  // Returns once `t` is done; meanwhile this thread runs other work (see above).
  void wait(Task* t);
  // Marks `t`, a task that was never offered, as done, and lets whoever waits for it go on:
  // a wait for something other than a task (runtime/grouped_reduce.cpp's shared pass).
  void finish(Task* t);

  SchedulerStats stats() const;
  std::string stats_report() const;  // what `ufora-run --stats` prints

  // UFORA_SPLIT_ALWAYS=1: offer work at every opportunity, idle workers or not (a stress
  // setting under which every answer must stay the same).
  static bool split_always();

 private:
  Scheduler();
  void wait_on_loop_fiber(Task* t);
  struct Impl;
  Impl* impl_;
  std::atomic<int> threads_{1};
};

}  // namespace ufora
