#include "runtime/parallel_sort.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "runtime/scheduler.h"

namespace ufora {

namespace {

// Below this many elements a piece is sorted by one thread.
constexpr size_t kSortLeaf = size_t(1) << 15;

template <class T>
void merge_sort(T* data, T* buffer, size_t n);

// The right half of a piece, offered to an idle thread.
template <class T>
struct SortHalf : Task {
  T* data;
  T* buffer;
  size_t n;
  SortHalf(T* d, T* b, size_t count) : data(d), buffer(b), n(count) {}
  void run() override { merge_sort(data, buffer, n); }
};

// Sorts data[0, n) stably; buffer has room for n.
template <class T>
void merge_sort(T* data, T* buffer, size_t n) {
  if (n <= kSortLeaf) {
    std::stable_sort(data, data + n);
    return;
  }
  size_t mid = n / 2;
  Scheduler& s = Scheduler::instance();
  if (s.threads() > 1 && s.someone_idle()) {
    SortHalf<T> right(data + mid, buffer + mid, n - mid);
    s.offer(&right);
    merge_sort(data, buffer, mid);
    if (s.take_back(&right))
      right.run();
    else
      s.wait(&right);
  } else {
    merge_sort(data, buffer, mid);
    merge_sort(data + mid, buffer + mid, n - mid);
  }
  // Equal elements: std::merge takes the left one first, which keeps the sort stable.
  std::merge(data, data + mid, data + mid, data + n, buffer);
  std::copy(buffer, buffer + n, data);
}

template <class T>
void sort_values(std::vector<int64_t>& bits, bool reverse) {
  std::vector<T> values(bits.size());
  std::memcpy(values.data(), bits.data(), bits.size() * sizeof(T));
  // Reversing before and after a stable sort keeps equal elements in their original order,
  // which is what reverse=True means.
  if (reverse) std::reverse(values.begin(), values.end());
  std::vector<T> buffer(values.size());
  if (Scheduler::instance().threads() > 1) Scheduler::instance().start_workers();
  merge_sort(values.data(), buffer.data(), values.size());
  if (reverse) std::reverse(values.begin(), values.end());
  std::memcpy(bits.data(), values.data(), bits.size() * sizeof(T));
}

}  // namespace

bool sort_packed(PackedKind kind, std::vector<int64_t>& bits, bool reverse) {
  if (kind == PackedKind::Int) {
    sort_values<int64_t>(bits, reverse);
    return true;
  }
  for (int64_t b : bits) {
    double d;
    std::memcpy(&d, &b, sizeof d);
    if (std::isnan(d)) return false;
  }
  sort_values<double>(bits, reverse);
  return true;
}

}  // namespace ufora
