#include "jit/object_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>

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
constexpr size_t kMaxMemoryBytes = size_t(64) << 20;

// Of the key and the payload: a file renamed to another key's name is a miss too.
Fingerprint checksum(const Fingerprint& key, const std::string& payload) {
  llvm::BLAKE3 h;
  h.update(llvm::ArrayRef<uint8_t>(key.data(), key.size()));
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
  dir = fs::absolute(dir, ec);  // a host that changes directory later still uses the one checked
  if (ec) return "";
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
  if (read) remember(key, *read);
  return read;
}

void ObjectCache::remember(const Fingerprint& key, const CachedObject& compiled) {
  // Kept for modules compiled again with other addresses; a host that compiles without end
  // starts over past the bound (the disk still has them).
  if (memory_bytes_ > kMaxMemoryBytes) {
    memory_.clear();
    memory_bytes_ = 0;
  }
  auto [at, added] = memory_.try_emplace(key, compiled);
  if (!added) {  // compiled again: this copy replaces the one that would not link
    memory_bytes_ -= at->second.object.size();
    at->second = compiled;
  }
  memory_bytes_ += compiled.object.size();
}

void ObjectCache::store(const Fingerprint& key, const CachedObject& compiled) {
  remember(key, compiled);
  if (!dir_.empty()) write_file(key, compiled);
}

std::optional<CachedObject> ObjectCache::read_file(const Fingerprint& key) const {
  std::string path = (fs::path(dir_) / (hex(key) + ".uobj")).string();
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  // Only a file of ours that nobody else may have written is code we run.
  struct stat st;
  std::string s;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && !(st.st_mode & 022)) {
    s.resize(size_t(st.st_size));
    size_t got = 0;
    while (got < s.size()) {
      ssize_t n = ::read(fd, s.data() + got, s.size() - got);
      if (n <= 0) break;
      got += size_t(n);
    }
    s.resize(got);
  }
  // Used: its time moves to now, so that prune() removes the least recently used files.
  if (!s.empty()) ::futimens(fd, nullptr);
  ::close(fd);
  if (s.size() < kHeader || std::memcmp(s.data(), kMagic, sizeof kMagic) != 0 ||
      std::memcmp(s.data() + sizeof kMagic, key.data(), key.size()) != 0)
    return std::nullopt;
  std::string payload = s.substr(kHeader);
  Fingerprint sum = checksum(key, payload);
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
  Fingerprint sum = checksum(key, payload);
  // Written aside and renamed into place: a reader (another rank, another run) sees the
  // whole file or none, and a crash mid-write leaves only a temporary that prune() removes.
  static std::atomic<int> serial{0};
  fs::path final_path = fs::path(dir_) / (hex(key) + ".uobj");
  fs::path temp = fs::path(dir_) / (hex(key) + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial++));
  std::string bytes(kMagic, sizeof kMagic);
  bytes.append(reinterpret_cast<const char*>(key.data()), key.size());
  bytes.append(reinterpret_cast<const char*>(sum.data()), sum.size());
  bytes += payload;
  std::error_code ec;
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);  // private whatever the umask
  if (fd < 0) return;
  size_t put = 0;
  while (put < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + put, bytes.size() - put);
    if (n <= 0) break;
    put += size_t(n);
  }
  if (::close(fd) != 0 || put != bytes.size()) {
    fs::remove(temp, ec);
    return;  // a full or read-only disk costs the next run its compile time, nothing else
  }
  fs::rename(temp, final_path, ec);
  if (ec) fs::remove(temp, ec);
  if (!pruned_) prune();
}

// Once a process, at its first write: the least recently used files go when there are too
// many (a hit sets a file's time), and temporaries an hour old (a writer that died) with them.
void ObjectCache::prune() {
  pruned_ = true;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> objects;
  auto now = fs::file_time_type::clock::now();
  fs::directory_iterator end;
  for (fs::directory_iterator it(dir_, ec); !ec && it != end; it.increment(ec)) {  // never throws
    const fs::directory_entry& e = *it;
    std::error_code stat_ec;
    fs::file_time_type written = e.last_write_time(stat_ec);
    if (stat_ec) continue;
    std::string name = e.path().filename().string();
    if (name.find(".tmp.") != std::string::npos && now - written > std::chrono::hours(1)) fs::remove(e.path(), stat_ec);
    if (e.path().extension() == ".uobj") objects.emplace_back(written, e.path());
  }
  if (objects.size() <= kMaxFiles) return;
  std::sort(objects.begin(), objects.end());
  for (size_t i = 0; i < objects.size() - kMaxFiles * 3 / 4; ++i) fs::remove(objects[i].second, ec);
}

}  // namespace ufora::jit
