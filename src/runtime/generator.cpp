#include "runtime/generator.h"

#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>

#include "values/exception_state.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace ufora {

namespace ctx = boost::context;

namespace {

// AddressSanitizer must be told about every stack switch, or it mistakes the fiber's stack
// for an overflow of the thread's (Boost's fcontext fibers do not tell it themselves).
// `start_switch` right before a switch to the stack [bottom, bottom + size); `finish_switch`
// right after landing, which reports the stack that was left.
void start_switch([[maybe_unused]] void** fake_stack, [[maybe_unused]] const void* bottom, [[maybe_unused]] size_t size) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(fake_stack, bottom, size);
#endif
}
void finish_switch([[maybe_unused]] void* fake_stack, [[maybe_unused]] const void** left_bottom, [[maybe_unused]] size_t* left_size) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(fake_stack, left_bottom, left_size);
#endif
}

// ThreadSanitizer likewise keeps a context per fiber.
void* tsan_new_fiber() {
#if defined(__SANITIZE_THREAD__)
  return __tsan_create_fiber(0);
#else
  return nullptr;
#endif
}
void* tsan_current_fiber() {
#if defined(__SANITIZE_THREAD__)
  return __tsan_get_current_fiber();
#else
  return nullptr;
#endif
}
void tsan_switch_to([[maybe_unused]] void* fiber) {
#if defined(__SANITIZE_THREAD__)
  __tsan_switch_to_fiber(fiber, 0);
#endif
}
void tsan_destroy([[maybe_unused]] void* fiber) {
#if defined(__SANITIZE_THREAD__)
  if (fiber) __tsan_destroy_fiber(fiber);
#endif
}

}  // namespace

struct GeneratorState {
  ctx::fiber fiber;    // the generator's own stack while it is suspended
  ctx::fiber caller;   // whoever resumed it, while it runs
  Obj* transfer = nullptr;  // the yielded value, owned until handed out
  Obj* result = nullptr;    // the body's return value (nullptr: it raised)
  bool started = false;
  bool finished = false;
  bool running = false;
  bool closing = false;
  // Both stacks' extents, for the sanitizer annotations above.
  const void* stack_bottom = nullptr;
  size_t stack_size = 0;
  const void* caller_bottom = nullptr;
  size_t caller_size = 0;
  void* fake_stack = nullptr;
  void* tsan_fiber = nullptr;   // the generator's ThreadSanitizer context
  void* tsan_caller = nullptr;  // the resumer's
};

namespace {

// Generators may recurse deeply inside; the guard page turns an overflow into a clean fault
// instead of silent corruption, and untouched stack pages are never committed.
constexpr size_t kGeneratorStack = 2 * 1024 * 1024;

thread_local GeneratorObj* g_current = nullptr;

// Boost's guarded stack allocator, noting where the stack lies.
struct RecordingStack {
  ctx::protected_fixedsize_stack inner{kGeneratorStack};
  GeneratorState* state;
  ctx::stack_context allocate() {
    ctx::stack_context sc = inner.allocate();
    state->stack_bottom = static_cast<char*>(sc.sp) - sc.size;
    state->stack_size = sc.size;
    return sc;
  }
  void deallocate(ctx::stack_context& sc) noexcept { inner.deallocate(sc); }
};

void start_fiber(GeneratorObj* g) {
  GeneratorState* st = g->state;
  st->fiber = ctx::fiber(std::allocator_arg, RecordingStack{{kGeneratorStack}, st},
                         [g](ctx::fiber&& caller) {
                           GeneratorState* s = g->state;
                           finish_switch(nullptr, &s->caller_bottom, &s->caller_size);
                           s->caller = std::move(caller);
                           s->result = g->func->code->entry(g->args.data(), g->func->cells.data());
                           s->finished = true;
                           start_switch(nullptr, s->caller_bottom, s->caller_size);  // this stack ends
                           tsan_switch_to(s->tsan_caller);
                           return std::move(s->caller);
                         });
  st->started = true;
}

// Runs the generator until its next yield or its end.
void resume(GeneratorObj* g) {
  GeneratorState* st = g->state;
  GeneratorObj* outer = g_current;
  g_current = g;
  st->running = true;
  void* fake = nullptr;
  if (!st->tsan_fiber) st->tsan_fiber = tsan_new_fiber();
  st->tsan_caller = tsan_current_fiber();
  tsan_switch_to(st->tsan_fiber);
  start_switch(&fake, st->stack_bottom, st->stack_size);
  st->fiber = std::move(st->fiber).resume();
  finish_switch(fake, nullptr, nullptr);
  st->running = false;
  g_current = outer;
}

}  // namespace

GeneratorObj::GeneratorObj(FunctionObj* f, std::vector<Obj*> a)
    : Obj(Tag::Generator), func(static_cast<FunctionObj*>(newref(f))), args(std::move(a)), state(new GeneratorState()) {}

GeneratorObj::~GeneratorObj() {
  if (state->started && !state->finished) {
    // Close it: the pending yield returns with GeneratorExit, so `finally` blocks run and
    // the body's references are released before the fiber's stack goes away.
    Obj* saved = take_error();
    state->closing = true;
    resume(this);
    xdecref(state->transfer);
    state->transfer = nullptr;
    clear_error();
    if (saved) raise_object(saved);
  }
  xdecref(state->result);
  tsan_destroy(state->tsan_fiber);
  delete state;
  for (Obj* a : args) decref(a);
  decref(func);
}

Obj* new_generator(FunctionObj* f, std::vector<Obj*> args) { return new GeneratorObj(f, std::move(args)); }

Obj* generator_next(GeneratorObj* g) {
  GeneratorState* st = g->state;
  if (st->finished) return nullptr;
  if (st->running) return raise_error(ExcKind::ValueError, "generator already executing");
  if (!st->started) start_fiber(g);
  resume(g);
  if (!st->finished) {
    Obj* v = st->transfer;
    st->transfer = nullptr;
    return v;
  }
  // The body ended: by return (exhausted) or by raising.
  st->fiber = ctx::fiber();
  if (!st->result) {
    if (error_matches(ExcKind::StopIteration)) {
      clear_error();
      return raise_error(ExcKind::RuntimeError, "generator raised StopIteration");
    }
    return nullptr;
  }
  return nullptr;
}

Obj* generator_return_value(Obj* it) {
  if (it->tag != Tag::Generator) return new_none();
  GeneratorState* st = static_cast<GeneratorObj*>(it)->state;
  return newref(st->finished && st->result ? st->result : none());
}

Obj* generator_yield(Obj* value) {
  GeneratorObj* g = g_current;
  GeneratorState* st = g->state;
  st->transfer = newref(value);
  start_switch(&st->fake_stack, st->caller_bottom, st->caller_size);
  tsan_switch_to(st->tsan_caller);
  st->caller = std::move(st->caller).resume();
  finish_switch(st->fake_stack, &st->caller_bottom, &st->caller_size);
  if (st->closing) return raise_error(ExcKind::GeneratorExit, "");
  return new_none();
}

}  // namespace ufora
