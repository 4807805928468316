# type(x).__name__ of every kind of built-in iterator, and identity of those types.
import itertools
xs = [iter([]), iter(()), iter("ab"), iter("é"), iter({}), iter(set()), iter(range(3)), zip(), map(abs, []), filter(None, []),
      enumerate([]), reversed([1]), reversed((1,)), reversed("ab"), reversed(range(2)), reversed({1: 2}), iter(int, 1),
      itertools.count(), itertools.repeat(1), itertools.chain(), itertools.takewhile(bool, []), itertools.accumulate([])]
print([type(x).__name__ for x in xs])
print(type(iter([])) is type(iter([1])), isinstance(iter([]), type(iter([2]))), type(zip()) is type(map(abs, [])))
