#include "jit/object_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "jit/llvm_headers.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <llvm/Support/BLAKE3.h>
#pragma GCC diagnostic pop

namespace ufora::jit {

namespace fs = std::filesystem;

namespace {

// A file: magic, key, BLAKE3 of the payload, payload (entry names, object). The checksum
// turns a file damaged on disk into a miss instead of machine code that crashes.
constexpr char kMagic[8] = {'U', 'F', 'O', 'R', 'A', 'O', 'B', '1'};
constexpr size_t kHeader = sizeof kMagic + 2 * sizeof(Fingerprint);
// Files kept: a module's object is a few KiB to a few hundred, so this bounds the directory
// to tens of MiB; past it the oldest quarter goes.
constexpr size_t kMaxFiles = 4000;

Fingerprint checksum(const std::string& payload) {
  llvm::BLAKE3 h;
  h.update(payload);
  return h.final();
}

void put_u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

bool get_u64(const std::string& in, size_t& at, uint64_t& v) {
  if (in.size() - at < sizeof v) return false;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return true;
}

// The directory, made private to this user if missing; "" when there is none we may trust
// (machine code is loaded from it, so one that others can write is not used).
std::string cache_directory() {
  const char* off = std::getenv("UFORA_CACHE");
  if (off && std::strcmp(off, "0") == 0) return "";
  fs::path dir;
  if (const char* d = std::getenv("UFORA_CACHE_DIR"); d && *d) {
    dir = d;
  } else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) {
    dir = fs::path(x) / "ufora";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = fs::path(home) / ".cache" / "ufora";
  } else {
    return "";
  }
  std::error_code ec;
  if (fs::create_directories(dir, ec)) ::chmod(dir.c_str(), 0700);  // one we made is private
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 022)) return "";
  return dir.string();
}

}  // namespace

std::string hex(const Fingerprint& f) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (uint8_t b : f) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

ObjectCache::ObjectCache() : dir_(cache_directory()) {}

std::optional<CachedObject> ObjectCache::find(const Fingerprint& key) {
  auto found = memory_.find(key);
  if (found != memory_.end()) return found->second;
  if (dir_.empty()) return std::nullopt;
  std::optional<CachedObject> read = read_file(key);
  if (read) memory_.emplace(key, *read);
  return read;
}

void ObjectCache::store(const Fingerprint& key, const CachedObject& compiled) {
  memory_.emplace(key, compiled);
  if (!dir_.empty()) write_file(key, compiled);
}

std::optional<CachedObject> ObjectCache::read_file(const Fingerprint& key) const {
  std::ifstream in(fs::path(dir_) / (hex(key) + ".uobj"), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream all;
  all << in.rdbuf();
  std::string s = all.str();
  if (s.size() < kHeader || std::memcmp(s.data(), kMagic, sizeof kMagic) != 0 ||
      std::memcmp(s.data() + sizeof kMagic, key.data(), key.size()) != 0)
    return std::nullopt;
  std::string payload = s.substr(kHeader);
  Fingerprint sum = checksum(payload);
  if (std::memcmp(s.data() + sizeof kMagic + key.size(), sum.data(), sum.size()) != 0) return std::nullopt;
  CachedObject out;
  size_t at = 0;
  uint64_t n = 0, len = 0;
  if (!get_u64(payload, at, n)) return std::nullopt;
  for (uint64_t i = 0; i < n; ++i) {
    if (!get_u64(payload, at, len) || payload.size() - at < len) return std::nullopt;
    out.entry_names.push_back(payload.substr(at, len));
    at += len;
  }
  if (!get_u64(payload, at, len) || payload.size() - at != len) return std::nullopt;
  out.object = payload.substr(at);
  return out;
}

void ObjectCache::write_file(const Fingerprint& key, const CachedObject& compiled) {
  std::string payload;
  put_u64(payload, compiled.entry_names.size());
  for (const std::string& name : compiled.entry_names) {
    put_u64(payload, name.size());
    payload += name;
  }
  put_u64(payload, compiled.object.size());
  payload += compiled.object;
  Fingerprint sum = checksum(payload);
  // Written aside and renamed into place: a reader (another rank, another run) sees the
  // whole file or none, and a crash mid-write leaves only a temporary that prune() removes.
  static std::atomic<int> serial{0};
  fs::path final_path = fs::path(dir_) / (hex(key) + ".uobj");
  fs::path temp = fs::path(dir_) / (hex(key) + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial++));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(kMagic, sizeof kMagic);
    out.write(reinterpret_cast<const char*>(key.data()), std::streamsize(key.size()));
    out.write(reinterpret_cast<const char*>(sum.data()), std::streamsize(sum.size()));
    out.write(payload.data(), std::streamsize(payload.size()));
    if (!out.flush()) {
      std::error_code ec;
      fs::remove(temp, ec);
      return;  // a full or read-only disk costs the next run its compile time, nothing else
    }
  }
  std::error_code ec;
  fs::rename(temp, final_path, ec);
  if (ec) fs::remove(temp, ec);
  if (!pruned_) prune();
}

// Once a process, at its first write: the oldest files go when there are too many, and
// temporaries an hour old (a writer that died) with them.
void ObjectCache::prune() {
  pruned_ = true;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> objects;
  auto now = fs::file_time_type::clock::now();
  for (const fs::directory_entry& e : fs::directory_iterator(dir_, ec)) {
    fs::file_time_type written = e.last_write_time(ec);
    if (ec) continue;
    std::string name = e.path().filename().string();
    if (name.find(".tmp.") != std::string::npos && now - written > std::chrono::hours(1)) fs::remove(e.path(), ec);
    if (e.path().extension() == ".uobj") objects.emplace_back(written, e.path());
  }
  if (objects.size() <= kMaxFiles) return;
  std::sort(objects.begin(), objects.end());
  for (size_t i = 0; i < objects.size() - kMaxFiles * 3 / 4; ++i) fs::remove(objects[i].second, ec);
}

}  // namespace ufora::jit
