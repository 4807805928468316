# Set comprehensions of numbers: a kernel builds the items (in parallel) and the set is made
# by adding them in order, as the general code does. Printed sorted: iteration order of sets
# is not what this checks.
def residues(n, m):
    return {(i * i) % m for i in range(n)}


def halves(xs):
    return {x * 0.5 for x in xs if x > 2}


def words(ws):
    return {w.lower() for w in ws}


def zeros(n):
    return {0.0 * i for i in range(-n, n)}


r = residues(300000, 1009)
print(len(r), sorted(r)[:8], sum(r))
h = halves([float(i % 50) for i in range(100000)])
print(len(h), sorted(h)[:6], 1.5 in h, 0.5 in h)
print(sorted(words(["A", "a", "B"])))
print(zeros(5), len(zeros(70000)))
print({i % 3 for i in range(10)} == {0, 1, 2}, len({i // 2 for i in range(9)}))
