#include "runtime/scheduler.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "runtime/stack_pool.h"
#include "runtime/kernel_lists.h"
#include "runtime/task_fiber.h"

namespace ufora {

namespace ctx = boost::context;

namespace {

// Task::waiter once the task is done.
void* const kDone = reinterpret_cast<void*>(uintptr_t(1));

// Who waits for a task: a parked task fiber (any thread may resume it), or the context of a
// thread that called in, which only that thread may resume (`ready` tells it to).
struct Waiter {
  TaskFiber* fiber = nullptr;
  std::atomic<bool>* ready = nullptr;
};

// Work a thread can pick up: a task not started yet, or a parked fiber whose wait is over.
struct Item {
  Task* task = nullptr;
  TaskFiber* fiber = nullptr;
  explicit operator bool() const { return task || fiber; }
};

// One per participating thread. Lives as long as the process (thieves may look at it); when
// a thread that called in exits, the next thread to call in reuses its state.
struct ThreadState {
  std::atomic<bool> in_use{true};
  std::mutex lock;
  std::deque<Item> items;    // oldest at the front (what thieves take: the biggest pieces)
  int worker = 0;            // 0 for threads that call in, 1.. for workers
  TaskFiber* current = nullptr;  // the task fiber this thread is running, if any
  std::atomic<bool> pinned_ready{false};  // this thread's own waiting context may go on
};

constexpr size_t kMaxThreads = 512;

thread_local ThreadState* t_state = nullptr;

// Frees the calling thread's state when it exits (its deque is empty by then: every offer is
// taken back or waited for before the construct that made it returns).
struct StateRelease {
  ThreadState* state = nullptr;
  ~StateRelease() {
    if (state) state->in_use.store(false, std::memory_order_release);
  }
};
thread_local StateRelease t_release;

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

bool Task::done() const { return waiter.load(std::memory_order_acquire) == kDone; }

struct Scheduler::Impl {
  std::mutex registry;
  std::array<ThreadState*, kMaxThreads> states{};
  std::atomic<size_t> n_states{0};
  std::once_flag started;
  std::atomic<int> n_workers{0};  // read by stats() on any thread
  std::atomic<int> idle{0};
  std::mutex sleep_lock;
  std::condition_variable wake;
  // Raised after every push that a sleeping worker could take. A worker sleeps only if it has
  // not moved since before its last look for work, and pushers notify under sleep_lock, so
  // a wake-up cannot fall between the look and the sleep (it used to, costing the region
  // that had just started its second thread for up to the 1 ms timeout).
  std::atomic<uint64_t> work_epoch{0};
  std::atomic<int64_t> tasks{0}, steals{0}, parks{0}, waited_ns{0};
  std::atomic<int> active{0};
  std::array<std::atomic<int64_t>, kMaxThreads> busy_ns{};

  // Thread-locals are only read through these, never on a task fiber across a wait: the
  // fiber may come back on another thread (task_fiber.h).
  __attribute__((noinline)) ThreadState* own(int worker = 0) {
    if (!t_state) {
      std::lock_guard<std::mutex> hold(registry);
      size_t n = n_states.load(std::memory_order_relaxed);
      for (size_t i = 0; i < n && !t_state && worker == 0; ++i)
        if (states[i]->worker == 0 && !states[i]->in_use.load(std::memory_order_acquire)) {
          states[i]->in_use.store(true, std::memory_order_relaxed);
          t_state = states[i];
        }
      if (!t_state) {
        if (n == kMaxThreads) {
          std::fputs("ufora: more than 512 threads use parallel work at the same time\n", stderr);
          std::abort();
        }
        states[n] = new ThreadState();
        states[n]->worker = worker;
        t_state = states[n];
        n_states.store(n + 1, std::memory_order_release);
      }
      if (worker == 0) t_release.state = t_state;
    }
    return t_state;
  }
  __attribute__((noinline)) static TaskFiber* current_fiber() { return t_state ? t_state->current : nullptr; }

  void push(ThreadState* ts, Item item) {
    std::lock_guard<std::mutex> hold(ts->lock);
    ts->items.push_back(item);
  }

  Item pop_own(ThreadState* ts) {
    std::lock_guard<std::mutex> hold(ts->lock);
    if (ts->items.empty()) return {};
    Item it = ts->items.back();
    ts->items.pop_back();
    return it;
  }

  Item steal(ThreadState* me) {
    size_t n = n_states.load(std::memory_order_acquire);
    if (n == 0) return {};
    size_t start = size_t(now_ns()) % n;
    for (size_t k = 0; k < n; ++k) {
      ThreadState* other = states[(start + k) % n];
      if (other == me) continue;
      std::lock_guard<std::mutex> hold(other->lock);
      if (other->items.empty()) continue;
      Item it = other->items.front();
      other->items.pop_front();
      if (it.task) steals.fetch_add(1, std::memory_order_relaxed);
      return it;
    }
    return {};
  }

