// Operators: arithmetic, comparison, truth, hashing, length and membership.
#include <algorithm>

#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/set_algorithms.h"
#include "values/dict_table.h"
#include "values/exception_state.h"
#include "values/number_ops.h"
#include "values/set_layout.h"

namespace ufora {

namespace {

Obj* concat_seq(Obj* a, Obj* b) {
  std::vector<Obj*> items;
  items.reserve(items_of(a).size() + items_of(b).size());
  for (Obj* o : items_of(a)) items.push_back(newref(o));
  for (Obj* o : items_of(b)) items.push_back(newref(o));
  return new SeqObj(a->tag, std::move(items));
}

Obj* repeat(Obj* seq, Obj* count) {
  int64_t n = 0;
  if (count->tag == Tag::BigInt) return raise_error(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer");
  n = count->tag == Tag::Bool ? int64_t(static_cast<BoolObj*>(count)->v) : static_cast<IntObj*>(count)->v;
  if (n < 0) n = 0;
  if (seq->tag == Tag::Str) {
    std::string out;
    out.reserve(str_of(seq).size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) out += str_of(seq);
    return new_str(std::move(out));
  }
  std::vector<Obj*> items;
  items.reserve(items_of(seq).size() * size_t(n));
  for (int64_t i = 0; i < n; ++i)
    for (Obj* o : items_of(seq)) items.push_back(newref(o));
  return new SeqObj(seq->tag, std::move(items));
}

Obj* set_binary(BinaryOp op, Obj* a, Obj* b) {
  switch (op) {
    case BinaryOp::BitOr: return set_or(a, b);
    case BinaryOp::BitAnd: return set_and(a, b);
    case BinaryOp::Sub: return set_sub(a, b);
    default: return set_xor(a, b);
  }
}

Obj* dict_merge(Obj* a, Obj* b) {
  Ref out(new_dict());
  auto* d = static_cast<DictObj*>(out.get());
  for (Obj* src : {a, b})
    for (const auto& e : static_cast<DictObj*>(src)->entries)
      if (!dict_insert(d, e.key, e.value, e.hash, key_eq)) return nullptr;
  return out.release();
}

// Built-in (non-numeric) meanings of the binary operators; NotImplemented when none applies.
Obj* builtin_binary(BinaryOp op, Obj* a, Obj* b) {
  Tag ta = a->tag, tb = b->tag;
  if (op == BinaryOp::Add) {
    if (ta == Tag::Str && tb == Tag::Str) return new_str(str_of(a) + str_of(b));
    if (is_seq(a) && ta == tb) return concat_seq(a, b);
  }
  if (op == BinaryOp::Mul) {
    if ((ta == Tag::Str || is_seq(a)) && (tb == Tag::Int || tb == Tag::Bool || tb == Tag::BigInt)) return repeat(a, b);
    if ((tb == Tag::Str || is_seq(b)) && (ta == Tag::Int || ta == Tag::Bool || ta == Tag::BigInt)) return repeat(b, a);
  }
  if (is_setlike(a) && is_setlike(b) &&
      (op == BinaryOp::BitOr || op == BinaryOp::BitAnd || op == BinaryOp::Sub || op == BinaryOp::BitXor))
    return set_binary(op, a, b);
  if (op == BinaryOp::BitOr && ta == Tag::Dict && tb == Tag::Dict) return dict_merge(a, b);
  if (op == BinaryOp::Mod && ta == Tag::Str) return percent_format(a, b);
  // CPython's messages when a sequence operand cannot take the other one.
  if (op == BinaryOp::Add && (ta == Tag::Str || is_seq(a))) {
    const std::string t = type_name(a);
    return raise_error(ExcKind::TypeError, "can only concatenate " + t + " (not \"" + type_name(b) + "\") to " + t);
  }
  if (op == BinaryOp::Mul && (ta == Tag::Str || is_seq(a) || tb == Tag::Str || is_seq(b)))
    return raise_error(ExcKind::TypeError, "can't multiply sequence by non-int of type '" +
                                               type_name(ta == Tag::Str || is_seq(a) ? b : a) + "'");
  return newref(not_implemented());
}

int compare_sequences(CompareOp op, const std::vector<Obj*>& x, const std::vector<Obj*>& y) {
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    int eq = op_eq(x[i], y[i]);
    if (eq < 0) return -1;
    if (!eq) {
      if (op == CompareOp::Eq) return 0;
      if (op == CompareOp::Ne) return 1;
      return op_compare_bool(op, x[i], y[i]);
    }
  }
  size_t a = x.size(), b = y.size();
  switch (op) {
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Ge: return a >= b;
  }
  return -1;
}

template <class T>
int compare_values(CompareOp op, const T& a, const T& b) {
  switch (op) {
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Ge: return a >= b;
  }
  return -1;
}

// a is a subset of b: every element of a is in b.
int subset(Obj* a, Obj* b) {
  auto* db = static_cast<DictObj*>(b);
  for (const auto& e : static_cast<DictObj*>(a)->entries) {
    int64_t i = dict_find(db, e.key, e.hash, key_eq);
    if (i == -2) return -1;
    if (i < 0) return 0;
  }
  return 1;
}

int compare_sets(CompareOp op, Obj* a, Obj* b) {
  size_t na = static_cast<DictObj*>(a)->entries.size(), nb = static_cast<DictObj*>(b)->entries.size();
  switch (op) {
    case CompareOp::Eq: return na == nb ? subset(a, b) : 0;
    case CompareOp::Ne: {
      int r = na == nb ? subset(a, b) : 0;
      return r < 0 ? -1 : !r;
    }
    case CompareOp::Le: return na <= nb ? subset(a, b) : 0;
    case CompareOp::Lt: return na < nb ? subset(a, b) : 0;
    case CompareOp::Ge: return nb <= na ? subset(b, a) : 0;
    case CompareOp::Gt: return nb < na ? subset(b, a) : 0;
  }
  return -1;
}

int dict_equal(Obj* a, Obj* b) {
  auto* da = static_cast<DictObj*>(a);
  auto* db = static_cast<DictObj*>(b);
  if (da->entries.size() != db->entries.size()) return 0;
  for (const auto& e : da->entries) {
    int64_t i = dict_find(db, e.key, e.hash, key_eq);
    if (i == -2) return -1;
    if (i < 0) return 0;
    int r = op_eq(e.value, db->entries[size_t(i)].value);
    if (r <= 0) return r;
  }
  return 1;
}

// Built-in comparisons: 1/0, -1 on error, -2 when not defined for these types.
int builtin_compare(CompareOp op, Obj* a, Obj* b) {
  int r = number_compare(op, a, b);
  if (r != -2) return r;
  Tag ta = a->tag, tb = b->tag;
  if (ta == Tag::Str && tb == Tag::Str) return compare_values(op, str_of(a), str_of(b));
  if (is_seq(a) && ta == tb) return compare_sequences(op, items_of(a), items_of(b));
  if (is_setlike(a) && is_setlike(b)) return compare_sets(op, a, b);
  bool equality = op == CompareOp::Eq || op == CompareOp::Ne;
  if (equality && ta == Tag::Dict && tb == Tag::Dict) {
    int eq = dict_equal(a, b);
    return eq < 0 ? -1 : (op == CompareOp::Eq ? eq : !eq);
  }
  if (equality && ta == Tag::Range && tb == Tag::Range) {
    auto *x = static_cast<RangeObj*>(a), *y = static_cast<RangeObj*>(b);
    int64_t n = x->size();
    bool eq = n == y->size() && (n == 0 || (x->start == y->start && (n == 1 || x->step == y->step)));
    return op == CompareOp::Eq ? eq : !eq;
  }
  if (equality && ta != Tag::Instance && tb != Tag::Instance) {
    bool same = a == b;
    return op == CompareOp::Eq ? same : !same;
  }
  return -2;
}

}  // namespace

int key_eq(Obj* a, Obj* b) { return op_eq(a, b); }

Obj* op_binary(BinaryOp op, Obj* a, Obj* b) {
  if (is_number(a) && is_number(b)) {
    Obj* r = number_binary(op, a, b);
    if (r != not_implemented()) return r;
    decref(r);
  } else if (a->tag != Tag::Instance && b->tag != Tag::Instance) {
    Obj* r = builtin_binary(op, a, b);
    if (r != not_implemented()) return r;
    decref(r);
  } else {
    if (Obj* r = call_binary_dunder(op, a, b); r != not_implemented()) return r;
  }
  return raise_error(ExcKind::TypeError, std::string("unsupported operand type(s) for ") + binary_op_symbol(op) +
                                             ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Obj* op_unary(UnaryOp op, Obj* a) {
  if (op == UnaryOp::Not) {
    int t = op_truthy(a);
    return t < 0 ? nullptr : new_bool(!t);
  }
  if (is_number(a)) return number_unary(op, a);
  if (a->tag == Tag::Instance) {
    const char* dunder = op == UnaryOp::Neg ? "__neg__" : op == UnaryOp::Pos ? "__pos__" : "__invert__";
    if (Obj* r = call_method_if_defined(a, dunder, nullptr, 0); r != not_implemented()) return r;
  }
  const char* sym = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
  return raise_error(ExcKind::TypeError, std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

Obj* op_compare(CompareOp op, Obj* a, Obj* b) {
  if (a->tag == Tag::Instance || b->tag == Tag::Instance) return call_compare_dunder(op, a, b);
  int r = builtin_compare(op, a, b);
  if (r == -1) return nullptr;
  if (r >= 0) return new_bool(r);
  return raise_error(ExcKind::TypeError, std::string("'") + compare_op_symbol(op) + "' not supported between instances of '" +
                                             type_name(a) + "' and '" + type_name(b) + "'");
}

int op_compare_bool(CompareOp op, Obj* a, Obj* b) {
  if (a->tag != Tag::Instance && b->tag != Tag::Instance) {
    int r = builtin_compare(op, a, b);
    if (r != -2) return r;
  }
  Obj* r = op_compare(op, a, b);
  if (!r) return -1;
  int t = op_truthy(r);
  decref(r);
  return t;
}

// PyObject_RichCompareBool: identity implies equality (so a nan float equals itself inside
// lists, tuples, dicts and `in`), while the `==` operator (op_compare) still says False.
int op_eq(Obj* a, Obj* b) {
  if (a == b) return 1;
  return op_compare_bool(CompareOp::Eq, a, b);
}

int op_truthy(Obj* a) {
  switch (a->tag) {
    case Tag::None: return 0;
    case Tag::Bool: return static_cast<BoolObj*>(a)->v;
    case Tag::Int: return static_cast<IntObj*>(a)->v != 0;
    case Tag::BigInt: return 1;
    case Tag::Float: return static_cast<FloatObj*>(a)->v != 0.0;
    case Tag::Str: return !str_of(a).empty();
    case Tag::Tuple:
    case Tag::List: return static_cast<SeqObj*>(a)->size() != 0;
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: return !static_cast<DictObj*>(a)->entries.empty();
    case Tag::Range: return static_cast<RangeObj*>(a)->size() != 0;
    case Tag::Instance: return instance_truthy(a);
    default: return 1;
  }
}

int64_t op_hash(Obj* a) {
  switch (a->tag) {
    case Tag::None: return 0x5f5e100;
    case Tag::Bool:
    case Tag::Int:
    case Tag::BigInt:
    case Tag::Float: return number_hash(a);
    case Tag::Str: return str_hash(static_cast<StrObj*>(a));
    case Tag::Tuple: {  // CPython's, which hash() shows and set order depends on
      std::vector<int64_t> hashes;
      for (Obj* o : items_of(a)) {
        int64_t x = op_hash(o);
        if (x == -1 && error_pending()) return -1;
        hashes.push_back(x);
      }
      return tuple_hash_of(hashes.data(), hashes.size());
    }
    case Tag::FrozenSet: return frozenset_hash_of(static_cast<DictObj*>(a));  // CPython's
    case Tag::Instance: return instance_hash(a);
    case Tag::List:
    case Tag::Dict:
    case Tag::Set:
      raise_error(ExcKind::TypeError, "unhashable type: '" + type_name(a) + "'");
      return -1;
    default: return int64_t(reinterpret_cast<uintptr_t>(a) >> 4);
  }
}

int64_t op_len(Obj* a) {
  switch (a->tag) {
    case Tag::Str: return static_cast<StrObj*>(a)->length;
    case Tag::Tuple:
    case Tag::List: return static_cast<SeqObj*>(a)->size();
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: return int64_t(static_cast<DictObj*>(a)->entries.size());
    case Tag::Range: return static_cast<RangeObj*>(a)->size();
    case Tag::Instance: return instance_len(a);
    default:
      raise_error(ExcKind::TypeError, "object of type '" + type_name(a) + "' has no len()");
      return -1;
  }
}

int op_contains(Obj* c, Obj* item) {
  switch (c->tag) {
    case Tag::Str:
      if (item->tag != Tag::Str) {
        raise_error(ExcKind::TypeError, "'in <string>' requires string as left operand, not " + type_name(item));
        return -1;
      }
      return str_of(c).find(str_of(item)) != std::string::npos;
    case Tag::Tuple:
    case Tag::List:
      for (Obj* o : items_of(c)) {
        int r = op_eq(o, item);
        if (r != 0) return r;
      }
      return 0;
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet: {
      int64_t h = op_hash(item);
      if (h == -1 && error_pending()) return -1;
      int64_t i = dict_find(static_cast<DictObj*>(c), item, h, key_eq);
      return i == -2 ? -1 : i >= 0;
    }
    case Tag::Range: {
      if (item->tag != Tag::Int && item->tag != Tag::Bool) break;
      auto* r = static_cast<RangeObj*>(c);
      int64_t v = item->tag == Tag::Int ? static_cast<IntObj*>(item)->v : static_cast<BoolObj*>(item)->v;
      if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
      return (v - r->start) % r->step == 0;
    }
    case Tag::Instance: return instance_contains(c, item);
    default: break;
  }
  // Anything iterable: compare item by item.
  Ref it(op_iter(c));
  if (!it) {
    if (error_matches(ExcKind::TypeError)) {
      clear_error();
      raise_error(ExcKind::TypeError, "argument of type '" + type_name(c) + "' is not iterable");
    }
    return -1;
  }
  for (;;) {
    Ref x(op_next(it.get()));
    if (!x) return error_pending() ? -1 : 0;
    int r = op_eq(x.get(), item);
    if (r != 0) return r;
  }
}

}  // namespace ufora
