#include "values/dict_table.h"

#include "values/set_layout.h"

namespace ufora {

namespace {

// FNV-1a over the bytes, folded so that -1 (CPython's "error" hash) never appears.
int64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  auto r = int64_t(h >> 1);
  return r == -1 ? -2 : r;
}

void rebuild_index(DictObj* d, size_t capacity) {
  d->index.assign(capacity, -1);
  size_t mask = capacity - 1;
  for (size_t i = 0; i < d->entries.size(); ++i) {
    size_t slot = size_t(d->entries[i].hash) & mask;
    while (d->index[slot] != -1) slot = (slot + 1) & mask;
    d->index[slot] = int32_t(i);
  }
}

int str_eq(Obj* a, Obj* b) { return str_of(a) == str_of(b) ? 1 : 0; }

}  // namespace

int64_t str_hash(const StrObj* s) {
  if (s->hash == -1) s->hash = hash_bytes(s->s);
  return s->hash;
}

Obj* new_dict() { return new DictObj(Tag::Dict); }
Obj* new_set(Tag tag) {
  auto* s = new DictObj(tag);
  layout_init(s);
  return s;
}

void dict_reindex(DictObj* d) {
  size_t cap = 8;
  while (cap < 2 * d->entries.size()) cap *= 2;
  rebuild_index(d, cap * 2);
}

int64_t dict_find(const DictObj* d, Obj* key, int64_t hash, KeyEq eq) {
  if (d->index.empty()) return -1;
  size_t mask = d->index.size() - 1;
  for (size_t slot = size_t(hash) & mask;; slot = (slot + 1) & mask) {
    int32_t i = d->index[slot];
    if (i == -1) return -1;
    const DictEntry& e = d->entries[size_t(i)];
    if (e.hash != hash || !e.key) continue;  // a null key: removed from a set being built
    if (e.key == key) return i;
    int r = eq(e.key, key);
    if (r < 0) return -2;
    if (r) return i;
  }
}

bool dict_insert(DictObj* d, Obj* key, Obj* value, int64_t hash, KeyEq eq) {
  int64_t i = dict_find(d, key, hash, eq);
  if (i == -2) return false;
  if (value) incref(value);
  if (i >= 0) {
    xdecref(d->entries[size_t(i)].value);
    d->entries[size_t(i)].value = value;
    return true;
  }
  incref(key);
  d->entries.push_back({key, value, hash});
  if (d->tag != Tag::Dict) layout_add(d, int32_t(d->entries.size() - 1), hash);
  // Keep the load factor at most 1/2 so probe sequences stay short.
  if (d->index.size() < 2 * d->entries.size()) {
    size_t cap = 8;
    while (cap < 2 * d->entries.size()) cap *= 2;
    rebuild_index(d, cap * 2);
  } else {
    size_t mask = d->index.size() - 1;
    size_t slot = size_t(hash) & mask;
    while (d->index[slot] != -1) slot = (slot + 1) & mask;
    d->index[slot] = int32_t(d->entries.size() - 1);
  }
  return true;
}

Obj* dict_find_str(const DictObj* d, std::string_view key) {
  // Attribute dicts are small: a linear scan beats hashing the name.
  if (d->entries.size() <= 8) {
    for (const auto& e : d->entries)
      if (e.key->tag == Tag::Str && str_of(e.key) == key) return e.value;
    return nullptr;
  }
  StrObj probe{std::string(key)};
  int64_t i = dict_find(d, &probe, str_hash(&probe), str_eq);
  return i >= 0 ? d->entries[size_t(i)].value : nullptr;
}

void dict_insert_str(DictObj* d, std::string_view key, Obj* value) {
  auto* k = static_cast<StrObj*>(new_str(std::string(key)));
  dict_insert(d, k, value, str_hash(k), str_eq);
  decref(k);
}

}  // namespace ufora
