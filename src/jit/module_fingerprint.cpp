#include "jit/module_fingerprint.h"

#include <map>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/Support/BLAKE3.h>
#pragma GCC diagnostic pop

namespace ufora::jit {

Fingerprint module_fingerprint(llvm::Module& m, const std::vector<std::string>& entries, const std::string& compiler) {
  // Function names carry this process's counters (kernel3_entry, part7): the text hashed names
  // them by position instead, and the module gets its own names back afterwards.
  std::map<std::string, std::string> canonical;
  std::vector<std::pair<llvm::Function*, std::string>> renamed;
  size_t position = 0;
  for (llvm::Function& f : m) {
    if (f.isDeclaration()) continue;
    std::string own = f.getName().str();
    canonical[own] = "ufora.canonical." + std::to_string(position++);  // a prefix no generated name uses
    renamed.emplace_back(&f, own);
  }
  for (auto& [f, own] : renamed) f->setName(canonical[own]);
  std::string id = m.getModuleIdentifier(), source = m.getSourceFileName();
  m.setModuleIdentifier("ufora");
  m.setSourceFileName("ufora");
  // Bitcode, not text: the same for the same module, and written ten times faster (the
  // text printer tracks columns character by character).
  llvm::SmallVector<char, 0> text;
  llvm::raw_svector_ostream os(text);
  llvm::WriteBitcodeToFile(m, os);
  m.setModuleIdentifier(id);
  m.setSourceFileName(source);
  for (auto& [f, own] : renamed) f->setName(own);

  llvm::BLAKE3 h;
  h.update(compiler);
  h.update(llvm::StringRef("\0", 1));
  for (const std::string& e : entries) {
    auto found = canonical.find(e);
    h.update(found == canonical.end() ? "?" + e : found->second);
    h.update(llvm::StringRef("\0", 1));
  }
  h.update(llvm::StringRef(text.data(), text.size()));
  return h.final();
}

}  // namespace ufora::jit
