// Names of AST kinds and operators, as CPython's `ast` module spells them.
#include "lower/ast.h"

namespace ufora::lower {

const char* to_string(BinOpKind k) {
  switch (k) {
    case BinOpKind::Add: return "Add";
    case BinOpKind::Sub: return "Sub";
    case BinOpKind::Mult: return "Mult";
    case BinOpKind::MatMult: return "MatMult";
    case BinOpKind::Div: return "Div";
    case BinOpKind::Mod: return "Mod";
    case BinOpKind::Pow: return "Pow";
    case BinOpKind::LShift: return "LShift";
    case BinOpKind::RShift: return "RShift";
    case BinOpKind::BitOr: return "BitOr";
    case BinOpKind::BitXor: return "BitXor";
    case BinOpKind::BitAnd: return "BitAnd";
    case BinOpKind::FloorDiv: return "FloorDiv";
  }
  return "?";
}

const char* op_symbol(BinOpKind k) {
  switch (k) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::MatMult: return "@";
    case BinOpKind::Div: return "/";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::FloorDiv: return "//";
  }
  return "?";
}

const char* to_string(UnaryKind k) {
  switch (k) {
    case UnaryKind::Invert: return "Invert";
    case UnaryKind::Not: return "Not";
    case UnaryKind::UAdd: return "UAdd";
    case UnaryKind::USub: return "USub";
  }
  return "?";
}

const char* to_string(CmpKind k) {
  switch (k) {
    case CmpKind::Eq: return "Eq";
    case CmpKind::NotEq: return "NotEq";
    case CmpKind::Lt: return "Lt";
    case CmpKind::LtE: return "LtE";
    case CmpKind::Gt: return "Gt";
    case CmpKind::GtE: return "GtE";
    case CmpKind::Is: return "Is";
    case CmpKind::IsNot: return "IsNot";
    case CmpKind::In: return "In";
    case CmpKind::NotIn: return "NotIn";
  }
  return "?";
}

const char* op_symbol(CmpKind k) {
  switch (k) {
    case CmpKind::Eq: return "==";
    case CmpKind::NotEq: return "!=";
    case CmpKind::Lt: return "<";
    case CmpKind::LtE: return "<=";
    case CmpKind::Gt: return ">";
    case CmpKind::GtE: return ">=";
    case CmpKind::Is: return "is";
    case CmpKind::IsNot: return "is not";
    case CmpKind::In: return "in";
    case CmpKind::NotIn: return "not in";
  }
  return "?";
}

const char* to_string(BoolKind k) { return k == BoolKind::And ? "And" : "Or"; }

const char* to_string(ExprContext k) {
  switch (k) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

const char* to_string(ExprKind k) {
  switch (k) {
    case ExprKind::BoolOp: return "BoolOp";
    case ExprKind::NamedExpr: return "NamedExpr";
    case ExprKind::BinOp: return "BinOp";
    case ExprKind::UnaryOp: return "UnaryOp";
    case ExprKind::Lambda: return "Lambda";
    case ExprKind::IfExp: return "IfExp";
    case ExprKind::Dict: return "Dict";
    case ExprKind::Set: return "Set";
    case ExprKind::ListComp: return "ListComp";
    case ExprKind::SetComp: return "SetComp";
    case ExprKind::DictComp: return "DictComp";
    case ExprKind::GeneratorExp: return "GeneratorExp";
    case ExprKind::Await: return "Await";
    case ExprKind::Yield: return "Yield";
    case ExprKind::YieldFrom: return "YieldFrom";
    case ExprKind::Compare: return "Compare";
    case ExprKind::Call: return "Call";
    case ExprKind::FormattedValue: return "FormattedValue";
    case ExprKind::JoinedStr: return "JoinedStr";
    case ExprKind::Constant: return "Constant";
    case ExprKind::Attribute: return "Attribute";
    case ExprKind::Subscript: return "Subscript";
    case ExprKind::Starred: return "Starred";
    case ExprKind::Name: return "Name";
    case ExprKind::List: return "List";
    case ExprKind::Tuple: return "Tuple";
    case ExprKind::Slice: return "Slice";
  }
  return "?";
}

const char* to_string(StmtKind k) {
  switch (k) {
    case StmtKind::FunctionDef: return "FunctionDef";
    case StmtKind::ClassDef: return "ClassDef";
    case StmtKind::Return: return "Return";
    case StmtKind::Delete: return "Delete";
    case StmtKind::Assign: return "Assign";
    case StmtKind::AugAssign: return "AugAssign";
    case StmtKind::AnnAssign: return "AnnAssign";
    case StmtKind::For: return "For";
    case StmtKind::While: return "While";
    case StmtKind::If: return "If";
    case StmtKind::With: return "With";
    case StmtKind::Raise: return "Raise";
    case StmtKind::Try: return "Try";
    case StmtKind::Assert: return "Assert";
    case StmtKind::Import: return "Import";
    case StmtKind::ImportFrom: return "ImportFrom";
    case StmtKind::Global: return "Global";
    case StmtKind::Nonlocal: return "Nonlocal";
    case StmtKind::Expr: return "Expr";
    case StmtKind::Pass: return "Pass";
    case StmtKind::Break: return "Break";
    case StmtKind::Continue: return "Continue";
    case StmtKind::Match: return "Match";
  }
  return "?";
}

}  // namespace ufora::lower
