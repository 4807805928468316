// State shared by the AST -> IR lowering files (lower_*.cpp): the program being built and
// one FunctionLowerer per function being lowered. Private to src/lower/.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lower/ast.h"
#include "lower/diagnostics.h"
#include "lower/ir.h"
#include "lower/scope_analysis.h"

namespace ufora::lower {

struct ProgramBuilder {
  const ScopeTable& scopes;
  const SourceFile& source;
  ir::Program program;
  std::map<std::string, int32_t> global_slots;

  int32_t global_slot(const std::string& name);
  // Reserves a function index (filled in later, so nested functions can be numbered first).
  int32_t reserve_function();
};

// Where a name lives inside the function being lowered.
struct NameRef {
  enum Kind { Local, CellSlot, Free, Global } kind;
  int32_t index;  // local slot, cell-holding slot, closure index or module slot
};

class FunctionLowerer {
 public:
  FunctionLowerer(ProgramBuilder& pb, ir::Function& fn, const Node* scope_node, bool is_class_body,
                  bool is_module);

  // Sets up parameter slots and cells; must be called before lowering the body.
  void begin(const Arguments* args);
  void lower_body(const StmtList& body);
  // Ends the function: an implicit `return None` (or the class namespace for class bodies).
  void finish();

  // ---- emission
  ir::ValueId emit(ir::Op op, std::vector<ir::ValueId> args, const Span& span, int64_t imm = 0);
  ir::Instr& emit_instr(ir::Op op, std::vector<ir::ValueId> args, const Span& span);
  void release(ir::ValueId v, const Span& span);
  ir::BlockId new_block();
  void set_block(ir::BlockId b);
  void jump(ir::BlockId target, const Span& span);
  void branch(ir::ValueId cond, ir::BlockId yes, ir::BlockId no, const Span& span);
  bool terminated() const;
  int32_t hidden_local(const std::string& what);

  // ---- names
  NameRef resolve(const std::string& name) const;
  ir::ValueId load_name(const std::string& name, const Span& span);
  void store_name(const std::string& name, ir::ValueId v, const Span& span);
  void delete_name(const std::string& name, const Span& span);  // leaves the name unbound

  // ---- statements (lower_stmt.cpp)
  void lower_stmt(const Stmt& s);
  ir::ValueId lower_replacing_sum(const Expr& target, const Expr& value, BinOpKind op, const Span& sp);
  void assign_to(const Expr& target, ir::ValueId v);
  // ---- expressions (lower_expr.cpp): the result is owned by the caller
  ir::ValueId lower_expr(const Expr& e);
  ir::ValueId lower_call(const Call& c);
  ir::ValueId lower_display(const ExprList& elts, ir::AccKind kind, const Span& span);
  ir::ValueId lower_condition_chain(const Compare& c);
  // ---- functions, classes and comprehensions (lower_function.cpp)
  ir::ValueId make_function(const Node& scope_node, const std::string& name, const Arguments* args,
                            const StmtList* body, const Expr* lambda_body, const Span& span);
  ir::ValueId lower_class(const ClassDef& c);
  // The closure cells MakeFunction passes to nested unit `index` (the owner releases them).
  std::vector<ir::ValueId> closure_cells(int32_t index, const Span& span, ir::ValueId class_cell = ir::kNoValue);
  // `as_list`: a generator expression whose consumer takes every item at once (list(),
  // sorted(), ...) builds a list instead of yielding (lower_call decides); `as_dict`: one of
  // (key, value) pairs that dict() takes builds the dict, as a dict comprehension would.
  ir::ValueId lower_comprehension(const Expr& comp, bool as_list = false, bool as_dict = false);
  void lower_comprehension_body(const Expr& comp, size_t level, ir::ValueId acc, bool as_list, bool as_dict);
  bool consumed_whole(const Call& c) const;
  // What a for loop or comprehension iterates over: a set display of constants there is a
  // frozenset constant in CPython, iterated in that constant's order (BuildSet imm 2).
  ir::ValueId lower_iterable(const Expr& e);
  bool pairs_for_dict(const Call& c) const;

  [[noreturn]] void unsupported(const Span& span, const std::string& what, const std::string& hint = {}) const;

  ProgramBuilder& pb;
  ir::Function& fn;
  const Node* scope_node;
  bool is_class_body;
  bool is_module;
  ir::BlockId current = 0;
  ir::BlockId handler = ir::kNoBlock;  // handler for blocks created from now on

  std::map<std::string, int32_t> local_slots;
  std::map<std::string, int32_t> cell_slots;  // own cell variables -> slot holding the cell
  std::map<std::string, int32_t> free_index;

  struct LoopContext {
    ir::BlockId continue_target;
    ir::BlockId break_target;
    size_t finally_depth;  // finally contexts open when the loop started
  };
  struct FinallyContext {
    const StmtList* body;
    ir::BlockId outer_handler;  // where exceptions raised by the finally body itself go
  };
  std::vector<LoopContext> loops;
  std::vector<FinallyContext> finallies;
  std::vector<ir::ValueId> handled_exceptions;  // for bare `raise`
  // Inlines the finally bodies opened after `depth`, innermost first (for return/break).
  void run_finallies_down_to(size_t depth, const Span& span);
};

}  // namespace ufora::lower
