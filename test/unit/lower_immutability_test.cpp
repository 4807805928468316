// The immutability check: what it refuses (with line and hint) and what it
// must let through.
#include <catch2/catch.hpp>

#include "lower/immutability_check.h"
#include "lower/parse_python.h"

using namespace ufora::lower;

namespace {
// Line of the first refusal, or 0 when the program is accepted.
int first_refusal(const std::string& src, std::string* message = nullptr, std::string* hint = nullptr) {
  auto m = parse_module(SourceFile("t.py", src));
  try {
    check_immutability(*m);
  } catch (const UserError& e) {
    CHECK(e.kind() == UserErrorKind::Mutation);
    if (message) *message = e.message();
    if (hint) *hint = e.hint();
    return e.span().line;
  }
  return 0;
}
}  // namespace

TEST_CASE("immutability: list.append is refused with a hint", "[lower][immutability]") {
  std::string msg, hint;
  CHECK(first_refusal("def sq(n):\n    out = []\n    for i in range(n):\n        out.append(i * i)\n    return out\n",
                      &msg, &hint) == 4);
  CHECK(msg == "`out.append(i * i)` mutates a list");
  CHECK(hint == "build a new list: `out = out + [i * i]`");
}

TEST_CASE("immutability: item assignment", "[lower][immutability]") {
  std::string msg, hint;
  CHECK(first_refusal("counts = {}\nfor w in ws:\n    counts[w] = counts.get(w, 0) + 1\n", &msg, &hint) == 3);
  CHECK(msg == "item assignment mutates `counts`");
  CHECK(hint == "build a new dict: `counts = {**counts, w: counts.get(w, 0) + 1}`");
  CHECK(first_refusal("r = list(v)\nr[0] = 1\n", &msg, &hint) == 2);
  CHECK(hint == "build a new list: `r = r[:0] + [1] + r[1:]`");
  CHECK(first_refusal("x = 1\nx[i] += 1\n") == 2);
  CHECK(first_refusal("a, b[0] = 1, 2\n") == 1);
}

TEST_CASE("immutability: attribute assignment outside __init__", "[lower][immutability]") {
  std::string msg, hint;
  const char* counter =
      "class Counter:\n"
      "    def __init__(self):\n"
      "        self.count = 0\n"
      "    def tick(self):\n"
      "        self.count = self.count + 1\n";
  CHECK(first_refusal(counter, &msg, &hint) == 5);
  CHECK(msg == "assignment to `self.count` mutates the object after `__init__`");
  CHECK(hint == "return a new object instead: `return Counter(self.count + 1)`");
  CHECK(first_refusal("class P:\n    def __init__(s, x):\n        s.x = x\np = P(1)\np.x = 2\n") == 5);
  // Inside __init__ but not on the first parameter, or in a nested function.
  CHECK(first_refusal("class P:\n    def __init__(self, o):\n        o.x = 1\n") == 3);
  CHECK(first_refusal("class P:\n    def __init__(self):\n        def f():\n            self.x = 1\n") == 4);
  // A def named __init__ outside any class is just a function.
  CHECK(first_refusal("def __init__(self):\n    self.x = 1\n") == 2);
}

TEST_CASE("immutability: global, nonlocal, del", "[lower][immutability]") {
  std::string msg, hint;
  CHECK(first_refusal("calls = 0\ndef work(x):\n    global calls\n    calls = calls + 1\n", &msg, &hint) == 3);
  CHECK(hint == "pass the value in and return the new one");
  CHECK(first_refusal("def f():\n    v = 1\n    def g():\n        nonlocal v\n        v = 2\n") == 4);
  CHECK(first_refusal("def f(items):\n    items = list(items)\n    del items[0]\n", &msg, &hint) == 3);
  CHECK(hint == "build a new list without it: `items = items[:0] + items[1:]`");
  CHECK(first_refusal("x = 1\ndel x\n") == 2);
}

TEST_CASE("immutability: mutating methods", "[lower][immutability]") {
  std::string msg, hint;
  CHECK(first_refusal("def m(xs):\n    ys = list(xs)\n    ys.sort(key=abs)\n", &msg, &hint) == 3);
  CHECK(hint == "use a sorted copy: `ys = sorted(ys, key=abs)`");
  CHECK(first_refusal("seen = set()\nseen.add(3)\n", &msg, &hint) == 2);
  CHECK(msg == "`seen.add(3)` mutates a set");
  CHECK(hint == "build a new set: `seen = seen | {3}`");
  CHECK(first_refusal("d = {}\nd.update(e)\n", &msg, &hint) == 2);
  CHECK(hint == "build a new dict: `d = {**d, **e}`");
  CHECK(first_refusal("x = f(self.items.pop())\n") == 1);
  // A class of the module defining the method makes it an ordinary call.
  CHECK(first_refusal("class Bag:\n    def add(self, x):\n        return Bag()\nb = Bag().add(1)\n") == 0);
}

TEST_CASE("immutability: augmented assignment on containers", "[lower][immutability]") {
  std::string msg, hint;
  CHECK(first_refusal("acc = []\nfor i in r:\n    acc += [i]\n", &msg, &hint) == 3);
  CHECK(msg == "`acc += [i]` changes the list `acc` in place");
  CHECK(hint == "build a new list: `acc = acc + [i]`");
  CHECK(first_refusal("s = set()\ns |= t\n") == 2);
  CHECK(first_refusal("def f(xs):\n    xs += [1]\n") == 2);  // the value is a list display
  // Another scope's binding does not count.
  CHECK(first_refusal("acc = []\ndef f(acc):\n    acc += other\n") == 0);
}

TEST_CASE("immutability: rebinding locals is allowed", "[lower][immutability]") {
  const char* ok =
      "def f(xs):\n"
      "    i = 0\n"
      "    t = ()\n"
      "    total = 0.0\n"
      "    s = ''\n"
      "    for x in xs:\n"
      "        i += 1\n"
      "        t = t + (x,)\n"
      "        total += x\n"
      "        s += str(x)\n"
      "    out = [y * 2 for y in xs]\n"
      "    out = out + [i]\n"
      "    d = {**{}, 'k': 1}\n"
      "    return sorted(out), d.get('k'), total, s\n"
      "class Point:\n"
      "    def __init__(self, x, y):\n"
      "        self.x = x\n"
      "        self.y, self.z = y, 0\n"
      "        if x:\n"
      "            self.w = 1\n"
      "    def moved(self, dx):\n"
      "        return Point(self.x + dx, self.y)\n";
  CHECK(first_refusal(ok) == 0);
}

TEST_CASE("immutability: all refusals come in source order", "[lower][immutability]") {
  auto m = parse_module(SourceFile("t.py", "xs = []\nxs[0] = ys.pop()\nglobal q\n"));
  auto found = find_mutations(*m);
  REQUIRE(found.size() == 3);
  CHECK(found[0].span().line == 2);
  CHECK(found[0].span().col == 0);   // xs[0]
  CHECK(found[1].span().col == 8);   // ys.pop()
  CHECK(found[2].span().line == 3);  // global
}
