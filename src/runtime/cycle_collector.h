// Frees the few reference cycles immutable Python can still make. Values cannot refer to
// themselves, but closures can: a recursive inner function holds the cell that holds it,
// and a method that uses super() holds the `__class__` cell of the class that holds it.
// Every such cycle passes through a cell, so the collector starts from the live cells.
//
// It is trial deletion restricted to what the cells reach: subtract the references that
// objects in that set hold to each other; what still has references left is held from
// outside, and so is everything it reaches; the cells not reached are garbage, and emptying
// them breaks their cycles. References held by a generator's suspended stack cannot be seen,
// so what they point at looks held from outside: the collector errs toward keeping.
//
// Call it only where no compiled code holds borrowed references: after a module is
// released, and when a Runtime ends.
#pragma once

#include <cstddef>

namespace ufora {

struct CellObj;

void register_cell(CellObj* cell);
void unregister_cell(CellObj* cell);

// Returns the number of cells it emptied.
size_t collect_cycles();

}  // namespace ufora
