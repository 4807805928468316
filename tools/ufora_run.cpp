// ufora-run: runs a Python script with libufora, as `python3 script.py args...` would.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ufora/ufora.hpp"

namespace {

const char kHelp[] =
    "usage: ufora-run [--help] SCRIPT.py [ARGS...]\n"
    "\n"
    "Compiles SCRIPT.py (immutable-style Python) to native code with libufora and runs it.\n"
    "ARGS are available to the script as sys.argv[1:]. The exit status is CPython's: 0 on\n"
    "success, 1 for an uncaught exception or a refused program, 130 after Ctrl-C.\n"
    "\n"
    "Programs that mutate data (list.append, x[i] = v, obj.attr = v outside __init__, del,\n"
    "global, ...) are refused before they run, with the line and a hint.\n"
    "\n"
    "environment:\n"
    "  UFORA_DUMP=ast,ir,typed,llvm  print the compiler's stages to stderr\n"
    "  UFORA_DUMP_FUNCTION=NAME print the IR of that function only\n"
    "  UFORA_OPT=0|1|2          LLVM optimisation of boxed code (default 0; kernels use 2)\n"
    "  UFORA_NO_TYPED=1         never specialise numeric kernels (everything boxed)\n"
    "  UFORA_THREADS=N          number of worker threads (default: one per core; not used yet)\n";

ufora::Runtime* g_runtime = nullptr;

void on_sigint(int) {
  if (g_runtime) g_runtime->interrupt();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kHelp, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string script = argv[1];
  std::vector<std::string> args(argv + 1, argv + argc);
  ufora::Runtime runtime;
  g_runtime = &runtime;
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
  std::fflush(stdout);
  g_runtime = nullptr;
  return status;
}
