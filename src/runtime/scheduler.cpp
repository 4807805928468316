#include "runtime/scheduler.h"

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace ufora {

namespace {

// A thread's shared work, oldest at the front (what thieves take: the biggest pieces).
struct WorkDeque {
  std::mutex lock;
  std::deque<Task*> tasks;
};

constexpr size_t kMaxDeques = 512;

thread_local WorkDeque* t_deque = nullptr;
thread_local int t_worker = 0;  // 0 for threads that call in, 1.. for workers
thread_local int t_task_depth = 0;  // tasks running on this thread's stack, nested

int threads_from_environment() {
  if (const char* e = std::getenv("UFORA_THREADS")) {
    int n = std::atoi(e);
    if (n >= 1) return n;
  }
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? int(hw) : 1;
}

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::atomic<uint8_t> g_split_wanted{0};

struct Scheduler::Impl {
  std::mutex registry;
  std::array<WorkDeque*, kMaxDeques> deques{};
  std::atomic<size_t> n_deques{0};
  std::once_flag started;
  int n_workers = 0;
  std::atomic<int> idle{0};
  std::mutex sleep_lock;
  std::condition_variable wake;
  std::atomic<int64_t> tasks{0}, steals{0};
  std::atomic<int> active{0};
  std::array<std::atomic<int64_t>, kMaxDeques> busy_ns{};

  WorkDeque* own() {
    if (!t_deque) {
      std::lock_guard<std::mutex> hold(registry);
      size_t i = n_deques.load(std::memory_order_relaxed);
      if (i == kMaxDeques) std::abort();  // more than 512 threads calling in at once
      deques[i] = new WorkDeque();  // lives as long as the process: thieves may look at it
      t_deque = deques[i];
      n_deques.store(i + 1, std::memory_order_release);
    }
    return t_deque;
  }

  Task* pop_own() {
    WorkDeque* d = own();
    std::lock_guard<std::mutex> hold(d->lock);
    if (d->tasks.empty()) return nullptr;
    Task* t = d->tasks.back();
    d->tasks.pop_back();
    return t;
  }

  Task* steal() {
    size_t n = n_deques.load(std::memory_order_acquire);
    if (n == 0) return nullptr;
    size_t start = size_t(now_ns()) % n;
    for (size_t k = 0; k < n; ++k) {
      WorkDeque* d = deques[(start + k) % n];
      if (d == t_deque) continue;
      std::lock_guard<std::mutex> hold(d->lock);
      if (d->tasks.empty()) continue;
      Task* t = d->tasks.front();
      d->tasks.pop_front();
      steals.fetch_add(1, std::memory_order_relaxed);
      return t;
    }
    return nullptr;
  }

  void run(Task* t) {
    active.fetch_add(1, std::memory_order_relaxed);
    int64_t start = ++t_task_depth == 1 ? now_ns() : 0;
    t->run();
    if (--t_task_depth == 0) busy_ns[size_t(t_worker)].fetch_add(now_ns() - start, std::memory_order_relaxed);
    active.fetch_sub(1, std::memory_order_relaxed);
    t->done.store(true, std::memory_order_release);
  }

  // A thread with nothing to do says so, so that busy threads split work off for it.
  void become_idle() {
    if (idle.fetch_add(1, std::memory_order_relaxed) == 0) g_split_wanted.store(1, std::memory_order_relaxed);
  }
  void stop_idling() {
    if (idle.fetch_sub(1, std::memory_order_relaxed) == 1 && !Scheduler::split_always()) g_split_wanted.store(0, std::memory_order_relaxed);
  }
};

Scheduler& Scheduler::instance() {
  static Scheduler* s = new Scheduler();  // workers run until the process ends
  return *s;
}

Scheduler::Scheduler() : impl_(new Impl()) {
  threads_.store(threads_from_environment(), std::memory_order_relaxed);
  if (split_always()) g_split_wanted.store(1, std::memory_order_relaxed);
}

void Scheduler::set_threads(int n) { threads_.store(n < 1 ? 1 : n, std::memory_order_relaxed); }

bool Scheduler::split_always() {
  static bool on = [] {
    const char* e = std::getenv("UFORA_SPLIT_ALWAYS");
    return e && *e && *e != '0';
  }();
  return on;
}

void Scheduler::start_workers() {
  std::call_once(impl_->started, [this] {
    impl_->n_workers = threads() - 1;
    for (int i = 1; i <= impl_->n_workers; ++i) std::thread([this, i] { worker_loop(i); }).detach();
  });
}

bool Scheduler::someone_idle() const { return g_split_wanted.load(std::memory_order_relaxed) != 0; }

void Scheduler::offer(Task* t) {
  start_workers();
  WorkDeque* d = impl_->own();
  {
    std::lock_guard<std::mutex> hold(d->lock);
    d->tasks.push_back(t);
  }
  impl_->tasks.fetch_add(1, std::memory_order_relaxed);
  // One offer per request: the idle thread asks again if it still finds nothing to take.
  if (!split_always()) g_split_wanted.store(0, std::memory_order_relaxed);
  if (impl_->idle.load(std::memory_order_relaxed) > 0) impl_->wake.notify_one();
}

bool Scheduler::take_back(Task* t) {
  WorkDeque* d = impl_->own();
  std::lock_guard<std::mutex> hold(d->lock);
  if (d->tasks.empty() || d->tasks.back() != t) return false;
  d->tasks.pop_back();
  return true;
}

void Scheduler::wait(Task* t) {
  bool idling = false;
  while (!t->done.load(std::memory_order_acquire)) {
    Task* other = impl_->pop_own();
    if (!other) other = impl_->steal();
    if (other) {
      if (idling) impl_->stop_idling();
      idling = false;
      impl_->run(other);
    } else {
      if (!idling) impl_->become_idle();
      idling = true;
      g_split_wanted.store(1, std::memory_order_relaxed);
      std::this_thread::yield();
    }
  }
  if (idling) impl_->stop_idling();
}

void Scheduler::worker_loop(int index) {
  t_worker = index;
  impl_->own();
  for (;;) {
    Task* t = impl_->pop_own();
    if (!t) t = impl_->steal();
    if (t) {
      impl_->run(t);
      continue;
    }
    // Idle: look around a little, then sleep until work is offered (or a millisecond).
    impl_->become_idle();
    for (int spin = 0; spin < 64 && !t; ++spin) {
      std::this_thread::yield();
      t = impl_->steal();
      if (!t) g_split_wanted.store(1, std::memory_order_relaxed);
    }
    if (!t) {
      std::unique_lock<std::mutex> hold(impl_->sleep_lock);
      impl_->wake.wait_for(hold, std::chrono::milliseconds(1));
    }
    impl_->stop_idling();
    if (t) impl_->run(t);
  }
}

void Scheduler::note_busy(int64_t ns) {
  if (t_task_depth == 0) impl_->busy_ns[size_t(t_worker)].fetch_add(ns, std::memory_order_relaxed);  // else the task counts it
}

int64_t Scheduler::clock_ns() { return now_ns(); }

SchedulerStats Scheduler::stats() const {
  SchedulerStats s;
  s.active = impl_->active.load();
  s.tasks = impl_->tasks.load();
  s.steals = impl_->steals.load();
  for (int i = 0; i <= impl_->n_workers; ++i) s.busy_seconds.push_back(double(impl_->busy_ns[size_t(i)].load()) * 1e-9);
  return s;
}

std::string Scheduler::stats_report() const {
  SchedulerStats s = stats();
  std::string out = "ufora: " + std::to_string(threads()) + " threads, " + std::to_string(s.tasks) + " tasks offered (splits), " +
                    std::to_string(s.steals) + " stolen\n";
  for (size_t i = 0; i < s.busy_seconds.size(); ++i) {
    char line[96];
    std::snprintf(line, sizeof line, "ufora:   %s %zu busy %.3f s\n", i == 0 ? "main  " : "worker", i,
                  s.busy_seconds[i]);
    out += line;
  }
  return out;
}

}  // namespace ufora
