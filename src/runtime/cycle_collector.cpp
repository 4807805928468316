#include "runtime/cycle_collector.h"

#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/callable.h"
#include "runtime/generator.h"
#include "runtime/iterator.h"
#include "values/class_obj.h"

namespace ufora {

namespace {

std::mutex& cells_lock() {
  static std::mutex m;
  return m;
}

std::unordered_set<CellObj*>& live_cells() {
  static auto* cells = new std::unordered_set<CellObj*>();  // outlives every cell
  return *cells;
}

// Calls `visit` on every object `o` holds an owned reference to.
template <typename Visit>
void for_each_child(Obj* o, Visit&& visit) {
  auto maybe = [&](Obj* c) {
    if (c) visit(c);
  };
  switch (o->tag) {
    case Tag::Tuple:
    case Tag::List: {
      auto* s = static_cast<SeqObj*>(o);
      if (s->has_boxed_items())
        for (Obj* c : s->items()) visit(c);
      return;
    }
    case Tag::Dict:
    case Tag::Set:
    case Tag::FrozenSet:
      for (const DictEntry& e : static_cast<DictObj*>(o)->entries) {
        visit(e.key);
        maybe(e.value);
      }
      return;
    case Tag::Slice: {
      auto* s = static_cast<SliceObj*>(o);
      visit(s->start);
      visit(s->stop);
      visit(s->step);
      return;
    }
    case Tag::Iterator: {
      auto* it = static_cast<IterObj*>(o);
      maybe(it->source);
      maybe(it->func);
      for (Obj* c : it->parts) visit(c);
      return;
    }
    case Tag::Function: {
      auto* f = static_cast<FunctionObj*>(o);
      maybe(f->defaults);
      maybe(f->kwdefaults);
      for (Obj* c : f->cells) visit(c);
      return;
    }
    case Tag::Builtin: maybe(static_cast<BuiltinObj*>(o)->self); return;
    case Tag::BoundMethod:
      visit(static_cast<BoundMethodObj*>(o)->func);
      visit(static_cast<BoundMethodObj*>(o)->self);
      return;
    case Tag::Class: {
      auto* c = static_cast<ClassObj*>(o);
      for (ClassObj* b : c->bases) visit(b);
      visit(c->dict);
      return;
    }
    case Tag::Instance: {
      auto* i = static_cast<InstanceObj*>(o);
      visit(i->cls);
      visit(i->attrs);
      maybe(i->context);
      return;
    }
    case Tag::Generator: {
      auto* g = static_cast<GeneratorObj*>(o);
      visit(g->func);
      for (Obj* c : g->args) visit(c);
      return;
    }
    case Tag::Module:
      for (Obj* c : static_cast<ModuleObj*>(o)->globals) maybe(c);
      return;
    case Tag::Cell: maybe(static_cast<CellObj*>(o)->value); return;
    case Tag::StaticMethod:
    case Tag::ClassMethod:
    case Tag::Property: visit(static_cast<WrapperObj*>(o)->func); return;
    case Tag::Super:
      visit(static_cast<SuperObj*>(o)->start);
      visit(static_cast<SuperObj*>(o)->self);
      return;
    default: return;  // scalars, strings, ranges: no references
  }
}

}  // namespace

void register_cell(CellObj* cell) {
  std::lock_guard<std::mutex> hold(cells_lock());
  live_cells().insert(cell);
}

void unregister_cell(CellObj* cell) {
  std::lock_guard<std::mutex> hold(cells_lock());
  live_cells().erase(cell);
}

size_t collect_cycles() {
  std::vector<CellObj*> roots;
  {
    std::lock_guard<std::mutex> hold(cells_lock());
    roots.assign(live_cells().begin(), live_cells().end());
  }
  // Everything the cells reach, with its reference count less the references from inside.
  std::unordered_map<Obj*, int64_t> outside;
  std::vector<Obj*> work(roots.begin(), roots.end());
  while (!work.empty()) {
    Obj* o = work.back();
    work.pop_back();
    if (!outside.emplace(o, o->refcount).second) continue;
    for_each_child(o, [&](Obj* c) { work.push_back(c); });
  }
  for (auto& [o, count] : outside)
    for_each_child(o, [&](Obj* c) { --outside.at(c); });
  // Whatever is held from outside keeps everything it reaches.
  std::unordered_set<Obj*> kept;
  for (auto& [o, count] : outside)
    if (count > 0) work.push_back(o);
  while (!work.empty()) {
    Obj* o = work.back();
    work.pop_back();
    if (!kept.insert(o).second) continue;
    for_each_child(o, [&](Obj* c) { work.push_back(c); });
  }
  std::vector<CellObj*> garbage;
  for (CellObj* c : roots)
    if (!kept.count(c)) {
      incref(c);  // keeps each cell alive until all of them are emptied
      garbage.push_back(c);
    }
  for (CellObj* c : garbage) {
    Obj* v = c->value;
    c->value = nullptr;
    xdecref(v);
  }
  for (CellObj* c : garbage) decref(c);
  return garbage.size();
}

}  // namespace ufora
