// ufora-run: runs a Python script with libufora, as `python3 script.py args...` would.
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ufora/ufora.hpp"

namespace {

const char kHelp[] =
    "usage: ufora-run [--help] [--stats] [--progress] [--threads N] SCRIPT.py [ARGS...]\n"
    "\n"
    "Compiles SCRIPT.py (immutable-style Python) to native code with libufora and runs it.\n"
    "ARGS are available to the script as sys.argv[1:]. The exit status is CPython's: 0 on\n"
    "success, 1 for an uncaught exception or a refused program, 130 after Ctrl-C.\n"
    "\n"
    "Numeric code runs in parallel on every core where the compiler finds independent work;\n"
    "the answer is the same for any number of threads.\n"
    "  --stats        at exit, print to stderr the tasks split off, stolen, and busy time per thread\n"
    "  --progress     while running, show a live line on stderr (only when it is a terminal)\n"
    "  --threads N    threads for parallel work (default: UFORA_THREADS, else one per core)\n"
    "\n"
    "Programs that mutate data (list.append, x[i] = v, obj.attr = v outside __init__, del,\n"
    "global, ...) are refused before they run, with the line and a hint.\n"
    "\n"
    "environment:\n"
    "  UFORA_DUMP=ast,ir,typed,llvm,parallel  print the compiler's stages to stderr\n"
    "                           (parallel: what runs sequentially, where and why)\n"
    "  UFORA_DUMP_FUNCTION=NAME print the IR of that function only\n"
    "  UFORA_OPT=0|1|2          LLVM optimisation of boxed code (default 0; kernels use 2)\n"
    "  UFORA_NO_TYPED=1         never specialise numeric kernels (everything boxed)\n"
    "  UFORA_THREADS=N          threads for parallel work, including the main one (default: one per core)\n"
    "  UFORA_SPLIT_ALWAYS=1     split parallel work at every opportunity (a stress test; same answers)\n"
    "  UFORA_CACHE_DIR=DIR      the compile cache: machine code kept for the next run\n"
    "                           (default: $XDG_CACHE_HOME/ufora, else ~/.cache/ufora)\n"
    "  UFORA_CACHE=0            neither read nor write the compile cache\n"
    "  UFORA_PERF_MAP=1         write /tmp/perf-PID.map so that `perf report` names compiled code\n";

ufora::Runtime* g_runtime = nullptr;

void on_sigint(int) {
  if (g_runtime) g_runtime->interrupt();
}

}  // namespace

// Redraws a status line on stderr every quarter second while the script runs.
class ProgressLine {
 public:
  explicit ProgressLine(const ufora::Runtime& rt) : thread_([this, &rt] {
      std::unique_lock<std::mutex> hold(lock_);
      while (!stop_.wait_for(hold, std::chrono::milliseconds(250), [this] { return stopping_; })) {
        std::fprintf(stderr, "\r%s\033[K", rt.progress_line().c_str());
        std::fflush(stderr);
      }
      std::fputs("\r\033[K", stderr);
    }) {}
  ~ProgressLine() {
    {
      std::lock_guard<std::mutex> hold(lock_);
      stopping_ = true;
    }
    stop_.notify_one();
    thread_.join();
  }

 private:
  std::mutex lock_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

int main(int argc, char** argv) {
  bool stats = false, progress = false;
  ufora::Options options;
  int first = 1;
  for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; ++first) {
    if (std::strcmp(argv[first], "--help") == 0) {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (std::strcmp(argv[first], "--stats") == 0) {
      stats = true;
    } else if (std::strcmp(argv[first], "--progress") == 0) {
      progress = true;
    } else if (std::strcmp(argv[first], "--threads") == 0 && first + 1 < argc && std::atoi(argv[first + 1]) > 0) {
      options.threads = std::atoi(argv[++first]);
      setenv("UFORA_THREADS", argv[first], 1);  // the flag wins over the environment
    } else {
      std::fprintf(stderr, "ufora-run: unknown option %s\n\n%s", argv[first], kHelp);
      return 2;
    }
  }
  if (first >= argc || std::strcmp(argv[first], "-h") == 0) {
    std::fputs(kHelp, first >= argc ? stderr : stdout);
    return first >= argc ? 2 : 0;
  }
  std::string script = argv[first];
  std::vector<std::string> args(argv + first, argv + argc);
  ufora::Runtime runtime(options);
  g_runtime = &runtime;
  std::unique_ptr<ProgressLine> live;
  if (progress && isatty(STDERR_FILENO)) live = std::make_unique<ProgressLine>(runtime);
  std::signal(SIGINT, on_sigint);
  runtime.set_argv(args);
  int status = 0;
  try {
    runtime.load_file(script);
  } catch (const ufora::CompileError& e) {
    std::fflush(stdout);
    std::fputs(e.report().c_str(), stderr);
    status = 1;
  } catch (const ufora::PythonError& e) {
    std::fflush(stdout);
    std::fputs(e.traceback().c_str(), stderr);
    status = e.type_name() == "KeyboardInterrupt" ? 130 : 1;
  } catch (const ufora::Error& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "ufora-run: %s\n", e.what());
    status = 1;
  }
  live.reset();
  std::fflush(stdout);
  if (stats) std::fputs(runtime.parallel_stats().c_str(), stderr);
  g_runtime = nullptr;
  return status;
}
