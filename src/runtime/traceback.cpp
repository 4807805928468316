#include "runtime/traceback.h"

#include <algorithm>
#include <vector>

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

namespace {

// The exception chained to `exc` the way CPython prints it: its __cause__ when set, else its
// __context__ unless __suppress_context__; with the line that links the two.
Obj* chained(Obj* exc, const char** link) {
  if (!exc || exc->tag != Tag::Instance) return nullptr;
  auto* e = static_cast<InstanceObj*>(exc);
  Obj* cause = e->get_attr("__cause__");
  if (cause && cause->tag == Tag::Instance) {
    *link = "The above exception was the direct cause of the following exception:";
    return cause;
  }
  Obj* suppress = e->get_attr("__suppress_context__");
  if (e->context && !(suppress && suppress == py_true())) {
    *link = "During handling of the above exception, another exception occurred:";
    return e->context;
  }
  return nullptr;
}

std::string format_one(Obj* exc, const SourceLineFn& source_line);

}  // namespace

std::string format_exception(Obj* exc, const SourceLineFn& source_line) {
  // Newest first; stops at a repeat, so a cycle in the chain cannot loop forever.
  std::vector<std::pair<Obj*, const char*>> chain;  // exception, line linking it to the newer one
  const char* link = nullptr;
  for (Obj* e = chained(exc, &link); e && e != exc; e = chained(e, &link)) {
    if (std::any_of(chain.begin(), chain.end(), [&](const auto& p) { return p.first == e; })) break;
    chain.push_back({e, link});
  }
  std::string out;
  for (size_t i = chain.size(); i-- > 0;)
    out += format_one(chain[i].first, source_line) + "\n" + chain[i].second + "\n\n";
  return out + format_one(exc, source_line);
}

namespace {

std::string format_one(Obj* exc, const SourceLineFn& source_line) {
  std::string out = "Traceback (most recent call last):\n";
  if (exc && exc->tag == Tag::Instance) {
    const auto& tb = static_cast<InstanceObj*>(exc)->traceback;
    for (auto it = tb.rbegin(); it != tb.rend(); ++it) {
      if (it->file.empty()) continue;  // a line no frame took (ufr_traceback_line)
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

}  // namespace

}  // namespace ufora
