// sorted(): a stable merge sort that, like CPython's, only ever asks `a < b`.
//
// std::stable_sort is not usable: a user __lt__ may raise (we must stop and report it) or be
// inconsistent (std's unguarded insertion would then run out of bounds). Homogeneous int,
// float and str keys, the common case, compare without going through op_compare_bool.
#include <algorithm>

#include "runtime/arg_parse.h"
#include "runtime/builtin_support.h"
#include "runtime/builtins_internal.h"
#include "runtime/ops.h"
#include "runtime/parallel_sort.h"
#include "values/packed_seq.h"
#include "values/exception_state.h"

namespace ufora {

namespace {

enum class KeyKind { Int, Float, Str, Generic };

KeyKind common_kind(const std::vector<Obj*>& keys) {
  if (keys.empty()) return KeyKind::Generic;
  Tag t = keys[0]->tag;
  for (Obj* k : keys)
    if (k->tag != t) return KeyKind::Generic;
  switch (t) {
    case Tag::Int: return KeyKind::Int;
    case Tag::Float: return KeyKind::Float;
    case Tag::Str: return KeyKind::Str;
    default: return KeyKind::Generic;
  }
}

class Sorter {
 public:
  explicit Sorter(const std::vector<Obj*>& keys) : keys_(keys), kind_(common_kind(keys)) {}

  // Sorts the permutation `order` (indices into keys); false when a comparison raised.
  bool sort(std::vector<size_t>& order) {
    const size_t n = order.size();
    constexpr size_t kRun = 16;
    for (size_t lo = 0; lo < n; lo += kRun)
      if (!insertion_sort(order, lo, std::min(n, lo + kRun))) return false;
    std::vector<size_t> buf(n);
    for (size_t width = kRun; width < n; width *= 2) {
      for (size_t lo = 0; lo < n; lo += 2 * width) {
        size_t mid = std::min(n, lo + width), hi = std::min(n, lo + 2 * width);
        if (!merge(order, buf, lo, mid, hi)) return false;
      }
    }
    return true;
  }

 private:
  // 1 when keys[a] < keys[b], 0 when not, -1 on error.
  int less(size_t a, size_t b) const {
    Obj* x = keys_[a];
    Obj* y = keys_[b];
    switch (kind_) {
      case KeyKind::Int: return static_cast<IntObj*>(x)->v < static_cast<IntObj*>(y)->v;
      case KeyKind::Float: return static_cast<FloatObj*>(x)->v < static_cast<FloatObj*>(y)->v;
      case KeyKind::Str: return str_of(x) < str_of(y);  // UTF-8 byte order is code point order
      case KeyKind::Generic: return op_compare_bool(CompareOp::Lt, x, y);
    }
    return -1;
  }

  // Binary insertion: each new element goes after every element it is not less than.
  bool insertion_sort(std::vector<size_t>& order, size_t lo, size_t hi) const {
    for (size_t i = lo + 1; i < hi; ++i) {
      size_t v = order[i];
      size_t left = lo, right = i;
      while (left < right) {
        size_t m = left + (right - left) / 2;
        int r = less(v, order[m]);
        if (r < 0) return false;
        if (r)
          right = m;
        else
          left = m + 1;
      }
      for (size_t j = i; j > left; --j) order[j] = order[j - 1];
      order[left] = v;
    }
    return true;
  }

  // Takes from the right run only when strictly less, so equal keys keep their order.
  bool merge(std::vector<size_t>& order, std::vector<size_t>& buf, size_t lo, size_t mid, size_t hi) const {
    if (mid >= hi) return true;
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      int r = less(order[j], order[i]);
      if (r < 0) return false;
      buf[k++] = r ? order[j++] : order[i++];
    }
    while (i < mid) buf[k++] = order[i++];
    while (j < hi) buf[k++] = order[j++];
    std::copy(buf.begin() + long(lo), buf.begin() + long(hi), order.begin() + long(lo));
    return true;
  }

  const std::vector<Obj*>& keys_;
  KeyKind kind_;
};

}  // namespace

bool sort_values(std::vector<Obj*>& items, Obj* key, bool reverse) {
  // Reversing before and after a stable sort keeps equal items in their original order,
  // which is what reverse=True means in CPython.
  if (reverse) std::reverse(items.begin(), items.end());
  OwnedVec computed;
  if (key) {
    for (Obj* item : items) {
      Obj* k = op_call1(key, item);
      if (!k) return false;
      computed.push(k);
    }
  }
  const std::vector<Obj*>& keys = key ? computed.v : items;
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (!Sorter(keys).sort(order)) return false;
  std::vector<Obj*> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(items[i]);
  if (reverse) std::reverse(sorted.begin(), sorted.end());
  items = std::move(sorted);
  return true;
}

namespace {

// A list or tuple held unboxed sorts without boxing (runtime/parallel_sort.h); nullptr when
// it is not one, has a key function, or holds a NaN.
Obj* sorted_unboxed(Obj* source, Obj* key, bool reverse) {
  if (key || (source->tag != Tag::List && source->tag != Tag::Tuple)) return nullptr;
  const auto* seq = static_cast<const SeqObj*>(source);
  const PackedSeq* packed = seq->packed_if_made();
  if (!packed || packed->size() < 2) return nullptr;
  std::vector<int64_t> bits(size_t(packed->size()));
  for (int64_t i = 0; i < packed->size(); ++i) bits[size_t(i)] = packed->int_at(i);
  if (!sort_packed(packed->kind(), bits, reverse)) return nullptr;
  return new SeqObj(Tag::List, PackedSeq::copy_of(packed->kind(), bits.data(), packed->size()));
}

Obj* builtin_sorted(Obj*, Obj* const* args, size_t nargs, Obj* kw) {
  if (!check_arity("sorted", nargs, 1, 1)) return nullptr;
  // CPython forwards the keywords to list.sort, hence "sort()" in its messages.
  Obj* opts[2];
  if (!bind_args("sort", args + 1, 0, kw, {"key", "reverse"}, 0, opts)) return nullptr;
  Obj* key = opts[0] && opts[0]->tag != Tag::None ? opts[0] : nullptr;
  bool reverse = false;
  if (opts[1]) {
    int64_t r = 0;
    if (opts[1]->tag == Tag::Float)
      return raise_error(ExcKind::TypeError, "'float' object cannot be interpreted as an integer");
    if (!as_int64(opts[1], r, "C int")) return nullptr;
    reverse = r != 0;
  }
  if (Obj* fast = sorted_unboxed(args[0], key, reverse)) return fast;
  OwnedVec items;
  if (!collect(args[0], items.v)) return nullptr;
  if (!sort_values(items.v, key, reverse)) return nullptr;
  return new_list(items.take());
}

}  // namespace

void register_sorting_builtins(DictObj* d) { add_builtin(d, "sorted", builtin_sorted); }

}  // namespace ufora
