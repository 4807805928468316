#include "runtime/parallel_reduce.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "runtime/kernel_support.h"
#include "runtime/list_builder.h"
#include "runtime/scheduler.h"
#include "values/packed_seq.h"

namespace ufora {

namespace {

double as_double(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

uint64_t bits_of(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// Combines two neighbouring partials (left first); false to give up.
bool combine(ReduceOp op, const Partial& l, const Partial& r, Partial& out) {
  out.seen = l.seen | r.seen;
  switch (op) {
    case ReduceOp::SumInt:
    case ReduceOp::Count: {
      int64_t s;
      if (__builtin_add_overflow(int64_t(l.acc), int64_t(r.acc), &s)) return false;  // a big int: boxed code
      out.acc = uint64_t(s);
      return true;
    }
    case ReduceOp::ProductInt: {
      int64_t p;
      if (__builtin_mul_overflow(int64_t(l.acc), int64_t(r.acc), &p)) return false;
      out.acc = uint64_t(p);
      return true;
    }
    case ReduceOp::SumFloat: out.acc = bits_of(as_double(l.acc) + as_double(r.acc)); return true;
    case ReduceOp::Any: out.acc = l.acc | r.acc; return true;
    case ReduceOp::All: out.acc = l.acc & r.acc; return true;
    case ReduceOp::Xor: out.acc = l.acc ^ r.acc; return true;
    case ReduceOp::Concat:
      out.acc = uint64_t(ufr_k_list_append(reinterpret_cast<void*>(l.acc), reinterpret_cast<void*>(r.acc)));
      return true;
    default: break;
  }
  if (!l.seen || !r.seen) {
    out.acc = l.seen ? l.acc : r.acc;
    return true;
  }
  bool is_min = op == ReduceOp::MinInt || op == ReduceOp::MinFloat;
  if (op == ReduceOp::MinFloat || op == ReduceOp::MaxFloat) {
    double a = as_double(l.acc), b = as_double(r.acc);
    // A NaN makes Python's left-to-right answer depend on where it stands: give up.
    if (std::isnan(a) || std::isnan(b)) return false;
    out.acc = (is_min ? b < a : b > a) ? r.acc : l.acc;  // the first of equals, as Python keeps
    return true;
  }
  int64_t a = int64_t(l.acc), b = int64_t(r.acc);
  out.acc = (is_min ? b < a : b > a) ? r.acc : l.acc;
  return true;
}

std::atomic<int64_t> g_reduced_items{0};

struct Reduction {
  const ReduceOp* ops;  // one per accumulator
  int32_t width;
  int64_t n;
  int64_t leaf;
  PartFn part;
  void* env;
  // A list comprehension's shared block (list_builder.h): each leaf finds its address in
  // out[0].acc when called (ufr_k_list_new_part); null for every other reduction.
  std::shared_ptr<ListPlacement>* placement = nullptr;
  std::atomic<bool> failed{false};
};

int32_t call_part(const Reduction& r, int64_t lo, int64_t hi, Partial* out) {
  out[0].acc = r.placement ? uint64_t(reinterpret_cast<uintptr_t>(r.placement)) : 0;
  return r.part(r.env, lo, hi, out);
}

// W: the most accumulators a node holds (its partials live on the stack, one array per half).
template <int32_t W>
bool reduce_leaves(Reduction& r, int64_t first, int64_t end, Partial* out);

// A partial result that will not be combined (the reduction gave up) frees what it holds.
void release_one(ReduceOp op, Partial& p) {
  if (op == ReduceOp::Concat && p.acc) ufr_k_list_discard(reinterpret_cast<void*>(p.acc));
  p.acc = 0;
}
void release(const Reduction& r, Partial* p) {
  for (int32_t i = 0; i < r.width; ++i) release_one(r.ops[i], p[i]);
}

// The right half of a tree node, offered to idle threads.
template <int32_t W>
struct RightHalf : Task {
  Reduction* r;
  int64_t first, end;
  Partial result[W] = {};
  bool ok = false;
  RightHalf(Reduction* red, int64_t f, int64_t e) : r(red), first(f), end(e) {}
  void run() override { ok = reduce_leaves<W>(*r, first, end, result); }
};

template <int32_t W>
bool reduce_leaves(Reduction& r, int64_t first, int64_t end, Partial* out) {
  if (r.failed.load(std::memory_order_relaxed)) return false;
  if (end - first == 1) {
    int64_t lo = first * r.leaf;
    int64_t hi = std::min(r.n, lo + r.leaf);
    bool ok = call_part(r, lo, hi, out) != 0;
    g_reduced_items.fetch_add(hi - lo, std::memory_order_relaxed);
    if (!ok) r.failed.store(true, std::memory_order_relaxed);
    return ok;
  }
  int64_t mid = first + (end - first) / 2;
  Partial left[W] = {}, right[W] = {};
  bool ok_left, ok_right;
  Scheduler& s = Scheduler::instance();
  if (s.threads() > 1 && s.someone_idle()) {
    RightHalf<W> task(&r, mid, end);
    s.offer(&task);
    ok_left = reduce_leaves<W>(r, first, mid, left);
    if (s.take_back(&task)) task.run();
    else s.wait(&task);
    ok_right = task.ok;
    std::copy(task.result, task.result + r.width, right);
  } else {
    ok_left = reduce_leaves<W>(r, first, mid, left);
    ok_right = ok_left && reduce_leaves<W>(r, mid, end, right);
  }
  if (!ok_left || !ok_right) {
    if (ok_left) release(r, left);
    if (ok_right) release(r, right);
    return false;
  }
  bool ok = true;
  for (int32_t i = 0; i < r.width; ++i) {
    if (ok && combine(r.ops[i], left[i], right[i], out[i])) continue;
    if (ok) {  // what the failed combine and the ones before it made
      for (int32_t j = 0; j < i; ++j) release_one(r.ops[j], out[j]);
    }
    ok = false;
    release_one(r.ops[i], left[i]);
    release_one(r.ops[i], right[i]);
  }
  return ok;
}

}  // namespace

int64_t reduced_items() { return g_reduced_items.load(std::memory_order_relaxed); }

int64_t reduce_leaf_size(ReduceOp op, int64_t n) {
  if (op == ReduceOp::SumFloat) return kFloatLeaf;
  // The grouping cannot change these answers: 256 leaves balance well whether the items are
  // cheap (big leaves, few calls) or costly (a few items each). Lists too: their parts write
  // into one shared block (list_builder.h), so small leaves cost no copies, while a leaf is
  // what an idle thread waits for (64 Ki-item leaves left one of two threads idle for a
  // leaf's time at the end of each k-means assignment).
  return std::max<int64_t>(1, (n + 255) / 256);
}

int64_t reduce_leaf_size(const ReduceOp* ops, int32_t width, int64_t n) {
  for (int32_t i = 0; i < width; ++i)
    if (ops[i] == ReduceOp::SumFloat) return kFloatLeaf;
  // Loops are often short and called often (an inner function's loop): below 64 items a
  // leaf, one call of the part is the whole loop. The grouping cannot change these answers.
  return std::max<int64_t>(64, reduce_leaf_size(ReduceOp::Count, n));
}

}  // namespace ufora

namespace ufora {
namespace {

int32_t reduce_tree(int32_t width, const int32_t* ops, int64_t n, int64_t leaf, PartFn part, void* env, Partial* out) {
  if (width < 0 || width > kMaxReduceWidth) return 0;
  if (n <= 0) {  // the identity, from the part itself
    out[0].acc = 0;  // no list placement
    return part(env, 0, 0, out);
  }
  ReduceOp o[kMaxReduceWidth];
  for (int32_t i = 0; i < width; ++i) o[i] = ReduceOp(ops[i]);
  Reduction r{o, width, n, leaf, part, env};
  std::shared_ptr<ListPlacement> placement;
  if (width == 1 && o[0] == ReduceOp::Concat) {
    placement = ListPlacement::make(n);
    if (placement) r.placement = &placement;
  }
  if (n <= leaf) return call_part(r, 0, n, out);  // one leaf: nothing to split or combine
  if (Scheduler::instance().threads() > 1) Scheduler::instance().start_workers();
  int64_t leaves = (n + r.leaf - 1) / r.leaf;
  return reduce_leaves<kMaxReduceWidth>(r, 0, leaves, out) ? 1 : 0;
}

}  // namespace

bool reduce_by_key(ReduceOp op, int64_t n, PartFn keyed_part, void* env, Partial* out, int64_t leaf) {
  if (n <= 0) return false;
  ReduceOp ops[kGroupKeys];
  std::fill(ops, ops + kGroupKeys, op);
  if (leaf <= 0) leaf = reduce_leaf_size(op, n);  // the plain reduction's leaves: the same grouping
  Reduction r{ops, kGroupKeys, n, leaf, keyed_part, env};
  if (n <= leaf) return call_part(r, 0, n, out) != 0;
  if (Scheduler::instance().threads() > 1) Scheduler::instance().start_workers();
  return reduce_leaves<kGroupKeys>(r, 0, (n + leaf - 1) / leaf, out);
}

}  // namespace ufora

int32_t ufr_parallel_reduce(int32_t op, int64_t n, ufora::PartFn part, void* env, ufora::Partial* out) {
  return ufora::reduce_tree(1, &op, n, ufora::reduce_leaf_size(ufora::ReduceOp(op), n), part, env, out);
}

int32_t ufr_parallel_reduce_many(int32_t width, const int32_t* ops, int64_t n, ufora::PartFn part, void* env,
                                 ufora::Partial* out) {
  using namespace ufora;
  if (width < 0 || width > kMaxReduceWidth) return 0;
  ReduceOp o[kMaxReduceWidth];
  for (int32_t i = 0; i < width; ++i) o[i] = ReduceOp(ops[i]);
  return reduce_tree(width, ops, n, reduce_leaf_size(o, width, n), part, env, out);
}
