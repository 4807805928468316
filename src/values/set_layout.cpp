#include "values/set_layout.h"

#include <vector>

#include "values/dict_table.h"

namespace ufora {

namespace {

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// CPython's probe sequence from `hash`: calls visit(slot) on each slot it looks at, in
// order, until visit returns true; returns that slot.
template <class Visit>
size_t probe(size_t mask, int64_t hash, Visit visit) {
  size_t perturb = size_t(uint64_t(hash));
  size_t i = size_t(uint64_t(hash)) & mask;
  for (;;) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i; j <= i + probes; ++j)
      if (visit(j)) return j;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void insert_clean(std::vector<int32_t>& table, int32_t entry, int64_t hash) {
  size_t slot = probe(table.size() - 1, hash, [&](size_t j) { return table[j] == kLayoutEmpty; });
  table[slot] = entry;
}

}  // namespace

void layout_init(DictObj* s) {
  s->layout.assign(size_t(kSetMinSize), kLayoutEmpty);
  s->layout_fill = s->layout_used = 0;
}

void layout_add(DictObj* s, int32_t entry, int64_t hash) {
  size_t mask = s->layout.size() - 1;
  // The first empty slot of the sequence, unless dummies came before it: then the last of
  // those (CPython keeps overwriting its free slot as it passes them).
  int64_t dummy = -1;
  size_t slot = probe(mask, hash, [&](size_t j) {
    if (s->layout[j] == kLayoutDummy) dummy = int64_t(j);
    return s->layout[j] == kLayoutEmpty;
  });
  ++s->layout_used;
  if (dummy >= 0) {
    s->layout[size_t(dummy)] = entry;
    return;
  }
  s->layout[slot] = entry;
  ++s->layout_fill;
  if (s->layout_fill * 5 >= int64_t(mask) * 3) layout_resize(s, s->layout_used > 50000 ? s->layout_used * 2 : s->layout_used * 4);
}

void layout_resize(DictObj* s, int64_t minused) {
  size_t size = size_t(kSetMinSize);
  while (int64_t(size) <= minused) size <<= 1;
  std::vector<int32_t> old = std::move(s->layout);
  s->layout.assign(size, kLayoutEmpty);
  for (int32_t e : old)
    if (e >= 0) insert_clean(s->layout, e, s->entries[size_t(e)].hash);
  s->layout_fill = s->layout_used;
}

void layout_discard(DictObj* s, int32_t entry) {
  size_t slot = probe(s->layout.size() - 1, s->entries[size_t(entry)].hash, [&](size_t j) { return s->layout[j] == entry; });
  s->layout[slot] = kLayoutDummy;
  --s->layout_used;
  decref(s->entries[size_t(entry)].key);
  s->entries[size_t(entry)].key = nullptr;  // dict_find skips it
}

void layout_copy_into_empty(DictObj* s, const DictObj* other) {
  if (other->layout_used == 0) return;
  if ((s->layout_fill + other->layout_used) * 5 >= int64_t(s->layout.size() - 1) * 3)
    layout_resize(s, (s->layout_used + other->layout_used) * 2);
  bool same_slots = s->layout.size() == other->layout.size() && other->layout_fill == other->layout_used;
  for (size_t j = 0; j < other->layout.size(); ++j) {
    int32_t e = other->layout[j];
    if (e < 0) continue;
    const DictEntry& src = other->entries[size_t(e)];
    incref(src.key);
    s->entries.push_back({src.key, nullptr, src.hash});
    auto mine = int32_t(s->entries.size() - 1);
    if (same_slots)
      s->layout[j] = mine;
    else
      insert_clean(s->layout, mine, src.hash);
  }
  s->layout_fill = s->layout_used = other->layout_used;
  dict_reindex(s);
}

void set_in_slot_order(DictObj* s) {
  std::vector<DictEntry> ordered;
  ordered.reserve(size_t(s->layout_used));
  for (int32_t& e : s->layout) {
    if (e < 0) continue;
    ordered.push_back(s->entries[size_t(e)]);
    e = int32_t(ordered.size() - 1);
  }
  s->entries = std::move(ordered);  // removed entries' keys were released already
  dict_reindex(s);
}

int64_t tuple_hash_of(const int64_t* item_hashes, size_t n) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < n; ++i) {
    acc += uint64_t(item_hashes[i]) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(n) ^ (kPrime5 ^ 3527539ull);
  return acc == ~uint64_t(0) ? 1546275796 : int64_t(acc);
}

int64_t frozenset_hash_of(const DictObj* s) {
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
  uint64_t hash = 0;
  size_t count = 0;
  for (const DictEntry& e : s->entries)
    if (e.key) {
      hash ^= shuffle(uint64_t(e.hash));
      ++count;
    }
  hash ^= (uint64_t(count) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  return hash == ~uint64_t(0) ? 590923713 : int64_t(hash);
}

}  // namespace ufora
