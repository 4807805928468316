// Values travel between MPI ranks and into checkpoints as bytes (DESIGN.md: values must be
// serialisable; Boost.Serialization binary archives). Immutable data only: None, bool, int
// (any size), float (bit-exact), str, tuple, list, dict, set, frozenset, nested freely.
#pragma once

#include <string>
#include <string_view>

#include "values/object.h"

namespace ufora {

// The bytes of `v`; false with TypeError pending for values that cannot travel (functions,
// generators, instances of user classes, ...).
bool serialize_value(Obj* v, std::string& out);
// A new value from bytes made by serialize_value; nullptr with ValueError pending when the
// bytes are not such an archive.
Obj* deserialize_value(std::string_view bytes);

}  // namespace ufora
