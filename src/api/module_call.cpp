// Module::call with a run-time argument list: an initializer_list cannot be built from an
// array whose length only the caller knows, which is the C API's (and every binding's) case.
#include <vector>

#include "api/pending_error.h"
#include "runtime/ops.h"
#include "ufora/ufora.hpp"

namespace ufora {

Value Module::call(const std::string& function, std::span<const Arg> args) const {
  Value f = get(function);
  std::vector<Obj*> argv;
  argv.reserve(args.size());
  for (const Arg& a : args) argv.push_back(static_cast<Obj*>(a.object()));
  Obj* r = op_call(static_cast<Obj*>(f.object()), argv.data(), argv.size(), nullptr);
  if (!r) api::throw_pending_error();
  return Value::adopt(r);
}

}  // namespace ufora