  // New work in some deque: wakes a sleeping worker for it.
  void announce() {
    work_epoch.fetch_add(1, std::memory_order_acq_rel);
    if (idle.load(std::memory_order_acquire) > 0) {
      std::lock_guard<std::mutex> hold(sleep_lock);
      wake.notify_one();
    }
  }

  // The task is done: whoever waits for it may go on.
  void complete(ThreadState* ts, Task* t) {
    void* w = t->waiter.exchange(kDone, std::memory_order_acq_rel);
    if (!w) return;
    Waiter* waiter = static_cast<Waiter*>(w);
    if (TaskFiber* f = waiter->fiber) {
      delete waiter;
      push(ts, Item{nullptr, f});  // next for this thread, unless a thief is quicker
      announce();
    } else {
      waiter->ready->store(true, std::memory_order_release);  // `waiter` lives on that thread's stack
    }
  }

  // Runs an item on this thread until its fiber finishes or parks, then does the bookkeeping
  // the fiber could not do itself.
  void execute(ThreadState* ts, Item item) {
    TaskFiber* f = item.fiber ? item.fiber : new TaskFiber(item.task);
    active.fetch_add(1, std::memory_order_relaxed);
    ts->current = f;
    int64_t start = now_ns();
    KernelListArena* outer_arena = KernelListArena::current();
    KernelListArena::set_current(static_cast<KernelListArena*>(f->task()->kernel_arena));
    TaskFiber::Stop stop = f->resume();
    KernelListArena::set_current(outer_arena);
    busy_ns[size_t(ts->worker)].fetch_add(now_ns() - start, std::memory_order_relaxed);
    ts->current = nullptr;
    active.fetch_sub(1, std::memory_order_relaxed);
    if (stop == TaskFiber::Stop::Finished) {
      Task* t = f->task();
      delete f;
      complete(ts, t);
      return;
    }
    // Parked: the fiber is fully suspended now, so it is safe to let others resume it.
    parks.fetch_add(1, std::memory_order_relaxed);
    Task* awaited = f->parked_on;
    f->parked_on = nullptr;
    auto* waiter = new Waiter{f, nullptr};
    void* expected = nullptr;
    if (!awaited->waiter.compare_exchange_strong(expected, waiter, std::memory_order_acq_rel)) {
      delete waiter;  // it finished in the meantime
      push(ts, Item{nullptr, f});
    }
  }

  // A thread with nothing to do says so, so that busy threads split work off for it.
  void become_idle() {
    if (idle.fetch_add(1, std::memory_order_relaxed) == 0) g_split_wanted.store(1, std::memory_order_relaxed);
  }
  void stop_idling() {
    if (idle.fetch_sub(1, std::memory_order_relaxed) == 1 && !Scheduler::split_always()) g_split_wanted.store(0, std::memory_order_relaxed);
  }

