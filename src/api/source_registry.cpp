#include "api/source_registry.h"

#include <map>
#include <mutex>
#include <vector>

namespace ufora::api {

namespace {
std::mutex g_mutex;
std::map<std::string, std::vector<std::string>>& sources() {
  static auto* m = new std::map<std::string, std::vector<std::string>>();
  return *m;
}
}  // namespace

void register_source(const std::string& file, const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::lock_guard<std::mutex> lock(g_mutex);
  sources()[file] = std::move(lines);
}

std::string source_line(const std::string& file, int line) {
  std::lock_guard<std::mutex> lock(g_mutex);
  auto it = sources().find(file);
  if (it == sources().end() || line < 1 || size_t(line) > it->second.size()) return "";
  return it->second[size_t(line) - 1];
}

}  // namespace ufora::api
