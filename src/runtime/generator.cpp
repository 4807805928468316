#include "runtime/generator.h"

#include <boost/context/fiber.hpp>

#include "runtime/fiber_switch.h"
#include "runtime/stack_pool.h"
#include "values/exception_state.h"

namespace ufora {

namespace ctx = boost::context;

struct GeneratorState {
  ctx::fiber fiber;    // the generator's own stack while it is suspended
  ctx::fiber caller;   // whoever resumed it, while it runs
  Obj* transfer = nullptr;  // the yielded value, owned until handed out
  Obj* result = nullptr;    // the body's return value (nullptr: it raised)
  bool started = false;
  bool finished = false;
  bool running = false;
  bool closing = false;
  // Both stacks' extents, for the sanitizer annotations (fiber_switch.h).
  StackExtent stack;
  StackExtent caller_stack;
  void* fake_stack = nullptr;
  void* tsan_fiber = nullptr;   // the generator's ThreadSanitizer context
  void* tsan_caller = nullptr;  // the resumer's
};

namespace {

thread_local GeneratorObj* g_current = nullptr;

void start_fiber(GeneratorObj* g) {
  GeneratorState* st = g->state;
  st->fiber = ctx::fiber(std::allocator_arg, PooledStack{&generator_stacks(), &st->stack},
                         [g](ctx::fiber&& caller) {
                           GeneratorState* s = g->state;
                           asan_finish_switch(nullptr, &s->caller_stack);
                           s->caller = std::move(caller);
                           s->result = g->func->code->entry(g->args.data(), g->func->cells.data());
                           s->finished = true;
                           asan_start_switch(nullptr, s->caller_stack);  // this stack ends
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
  asan_start_switch(&fake, st->stack);
  st->fiber = std::move(st->fiber).resume();
  asan_finish_switch(fake, nullptr);
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

bool generator_unstarted(const GeneratorObj* g) { return !g->state->started && !g->state->finished && !g->state->running; }

void generator_mark_consumed(GeneratorObj* g) { g->state->finished = true; }

Obj* generator_return_value(Obj* it) {
  if (it->tag != Tag::Generator) return new_none();
  GeneratorState* st = static_cast<GeneratorObj*>(it)->state;
  return newref(st->finished && st->result ? st->result : none());
}

Obj* generator_yield(Obj* value) {
  GeneratorObj* g = g_current;
  GeneratorState* st = g->state;
  st->transfer = newref(value);
  asan_start_switch(&st->fake_stack, st->caller_stack);
  tsan_switch_to(st->tsan_caller);
  st->caller = std::move(st->caller).resume();
  asan_finish_switch(st->fake_stack, &st->caller_stack);
  if (st->closing) return raise_error(ExcKind::GeneratorExit, "");
  return new_none();
}

}  // namespace ufora
