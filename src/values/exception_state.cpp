#include "values/exception_state.h"

#include "values/dict_table.h"

namespace ufora {

namespace {

struct BuiltinExc {
  const char* name;
  ExcKind base;
};

// Parents must come before children: the table is built in order.
constexpr BuiltinExc kTable[] = {
    {"BaseException", ExcKind::BaseException},  {"SystemExit", ExcKind::BaseException},
    {"KeyboardInterrupt", ExcKind::BaseException}, {"GeneratorExit", ExcKind::BaseException},
    {"Exception", ExcKind::BaseException},      {"StopIteration", ExcKind::Exception},
    {"ArithmeticError", ExcKind::Exception},    {"ZeroDivisionError", ExcKind::ArithmeticError},
    {"OverflowError", ExcKind::ArithmeticError}, {"AssertionError", ExcKind::Exception},
    {"AttributeError", ExcKind::Exception},     {"LookupError", ExcKind::Exception},
    {"IndexError", ExcKind::LookupError},       {"KeyError", ExcKind::LookupError},
    {"NameError", ExcKind::Exception},          {"UnboundLocalError", ExcKind::NameError},
    {"RuntimeError", ExcKind::Exception},       {"RecursionError", ExcKind::RuntimeError},
    {"NotImplementedError", ExcKind::RuntimeError}, {"TypeError", ExcKind::Exception},
    {"ValueError", ExcKind::Exception},         {"UnicodeError", ExcKind::ValueError},
    {"ImportError", ExcKind::Exception},        {"ModuleNotFoundError", ExcKind::ImportError},
    {"OSError", ExcKind::Exception},            {"ConnectionError", ExcKind::OSError},
    {"FileNotFoundError", ExcKind::OSError},    {"PermissionError", ExcKind::OSError},
    {"TimeoutError", ExcKind::OSError},         {"FloatingPointError", ExcKind::ArithmeticError},
    {"BufferError", ExcKind::Exception},        {"EOFError", ExcKind::Exception},
    {"MemoryError", ExcKind::Exception},        {"UnicodeDecodeError", ExcKind::UnicodeError},
    {"UnicodeEncodeError", ExcKind::UnicodeError}, {"Warning", ExcKind::Exception},
    {"UserWarning", ExcKind::Warning},          {"DeprecationWarning", ExcKind::Warning},
    {"RuntimeWarning", ExcKind::Warning},
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == size_t(ExcKind::Count));

ClassObj** table() {
  static ClassObj** classes = [] {
    auto** t = new ClassObj*[size_t(ExcKind::Count)];
    for (size_t i = 0; i < size_t(ExcKind::Count); ++i) {
      std::vector<ClassObj*> bases;
      if (i != 0) bases.push_back(static_cast<ClassObj*>(newref(t[size_t(kTable[i].base)])));
      auto* c = static_cast<ClassObj*>(new_class(kTable[i].name, std::move(bases), static_cast<DictObj*>(new_dict())));
      c->is_exception = true;
      c->refcount = kImmortal;
      t[i] = c;
    }
    return t;
  }();
  return classes;
}

thread_local Obj* g_pending = nullptr;

void set_pending(Obj* exc) {
  xdecref(g_pending);
  g_pending = exc;
}

}  // namespace

ClassObj* builtin_exception(ExcKind kind) { return table()[size_t(kind)]; }
const char* exc_kind_name(ExcKind kind) { return kTable[size_t(kind)].name; }

void attach_exception_root(ClassObj* object) {
  ClassObj* root = builtin_exception(ExcKind::BaseException);
  if (!root->bases.empty()) return;
  root->bases.push_back(static_cast<ClassObj*>(newref(object)));
  // Single inheritance throughout the table: every MRO simply gains `object` at its end.
  for (size_t i = 0; i < size_t(ExcKind::Count); ++i) table()[i]->mro.push_back(object);
}

std::nullptr_t raise_with_arg(ExcKind kind, Obj* arg) {
  auto* e = static_cast<InstanceObj*>(new_instance(builtin_exception(kind)));
  e->set_attr("args", Ref(new_tuple({newref(arg)})).get());
  set_pending(e);
  return nullptr;
}

std::nullptr_t raise_error(ExcKind kind, std::string message) {
  Ref msg(new_str(std::move(message)));
  return raise_with_arg(kind, msg.get());
}

std::nullptr_t raise_object(Obj* exc) {
  set_pending(exc);
  return nullptr;
}

bool error_pending() { return g_pending != nullptr; }
Obj* pending_error() { return g_pending; }
Obj* take_error() {
  Obj* e = g_pending;
  g_pending = nullptr;
  return e;
}
void clear_error() { set_pending(nullptr); }

bool error_matches_class(const ClassObj* cls) {
  return g_pending && g_pending->tag == Tag::Instance &&
         static_cast<InstanceObj*>(g_pending)->cls->is_subclass_of(cls);
}
bool error_matches(ExcKind kind) { return error_matches_class(builtin_exception(kind)); }

std::string exception_message(Obj* exc) {
  if (!exc || exc->tag != Tag::Instance) return {};
  Obj* args = static_cast<InstanceObj*>(exc)->get_attr("args");
  if (!args || args->tag != Tag::Tuple || items_of(args).empty()) return {};
  Obj* first = items_of(args)[0];
  if (items_of(args).size() == 1 && first->tag == Tag::Str) return str_of(first);
  return "<exception with non-string arguments>";  // the runtime formats these with repr()
}

std::string pending_error_message() { return exception_message(g_pending); }

}  // namespace ufora
