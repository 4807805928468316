// The compile cache's parts: addresses moved out of the code, fingerprints that ignore this
// process's names but not the code, and cache files that are trusted only when intact.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "jit/address_table.h"
#include "jit/module_fingerprint.h"
#include "jit/object_cache.h"

namespace {

using namespace ufora::jit;

// A function `name` that returns the address `a` plus 8 when `c` is set, else the address `b`.
std::unique_ptr<llvm::Module> module_with(llvm::LLVMContext& context, const std::string& name, uint64_t a, uint64_t b) {
  auto m = std::make_unique<llvm::Module>("test_" + name, context);
  llvm::IRBuilder<> ir(context);
  auto* ptr = ir.getPtrTy();
  auto* f = llvm::Function::Create(llvm::FunctionType::get(ptr, {ir.getInt1Ty()}, false), llvm::Function::ExternalLinkage, name, *m);
  auto* entry = llvm::BasicBlock::Create(context, "entry", f);
  auto* yes = llvm::BasicBlock::Create(context, "yes", f);
  auto* join = llvm::BasicBlock::Create(context, "join", f);
  ir.SetInsertPoint(entry);
  ir.CreateCondBr(f->getArg(0), yes, join);
  ir.SetInsertPoint(yes);
  ir.CreateBr(join);
  ir.SetInsertPoint(join);
  auto* phi = ir.CreatePHI(ptr, 2);
  // A constant expression around one address, and a phi operand: both must be rewritten.
  auto* pa = llvm::ConstantExpr::getIntToPtr(ir.getInt64(a), ptr);
  phi->addIncoming(ir.CreateConstGEP1_64(ir.getInt8Ty(), pa, 8), yes);
  phi->addIncoming(llvm::ConstantExpr::getIntToPtr(ir.getInt64(b), ptr), entry);
  ir.CreateRet(phi);
  return m;
}

bool has_inttoptr(const llvm::Constant* c) {
  auto* e = llvm::dyn_cast<llvm::ConstantExpr>(c);
  if (!e) return false;
  if (e->getOpcode() == llvm::Instruction::IntToPtr) return true;
  for (const llvm::Use& op : e->operands())
    if (has_inttoptr(llvm::cast<llvm::Constant>(op.get()))) return true;
  return false;
}

bool has_inttoptr_constant(const llvm::Module& m) {
  for (const llvm::Function& f : m)
    for (const llvm::BasicBlock& block : f)
      for (const llvm::Instruction& inst : block)
        for (const llvm::Use& op : inst.operands())
          if (auto* c = llvm::dyn_cast<llvm::Constant>(op.get()); c && has_inttoptr(c)) return true;
  return false;
}

}  // namespace

TEST_CASE("addresses move into the module's table, first use first") {
  llvm::LLVMContext context;
  auto m = module_with(context, "f", 0x7000'1000, 0x5000'2000);
  std::vector<uint64_t> values = move_addresses_to_table(*m);
  REQUIRE(values == std::vector<uint64_t>{0x7000'1000, 0x5000'2000});
  CHECK_FALSE(has_inttoptr_constant(*m));
  CHECK(m->getNamedGlobal(kAddressTableSymbol) != nullptr);
  std::string errors;
  llvm::raw_string_ostream os(errors);
  CHECK_FALSE(llvm::verifyModule(*m, &os));
  size_t invariant_loads = 0;
  for (llvm::BasicBlock& block : *m->getFunction("f"))
    for (llvm::Instruction& inst : block)
      if (inst.getMetadata(llvm::LLVMContext::MD_invariant_load)) ++invariant_loads;
  CHECK(invariant_loads == 2);
}

TEST_CASE("a module without addresses gets no table") {
  llvm::LLVMContext context;
  llvm::Module m("empty", context);
  CHECK(move_addresses_to_table(m).empty());
  CHECK(m.getNamedGlobal(kAddressTableSymbol) == nullptr);
}

TEST_CASE("fingerprints ignore the process's names and addresses, not the code or the compiler") {
  llvm::LLVMContext context;
  auto fingerprint = [&](const std::string& name, uint64_t a, uint64_t b, const std::string& compiler) {
    auto m = module_with(context, name, a, b);
    move_addresses_to_table(*m);
    Fingerprint f = module_fingerprint(*m, {name}, compiler);
    CHECK(m->getFunction(name) != nullptr);  // its own names back
    CHECK(m->getName() == "test_" + name);
    return f;
  };
  Fingerprint base = fingerprint("kernel3_entry", 0x7000'1000, 0x5000'2000, "O2");
  CHECK(fingerprint("kernel7_entry", 0x7000'1000, 0x5000'2000, "O2") == base);
  CHECK(fingerprint("kernel3_entry", 0x7100'1000, 0x5100'2000, "O2") == base);
  CHECK(fingerprint("kernel3_entry", 0x7000'1000, 0x5000'2000, "O0") != base);
  // The same address twice is one slot: other code.
  CHECK(fingerprint("kernel3_entry", 0x7000'1000, 0x7000'1000, "O2") != base);
}

TEST_CASE("cache files round-trip, and a damaged or foreign one is a miss") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ufora_cache_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  setenv("UFORA_CACHE_DIR", dir.c_str(), 1);
  unsetenv("UFORA_CACHE");
  Fingerprint key{};
  key[0] = 0xab;
  CachedObject compiled{{"kernel1_entry", "part2"}, std::string("\x7f" "ELF object bytes\0more", 22)};
  {
    ObjectCache writer;
    REQUIRE(writer.on_disk());
    CHECK_FALSE(writer.find(key));
    writer.store(key, compiled);
  }
  fs::path file = dir / (hex(key) + ".uobj");
  REQUIRE(fs::exists(file));
  auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
  fs::last_write_time(file, long_ago);
  {
    ObjectCache reader;  // a later process: from the disk
    auto found = reader.find(key);
    CHECK(fs::last_write_time(file) > long_ago + std::chrono::hours(47));  // used now: pruned last
    REQUIRE(found);
    CHECK(found->entry_names == compiled.entry_names);
    CHECK(found->object == compiled.object);
  }
  SECTION("one byte changed") {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.put('!');
  }
  SECTION("cut short") { fs::resize_file(file, fs::file_size(file) - 5); }
  SECTION("under another key's name") { fs::rename(file, dir / (hex(Fingerprint{}) + ".uobj")); }
  SECTION("writable by others") {
    // Written private (0600) whatever the umask; one that others may write is not trusted.
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    fs::permissions(file, fs::perms::group_write, fs::perm_options::add);
  }
  ObjectCache reader;
  CHECK_FALSE(reader.find(key));
  fs::remove_all(dir);
  unsetenv("UFORA_CACHE_DIR");
}

TEST_CASE("UFORA_CACHE=0 and a directory others can write keep the cache off the disk") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ufora_cache_off_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  setenv("UFORA_CACHE_DIR", dir.c_str(), 1);
  setenv("UFORA_CACHE", "0", 1);
  CHECK_FALSE(ObjectCache().on_disk());
  unsetenv("UFORA_CACHE");
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::all);  // anyone may write it: anyone could plant code there
  CHECK_FALSE(ObjectCache().on_disk());
  fs::permissions(dir, fs::perms::owner_all);
  CHECK(ObjectCache().on_disk());
  CHECK((fs::status(dir).permissions() & fs::perms::all) == fs::perms::owner_all);  // left as it was
  fs::remove_all(dir);
  unsetenv("UFORA_CACHE_DIR");
}
