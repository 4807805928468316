#include "api/pending_error.h"

#include "api/source_registry.h"
#include "runtime/traceback.h"
#include "ufora/ufora.hpp"
#include "values/exception_state.h"

namespace ufora::api {

void throw_pending_error() {
  Ref exc(take_error());
  if (!exc) throw Error("internal error: a failure was reported without a Python exception");
  std::vector<Frame> frames;
  if (exc->tag == Tag::Instance) {
    // The runtime records frames innermost first, as they are left; hosts read them outermost first.
    const auto& tb = static_cast<InstanceObj*>(exc.get())->traceback;
    for (auto it = tb.rbegin(); it != tb.rend(); ++it)
      if (!it->file.empty()) frames.push_back({it->file, it->line, it->function});  // empty: a line no frame took
  }
  std::string type = exception_type_name(exc.get());
  std::string summary = exception_summary(exc.get());  // "Type: message" or "Type"
  std::string message = summary.size() > type.size() + 2 ? summary.substr(type.size() + 2) : "";
  throw PythonError(type, message, format_exception(exc.get(), source_line), std::move(frames));
}

}  // namespace ufora::api
