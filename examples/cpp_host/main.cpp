// A C++ analytics host: the statistics live in analysis.py, next to the binary, so analysts
// change them without rebuilding the host. Usage: cpp_host [path/to/analysis.py]
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <vector>

#include <ufora/ufora.hpp>

namespace {

// Deterministic readings, so the printed statistics can be checked: integer arithmetic and one
// exact division, reproducible bit for bit in any language.
std::vector<double> readings(size_t n) {
  std::vector<double> xs;
  uint64_t seed = 2024;
  for (size_t i = 0; i < n; ++i) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    xs.push_back(15.0 + double(seed % 2000) / 100.0);
  }
  return xs;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  fs::path script = argc > 1 ? fs::path(argv[1]) : fs::path(argv[0]).parent_path() / "analysis.py";
  std::vector<double> xs = readings(1000);
  try {
    ufora::Runtime runtime;
    ufora::Module analysis = runtime.load_file(script.string());
    ufora::Value s = analysis.call("summary", {std::span<const double>(xs)});
    std::printf("n=%lld mean=%.6f stdev=%.6f min=%.2f max=%.2f median=%.3f\n", (long long)s[0].as_int(),
                s[1].as_double(), s[2].as_double(), s[3].as_double(), s[4].as_double(), s[5].as_double());

    // Judging the data is the script's job: it raises, and the host reports what and where.
    try {
      analysis.call("summary", {std::span<const double>(xs).first(1)});
    } catch (const ufora::PythonError& e) {
      const ufora::Frame& where = e.frames().back();
      std::printf("refused: %s: %s (%s, line %d)\n", e.type_name().c_str(), e.message().c_str(),
                  fs::path(where.file).filename().c_str(), where.line);
    }
  } catch (const ufora::CompileError& e) {  // analysis.py was edited into something invalid
    std::fputs(e.report().c_str(), stderr);
    return 1;
  } catch (const ufora::PythonError& e) {
    std::fputs(e.traceback().c_str(), stderr);
    return 1;
  } catch (const ufora::Error& e) {
    std::fprintf(stderr, "cpp_host: %s\n", e.what());
    return 1;
  }
  return 0;
}
