// The cycle collector frees cycles through cells that nothing else holds, and only those.
#include <catch2/catch.hpp>

#include "runtime/callable.h"
#include "runtime/cycle_collector.h"

using namespace ufora;

namespace {

const CodeInfo kCode{};

// def outer(): def f(): return f  -- f holds the cell that holds f.
CellObj* recursive_closure() {
  auto* cell = new CellObj();
  cell->value = new FunctionObj(&kCode, new_tuple({}), nullptr, {newref(cell)});
  return cell;
}

}  // namespace

TEST_CASE("a cycle through a cell that nobody holds is freed", "[runtime][cycles]") {
  collect_cycles();  // start from a clean slate
  CellObj* cell = recursive_closure();
  decref(cell);  // the outer frame ends: only the cycle is left
  CHECK(collect_cycles() == 1);
  CHECK(collect_cycles() == 0);
}

TEST_CASE("a cycle held from outside is kept, and freed once released", "[runtime][cycles]") {
  collect_cycles();
  CellObj* cell = recursive_closure();
  Ref function(newref(cell->value));  // e.g. outer() returned f
  decref(cell);
  CHECK(collect_cycles() == 0);
  CHECK(cell->value == function.get());  // still callable
  Ref holder(new_tuple({function.release()}));  // held through a container instead
  CHECK(collect_cycles() == 0);
  holder = Ref();
  CHECK(collect_cycles() == 1);
}

TEST_CASE("cells outside any cycle are left alone", "[runtime][cycles]") {
  collect_cycles();
  Ref cell(new CellObj());
  static_cast<CellObj*>(cell.get())->value = new_int(42);
  CHECK(collect_cycles() == 0);
  CHECK(static_cast<CellObj*>(cell.get())->value != nullptr);
}
