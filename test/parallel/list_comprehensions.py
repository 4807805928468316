# SAME AS CPYTHON
# List comprehensions built in parallel (each part builds its slice, joined in order): the
# same list under any thread count, and CPython's list, including where an element overflows
# int64 or raises.
def scramble(i):
    s = i
    for _ in range(50):
        s = (s * 1103515245 + 12345) % 2147483648
    return s


def build(n):
    return [scramble(i) for i in range(n)]


def halves(xs):
    return [x * 0.5 for x in xs if x % 3 != 0]


def stepped(n):
    return [i * 2.5 for i in range(n, -n, -3)]


def powers(n):
    return [i ** 5 for i in range(n)]  # overflows int64 near the end: big ints, as Python


def repeated(n, k):  # several elements an item: more than each part's slice of the shared block
    return [i * 10 + j for i in range(n) for j in range(k)]


def sparse(n):  # gaps in the parts' slices: the finished list is copied together
    return [i * 3 for i in range(n) if i % 7 != 2]


def reciprocals(xs):
    return [1.0 / (x - 70000.0) for x in xs]


xs = build(300_000)
print(len(xs), sum(xs), xs[:3], xs[-3:])
h = halves(xs)
print(len(h), h[:2], h[-2:], sum(h))
s = stepped(100_000)
print(len(s), s[:2], s[-2:])
p = powers(20_000)
print(len(p), p[-1], p[100])
print(build(0), build(1), halves([]))
r = repeated(100_000, 3)
print(len(r), sum(r), r[:4], r[-4:], repeated(5, 0))
q = sparse(300_000)
print(len(q), sum(q), q[:4], q[-4:])
try:
    print(len(reciprocals([float(i) for i in range(100_000)])))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