  // Runs work until `finished()`; workers never finish. Idle, a worker sleeps a little;
  // a thread that called in only yields (what it waits for may end any moment).
  template <class Finished>
  void loop(ThreadState* ts, Finished finished) {
    bool idling = false;
    while (!finished()) {
      Item it = pop_own(ts);
      if (!it) it = steal(ts);
      if (it) {
        if (idling) stop_idling();
        idling = false;
        execute(ts, it);
        continue;
      }
      if (!idling) become_idle();
      idling = true;
      g_split_wanted.store(1, std::memory_order_relaxed);
      if (ts->worker == 0) {
        std::this_thread::yield();
        continue;
      }
      uint64_t seen = 0;
      for (int spin = 0; spin < 64 && !it; ++spin) {
        std::this_thread::yield();
        seen = work_epoch.load(std::memory_order_acquire);
        it = steal(ts);
        if (!it) g_split_wanted.store(1, std::memory_order_relaxed);
      }
      if (it) {
        stop_idling();
        idling = false;
        execute(ts, it);
        continue;
      }
      std::unique_lock<std::mutex> hold(sleep_lock);
      if (work_epoch.load(std::memory_order_acquire) == seen) wake.wait_for(hold, std::chrono::milliseconds(1));
    }
    if (idling) stop_idling();
  }
};

Scheduler& Scheduler::instance() {
  static Scheduler* s = new Scheduler();  // workers run until the process ends
  return *s;
}

Scheduler::Scheduler() : impl_(new Impl()) {
  set_threads(threads_from_environment());
  if (split_always()) g_split_wanted.store(1, std::memory_order_relaxed);
}

// At most kMaxWorkers threads of our own, leaving room in the per-thread table for threads
// that call in.
constexpr int kMaxWorkers = int(kMaxThreads) - 64;

void Scheduler::set_threads(int n) { threads_.store(std::clamp(n, 1, kMaxWorkers), std::memory_order_relaxed); }

bool Scheduler::split_always() {
  static bool on = [] {
    const char* e = std::getenv("UFORA_SPLIT_ALWAYS");
    return e && *e && *e != '0';
  }();
  return on;
}

void Scheduler::start_workers() {
  std::call_once(impl_->started, [this] {
    impl_->n_workers.store(threads() - 1);
    for (int i = 1, n = impl_->n_workers.load(); i <= n; ++i)
      std::thread([this, i] { impl_->loop(impl_->own(i), [] { return false; }); }).detach();
  });
}

bool Scheduler::someone_idle() const { return g_split_wanted.load(std::memory_order_relaxed) != 0; }

void Scheduler::offer(Task* t) {
  start_workers();
  t->kernel_arena = KernelListArena::current();
  impl_->push(impl_->own(), Item{t, nullptr});
  impl_->tasks.fetch_add(1, std::memory_order_relaxed);
  // One offer per request: the idle thread asks again if it still finds nothing to take.
  if (!split_always()) g_split_wanted.store(0, std::memory_order_relaxed);
  impl_->announce();
}

bool Scheduler::take_back(Task* t) {
  ThreadState* ts = impl_->own();
  std::lock_guard<std::mutex> hold(ts->lock);
  if (ts->items.empty() || ts->items.back().task != t) return false;
  ts->items.pop_back();
  return true;
}

void Scheduler::finish(Task* t) { impl_->complete(impl_->own(), t); }

void Scheduler::wait(Task* t) {
  if (t->done()) return;
  if (TaskFiber* f = Impl::current_fiber()) {
    // On a task fiber: park it; the loop that ran it registers the wait. When this returns
    // `t` is done, and this may be another thread.
    f->parked_on = t;
    f->park();
    return;
  }
  wait_on_loop_fiber(t);
}

// A thread that called in cannot lend its own stack to other threads: it runs the
// scheduler loop on a fiber until `t` is done, then switches back.
void Scheduler::wait_on_loop_fiber(Task* t) {
  ThreadState* ts = impl_->own();
  ts->pinned_ready.store(false, std::memory_order_relaxed);
  Waiter me{nullptr, &ts->pinned_ready};
  void* expected = nullptr;
  if (!t->waiter.compare_exchange_strong(expected, &me, std::memory_order_acq_rel)) return;  // done already
  StackExtent loop_stack, native_stack;
  void* tsan_native = tsan_current_fiber();
  void* tsan_loop = tsan_new_fiber();
  ctx::fiber loop_fiber(std::allocator_arg, PooledStack{&task_stacks(), &loop_stack}, [&](ctx::fiber&& native) {
    asan_finish_switch(nullptr, &native_stack);
    impl_->loop(ts, [ts] { return ts->pinned_ready.load(std::memory_order_acquire); });
    asan_start_switch(nullptr, native_stack);  // the loop's stack ends
    tsan_switch_to(tsan_native);
    return std::move(native);
  });
  tsan_switch_to(tsan_loop);
  void* fake = nullptr;
  int64_t start = now_ns(), busy_before = impl_->busy_ns[0].load(std::memory_order_relaxed);
  asan_start_switch(&fake, loop_stack);
  loop_fiber = std::move(loop_fiber).resume();
  asan_finish_switch(fake, nullptr);
  tsan_destroy(tsan_loop);
  // What it did not spend on tasks (with several threads calling in, an estimate).
  int64_t idle = (now_ns() - start) - (impl_->busy_ns[0].load(std::memory_order_relaxed) - busy_before);
  if (idle > 0) impl_->waited_ns.fetch_add(idle, std::memory_order_relaxed);
}

SchedulerStats Scheduler::stats() const {
  SchedulerStats s;
  s.active = impl_->active.load();
  s.idle = impl_->idle.load();
  s.tasks = impl_->tasks.load();
  s.steals = impl_->steals.load();
  s.parks = impl_->parks.load();
  s.waited_seconds = double(impl_->waited_ns.load()) * 1e-9;
  for (int i = 0, n = impl_->n_workers.load(); i <= n; ++i) s.busy_seconds.push_back(double(impl_->busy_ns[size_t(i)].load()) * 1e-9);
  return s;
}

std::string Scheduler::stats_report() const {
  SchedulerStats s = stats();
  std::string out = "ufora: " + std::to_string(threads()) + " threads, " + std::to_string(s.tasks) + " tasks offered (splits), " +
                    std::to_string(s.steals) + " stolen, " + std::to_string(s.parks) + " waits parked a fiber\n";
  char line[128];
  // The program's own thread runs the parallel constructs' first halves itself, outside any
  // task: what it shows is the work it took from others while waiting, and the time it waited.
  std::snprintf(line, sizeof line, "ufora:   main     ran others' tasks %.3f s, waited idle %.3f s\n",
                s.busy_seconds.empty() ? 0.0 : s.busy_seconds[0], s.waited_seconds);
  out += line;
  for (size_t i = 1; i < s.busy_seconds.size(); ++i) {
    std::snprintf(line, sizeof line, "ufora:   worker %zu busy %.3f s\n", i, s.busy_seconds[i]);
    out += line;
  }
  return out;
}

}  // namespace ufora
