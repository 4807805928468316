# List comprehensions of numbers run as kernels that build unboxed lists; the lists behave as
# any list in the rest of the program, and everything a kernel cannot do falls back exactly.
N = 70000  # more than one chunk
SCALE = 0.5
squares = [i * i for i in range(N)]
halves = [x * SCALE for x in squares if x % 3 == 0]
backwards = [i for i in range(10, -10, -3)]
print(len(squares), squares[-1], squares[65536], len(halves), halves[:4], backwards)
print(sum(halves), max(squares), squares[100:104], squares == [i * i for i in range(N)])


def scaled(xs, k):
    return [x * k for x in xs]


def offsets(xs):
    return [x - SCALE for x in xs]


print(scaled([1.0, 2.5], 3), scaled([1, 2], 2), scaled([1, 2], 0.5), offsets([1.0, 3.0]))
for SCALE in (2, 0.25):  # the global changes: the kernel notices and the boxed code answers
    print(offsets([1.0, 3.0]), [x * SCALE for x in range(3)])
# fallbacks: big ints, bools, mixed types, empty, nested lists, strings
print([2 ** i for i in range(62, 66)], [i > 1 for i in range(3)], [x for x in [1, 2.0]], [i for i in range(0)])
print([[j * i for j in range(3)] for i in range(3)], [c * 2 for c in "ab"], [x // 0.5 for x in [1.0, -1.5]])
try:
    print([10 // i for i in range(-2, 2)])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
evens = [i for i in range(20) if i % 2 == 0]
print(evens, tuple(evens[:3]), sorted(evens, reverse=True)[:3], {e: e * e for e in evens[:3]}, evens.index(8))
