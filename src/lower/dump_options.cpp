#include "lower/dump_options.h"

#include <cstdlib>
#include <string>

namespace ufora {

bool dump_enabled(const char* stage) {
  const char* d = std::getenv("UFORA_DUMP");
  if (!d) return false;
  std::string all(d);
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find(',', start);
    if (end == std::string::npos) end = all.size();
    if (all.compare(start, end - start, stage) == 0 || all.compare(start, end - start, "all") == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace ufora
