// Name resolution with CPython's rules: where each name of each scope lives.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lower/ast.h"

namespace ufora::lower {

// Where a name used in a scope lives.
enum class NameKind {
  Local,    // bound in this scope, used by no inner scope
  Cell,     // bound in this scope and captured by an inner scope
  Free,     // captured from an enclosing function (or declared nonlocal)
  Global,   // module level (bound there, declared global, or unknown: NameError at run time)
  Builtin,  // not bound at module level, and the name of a builtin
};
const char* to_string(NameKind k);

enum class ScopeKind { Module, Function, Lambda, Comprehension, Class };

// One scope: the module, a def, a lambda, a comprehension or generator
// expression (each its own scope, as in Python 3), or a class body. Class
// bodies do not enclose their methods: a method cannot see class-level names.
struct ScopeInfo {
  ScopeKind kind = ScopeKind::Module;
  const Node* node = nullptr;  // Module, FunctionDef, Lambda, *Comp/GeneratorExp, ClassDef
  const ScopeInfo* parent = nullptr;
  std::vector<const ScopeInfo*> children;  // in source order
  std::string name;                        // def/class name, "<lambda>", "<listcomp>", "<module>"...

  // Names bound here, parameters first (CPython's co_varnames order:
  // positional, keyword-only, *args, **kwargs), then in order of first
  // binding. A comprehension's first parameter is the hidden iterator ".0".
  // For the module these are its globals. Cells are included.
  std::vector<std::string> locals;
  size_t param_count = 0;
  std::vector<std::string> cellvars;  // subset of locals captured by inner scopes (plus
                                      // `__class__` for a class whose methods use super())
  std::vector<std::string> freevars;  // captured from enclosing functions, in first-use order
  bool is_generator = false;          // contains yield / yield from (not in nested scopes);
                                      // always true for a GeneratorExp

  // Kind of a name as used in this scope; a name never mentioned here is
  // resolved as an implicit global (Global or Builtin).
  NameKind lookup(std::string_view name) const;

  std::unordered_map<std::string, NameKind> symbols;  // every name mentioned here
};

// The result of scope analysis over one module.
class ScopeTable {
 public:
  const ScopeInfo& module() const { return *module_; }
  // The scope that `node` opens; null if it opens none.
  const ScopeInfo* find(const Node* node) const;
  // As find(), but a missing scope is a compiler bug (InternalError).
  const ScopeInfo& at(const Node* node) const;
  // Kind of the name at this Name node (load, store or del).
  NameKind resolve(const Name* name) const;
  // The scope in which this Name node occurs.
  const ScopeInfo& scope_of(const Name* name) const;
  // As scope_of(), but null for a Name made after the analysis (a rewrite in progress).
  const ScopeInfo* find_scope_of(const Name* name) const;

 private:
  friend ScopeTable analyze_scopes(const Module&);
  std::vector<std::unique_ptr<ScopeInfo>> all_;
  const ScopeInfo* module_ = nullptr;
  std::unordered_map<const Node*, const ScopeInfo*> by_node_;
  std::unordered_map<const Name*, const ScopeInfo*> name_scope_;
};

// Runs the analysis. Assumes CPython already accepted the program (parse_module
// compiles it), so no scope errors are left to report.
ScopeTable analyze_scopes(const Module& module);

}  // namespace ufora::lower
