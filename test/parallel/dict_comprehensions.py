# Dict comprehensions (and dict() of (key, value) pairs) of numbers: two kernels build the
# keys and the values in parallel, then they go into the dict in order, so repeated keys,
# -0.0 and 1 == 1.0 == True behave as in Python.
def table(n):
    return {i: i * i * 0.5 for i in range(n) if i % 3}


def residues(n, m):
    return {i % m: i * 1.5 for i in range(n)}


def same_keys(n):
    return {(i % 4) * 0.5: i for i in range(n)}


def pairs(xs):
    return dict((x, x * x) for x in xs if x > 0.25)


def names(ws):
    return {w: len(w) for w in ws}


def inverses(xs):
    return {x: 100 // x for x in xs}


t = table(200000)
print(len(t), t[1], t[199999], list(t.items())[:4], list(t)[-2:])
print(residues(100000, 7))
print(same_keys(70000), {0.0 * i: i for i in range(-3, 3)}, {1: 2, 1.0: 3, True: 4})
p = pairs([((i * 7919) % 1000) * 0.001 for i in range(100000)])
print(len(p), sum(p.values()), list(p)[:3])
print(names(["ab", "c", "ab"]))
print(sum(inverses(list(range(1, 3000))).values()))
try:
    inverses([5, 4, 0, 2])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
