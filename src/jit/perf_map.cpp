#include "jit/perf_map.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <llvm/ExecutionEngine/JITLink/JITLink.h>
#include <llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h>
#pragma GCC diagnostic pop

namespace ufora::jit {

namespace {

// With function sections (perf_map_wanted() turns them on) each function is a section of its
// own, ".text.<name>" or ".ltext.<name>": the only way to see internal functions, whose names JITLink drops.
class PerfMapWriter : public llvm::orc::ObjectLinkingLayer::Plugin {
 public:
  explicit PerfMapWriter(std::FILE* out) : out_(out) {}

  void modifyPassConfig(llvm::orc::MaterializationResponsibility&, llvm::jitlink::LinkGraph&,
                        llvm::jitlink::PassConfiguration& config) override {
    config.PostFixupPasses.push_back([this](llvm::jitlink::LinkGraph& g) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (llvm::jitlink::Section& section : g.sections()) {
        llvm::StringRef name = section.getName();
        if (!name.consume_front(".text.") && !name.consume_front(".ltext.")) continue;  // .ltext: the large code model
        for (llvm::jitlink::Block* b : section.blocks())
          std::fprintf(out_, "%llx %llx %s\n", static_cast<unsigned long long>(b->getAddress().getValue()),
                       static_cast<unsigned long long>(b->getSize()), name.str().c_str());
      }
      std::fflush(out_);
      return llvm::Error::success();
    });
  }
  llvm::Error notifyFailed(llvm::orc::MaterializationResponsibility&) override { return llvm::Error::success(); }
  llvm::Error notifyRemovingResources(llvm::orc::JITDylib&, llvm::orc::ResourceKey) override { return llvm::Error::success(); }
  void notifyTransferringResources(llvm::orc::JITDylib&, llvm::orc::ResourceKey, llvm::orc::ResourceKey) override {}

 private:
  std::FILE* out_;
  std::mutex mutex_;
};

}  // namespace

bool perf_map_wanted() {
  const char* on = std::getenv("UFORA_PERF_MAP");
  return on && std::strcmp(on, "1") == 0;
}

void attach_perf_map(llvm::orc::LLJIT& jit) {
  if (!perf_map_wanted()) return;
  auto* layer = llvm::dyn_cast<llvm::orc::ObjectLinkingLayer>(&jit.getObjLinkingLayer());
  if (!layer) throw std::runtime_error("UFORA_PERF_MAP=1: this LLVM links JIT code with RuntimeDyld, which has no hook for it");
  std::string path = "/tmp/perf-" + std::to_string(::getpid()) + ".map";
  std::FILE* out = std::fopen(path.c_str(), "w");  // open until exit: code is linked until then
  if (!out) throw std::runtime_error("UFORA_PERF_MAP=1: cannot write " + path);
  layer->addPlugin(std::make_unique<PerfMapWriter>(out));
}

}  // namespace ufora::jit
