// The compile cache: machine code of modules compiled before, by this process or an earlier
// one, keyed by a fingerprint of the module's IR (after address_table.h took the process's
// addresses out of it) and of everything else the machine code depends on. Like CPython's
// __pycache__, it saves the second run of a script its compile time; unlike it, one directory
// serves every script: $UFORA_CACHE_DIR, else $XDG_CACHE_HOME/ufora, else ~/.cache/ufora.
// UFORA_CACHE=0 turns the disk off (identical modules in one process still share code).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ufora::jit {

using Fingerprint = std::array<uint8_t, 32>;

std::string hex(const Fingerprint& f);

// A compiled module: its object file and the names its entry points had when it was compiled
// (a later module with the same fingerprint asks for the same entries by other names).
struct CachedObject {
  std::vector<std::string> entry_names;
  std::string object;
};

class ObjectCache {
 public:
  ObjectCache();  // reads UFORA_CACHE and the directories above
  std::optional<CachedObject> find(const Fingerprint& key);
  void store(const Fingerprint& key, const CachedObject& compiled);
  bool on_disk() const { return !dir_.empty(); }

 private:
  std::optional<CachedObject> read_file(const Fingerprint& key) const;
  void write_file(const Fingerprint& key, const CachedObject& compiled);
  void prune();
  void remember(const Fingerprint& key, const CachedObject& compiled);
  std::string dir_;  // absolute; empty: no disk cache
  std::map<Fingerprint, CachedObject> memory_;
  size_t memory_bytes_ = 0;
  bool pruned_ = false;
};

}  // namespace ufora::jit
