#include "runtime/stack_pool.h"

#include <sys/mman.h>
#include <unistd.h>

#include <new>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

namespace ufora {

namespace {

size_t page_size() {
  static const size_t page = size_t(sysconf(_SC_PAGESIZE));
  return page;
}

}  // namespace

StackPool::StackPool(size_t usable, size_t keep) : usable_((usable + page_size() - 1) / page_size() * page_size()), keep_(keep) {}

boost::context::stack_context StackPool::take() {
  {
    std::lock_guard<std::mutex> hold(lock_);
    if (!idle_.empty()) {
      boost::context::stack_context sc = idle_.back();
      idle_.pop_back();
      return sc;
    }
  }
  size_t total = usable_ + page_size();
  void* base = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (base == MAP_FAILED) throw std::bad_alloc();
  mprotect(base, page_size(), PROT_NONE);  // the guard page: stacks grow down into it
  boost::context::stack_context sc;
  sc.sp = static_cast<char*>(base) + total;
  sc.size = total;
  return sc;
}

void StackPool::give(boost::context::stack_context& sc) noexcept {
#if defined(__SANITIZE_ADDRESS__)
  // A fiber that ended may leave frames' redzones marked; the next one starts clean.
  ASAN_UNPOISON_MEMORY_REGION(static_cast<char*>(sc.sp) - usable_, usable_);
#endif
  {
    std::lock_guard<std::mutex> hold(lock_);
    if (idle_.size() < keep_) {
      idle_.push_back(sc);
      return;
    }
  }
  munmap(static_cast<char*>(sc.sp) - sc.size, sc.size);
}

StackPool& task_stacks() {
  static StackPool* pool = new StackPool(size_t(8) << 20, 64);  // lives as long as the process: workers outlive statics
  return *pool;
}

StackPool& generator_stacks() {
  static StackPool* pool = new StackPool(size_t(2) << 20, 16);
  return *pool;
}

boost::context::stack_context PooledStack::allocate() {
  boost::context::stack_context sc = pool->take();
  if (extent) {
    // What the program may use: the guard page is not part of it.
    extent->bottom = static_cast<char*>(sc.sp) - pool->usable_size();
    extent->size = pool->usable_size();
  }
  return sc;
}

void PooledStack::deallocate(boost::context::stack_context& sc) noexcept { pool->give(sc); }

}  // namespace ufora
