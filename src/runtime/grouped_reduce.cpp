#include "runtime/grouped_reduce.h"

#include "runtime/scheduler.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace ufora {

namespace {

std::atomic<uint64_t> g_epoch{0};
std::atomic<int64_t> g_keyed_passes{0};
std::atomic<int64_t> g_keyed_answers{0};

// One reduction's inputs and what is known of it.
struct Memo {
  enum class State { SeenOnce, Computing, Done, Failed };
  uint64_t epoch;
  PartFn keyed_part;
  int64_t n;
  int32_t key_slot;
  std::vector<uint64_t> env;  // with the key's word zeroed
  State state = State::SeenOnce;
  std::unique_ptr<Partial[]> partials;  // kGroupKeys of them, once Done
  std::vector<Task*> waiters;           // asks waiting for the pass being computed
  bool eager = false;                   // its pass ran at the first ask (g_eager)
  int64_t answers = 0;                  // asks its pass answered
};

// What an ask waits on while another thread computes every key: never run, only finished.
struct Pending : Task {
  void run() override {}
};

// A few reductions at a time: a program asks for one group of keys, then moves on.
constexpr size_t kMemos = 16;

std::mutex g_mutex;
std::list<Memo> g_memos;  // newest last; a list, so that a memo stays where it is while computed
// Keyed parts whose keyed pass answered more than one key in an earlier kernel call: a
// program that asks for a group of keys asks again (each iteration of k-means), so from the
// next call on, the first ask runs the keyed pass at once instead of its own pass first. A
// call whose eager pass answered only its first ask takes the part out again.
std::set<PartFn> g_eager;
// Keyed parts whose keyed pass gave up (keys outside 0..63, most likely again next time):
// never tried again.
std::set<PartFn> g_failed;

// Evicts the least recently used memo that nobody is computing (memos move to the back when
// used); false when all of them are being computed.
bool make_room() {
  if (g_memos.size() < kMemos) return true;
  for (auto it = g_memos.begin(); it != g_memos.end(); ++it)
    if (it->state != Memo::State::Computing) {
      g_memos.erase(it);
      return true;
    }
  return false;
}

bool same_inputs(const Memo& m, uint64_t epoch, PartFn keyed_part, int64_t n, int32_t key_slot, const std::vector<uint64_t>& env) {
  return m.epoch == epoch && m.keyed_part == keyed_part && m.n == n && m.key_slot == key_slot && m.env == env;
}

}  // namespace

void begin_kernel_call() { g_epoch.fetch_add(1, std::memory_order_relaxed); }

KeyedStats keyed_stats() { return {g_keyed_passes.load(std::memory_order_relaxed), g_keyed_answers.load(std::memory_order_relaxed)}; }

}  // namespace ufora

int32_t ufr_parallel_reduce_keyed(int32_t op, int64_t n, ufora::PartFn part, ufora::PartFn keyed_part, void* env,
                                  int32_t env_words, int32_t key_slot, int32_t one_leaf, ufora::Partial* out) {
  using namespace ufora;
  auto plain = [&] {
    if (!one_leaf) return ufr_parallel_reduce(op, n, part, env, out);
    out[0].acc = 0;  // no list placement (parallel_reduce.cpp)
    return part(env, 0, std::max<int64_t>(n, 0), out);
  };
  const auto* words = static_cast<const uint64_t*>(env);
  auto key = int64_t(words[key_slot]);
  if (key < 0 || key >= kGroupKeys || n <= 0) return plain();
  std::vector<uint64_t> inputs(words, words + env_words);
  inputs[size_t(key_slot)] = 0;
  uint64_t epoch = g_epoch.load(std::memory_order_relaxed);
  Memo* memo = nullptr;  // set: this call runs the keyed pass
  std::unique_lock<std::mutex> lock(g_mutex);
  if (g_failed.count(keyed_part)) {
    lock.unlock();
    return plain();
  }
  for (;;) {
    auto found = g_memos.end();
    for (auto it = g_memos.begin(); it != g_memos.end(); ++it)
      if (same_inputs(*it, epoch, keyed_part, n, key_slot, inputs)) found = it;
    if (found == g_memos.end()) {  // the first ask: alone, as there may be no other (unless earlier calls had others)
      for (const Memo& m : g_memos)
        if (m.keyed_part == keyed_part && m.epoch != epoch && m.eager && m.state == Memo::State::Done && m.answers <= 1)
          g_eager.erase(keyed_part);
      bool eager = g_eager.count(keyed_part) != 0;
      if (!make_room()) break;
      g_memos.push_back(Memo{epoch, keyed_part, n, key_slot, inputs, eager ? Memo::State::Computing : Memo::State::SeenOnce, nullptr, {}, eager, 0});
      if (eager) memo = &g_memos.back();
      break;
    }
    g_memos.splice(g_memos.end(), g_memos, found);  // most recently used
    if (found->state == Memo::State::Done) {
      out[0] = found->partials[size_t(key)];
      g_keyed_answers.fetch_add(1, std::memory_order_relaxed);
      if (++found->answers >= 2) g_eager.insert(keyed_part);
      return 1;
    }
    if (found->state == Memo::State::SeenOnce) {
      found->state = Memo::State::Computing;  // this call computes every key
      memo = &*found;
      break;
    }
    if (found->state == Memo::State::Failed) break;
    // Another thread is computing every key: wait for it, running other work meanwhile (which
    // may be pieces of that very pass), then look again.
    Pending pending;
    found->waiters.push_back(&pending);
    lock.unlock();
    Scheduler::instance().wait(&pending);
    lock.lock();
  }
  lock.unlock();
  if (!memo) return plain();
  std::unique_ptr<Partial[]> partials(new Partial[kGroupKeys]());
  bool ok = reduce_by_key(ReduceOp(op), n, keyed_part, env, partials.get(), one_leaf ? n : 0);
  Partial mine = partials[size_t(key)];
  std::vector<Task*> waiters;
  lock.lock();
  memo->state = ok ? Memo::State::Done : Memo::State::Failed;  // a memo being computed is never evicted
  memo->answers = ok ? 1 : 0;
  if (ok) {
    memo->partials = std::move(partials);
  } else {
    g_eager.erase(keyed_part);
    g_failed.insert(keyed_part);
  }
  waiters.swap(memo->waiters);
  lock.unlock();
  for (Task* w : waiters) Scheduler::instance().finish(w);
  if (!ok) return plain();
  g_keyed_passes.fetch_add(1, std::memory_order_relaxed);
  g_keyed_answers.fetch_add(1, std::memory_order_relaxed);
  out[0] = mine;
  return 1;
}
