// Generators run their compiled body on a Boost.Context fiber: `yield` switches back to
// whoever called next(), so the JIT compiles a generator's body like any other function.
#pragma once

#include <vector>

#include "runtime/callable.h"

namespace ufora {

struct GeneratorState;

struct GeneratorObj : Obj {
  FunctionObj* func;           // owned
  std::vector<Obj*> args;      // owned bound parameters
  GeneratorState* state;       // the fiber and the values passed through it
  GeneratorObj(FunctionObj* f, std::vector<Obj*> stolen_args);
  ~GeneratorObj() override;    // closes an unfinished generator (GeneratorExit inside it)
};

// Steals `args`.
Obj* new_generator(FunctionObj* f, std::vector<Obj*> args);
// Next value (new reference); nullptr and no error when the generator is finished.
Obj* generator_next(GeneratorObj* g);
// What a finished generator returned (None while running or for other iterators); new ref.
Obj* generator_return_value(Obj* iterator);
// A generator whose body has not started yet (nothing it computes has been observed).
bool generator_unstarted(const GeneratorObj* g);
// Marks an unstarted generator exhausted: its items were taken some other way (fast_items).
void generator_mark_consumed(GeneratorObj* g);
// Called by compiled code at `yield value`: returns the value sent in (None), or nullptr
// with GeneratorExit pending when the generator is being closed.
Obj* generator_yield(Obj* value);

}  // namespace ufora
