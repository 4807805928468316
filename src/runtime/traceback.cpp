#include "runtime/traceback.h"

#include "runtime/ops.h"
#include "values/exception_state.h"

namespace ufora {

std::string exception_type_name(Obj* exc) {
  if (exc && exc->tag == Tag::Instance) return static_cast<InstanceObj*>(exc)->cls->name;
  return "<unknown exception>";
}

std::string exception_summary(Obj* exc) {
  std::string name = exception_type_name(exc);
  std::string msg;
  Obj* saved = take_error();
  if (!append_str(msg, exc)) {
    clear_error();
    msg = "<exception str() failed>";
  }
  if (saved) raise_object(saved);
  return msg.empty() ? name : name + ": " + msg;
}

std::string format_exception(Obj* exc, const SourceLineFn& source_line) {
  std::string out = "Traceback (most recent call last):\n";
  if (exc && exc->tag == Tag::Instance) {
    const auto& tb = static_cast<InstanceObj*>(exc)->traceback;
    for (auto it = tb.rbegin(); it != tb.rend(); ++it) {
      out += "  File \"" + it->file + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
      std::string line = source_line ? source_line(it->file, it->line) : "";
      size_t a = line.find_first_not_of(" \t");
      if (a != std::string::npos) {
        size_t b = line.find_last_not_of(" \t\r\n");
        out += "    " + line.substr(a, b - a + 1) + "\n";
      }
    }
  }
  return out + exception_summary(exc) + "\n";
}

}  // namespace ufora
