# SAME AS CPYTHON
# Counting reductions: sums of the constants 0 and 1 and of bools add without an overflow
# check (they grow by at most one an element); other constants keep it. Each count is
# compared with a loop that counts the same thing, and printed.
def by_one(a, c):
    return sum(1 for i in range(len(a)) if a[i] == c)


def by_bool(a, c):
    return sum(x > c for x in a)


def by_zero(a):
    return sum(0 for x in a if x > 3)


def by_two(a, c):
    return sum(2 for x in a if x != c)


def by_true(n):
    return sum(True for i in range(n) if i % 3 == 0)


def loop_count(a, c):
    total = 0
    for x in a:
        if x == c:
            total = total + 1
    return total


def near_limit(xs, start):
    count = start
    for x in xs:
        if x > 0:
            count += 1
    return count


def maybe_unbound(xs, limit):
    for x in xs:
        if x > limit:
            count += 1
    return len(xs)


a = [(i * 7919) % 8 for i in range(300_001)]
print(near_limit(a, 2**63 - 300_000), near_limit(a, 2**63 - 1), near_limit(a, -(2**63)), near_limit(a, 0))
print(maybe_unbound(a, 100))
try:
    maybe_unbound(a, 6)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
for c in range(8):
    print(c, by_one(a, c), by_bool(a, c), by_two(a, c), by_one(a, c) == loop_count(a, c))
print(by_zero(a), by_true(200_000), by_one([], 1), by_bool([1], 0), type(by_bool(a, 2)).__name__)
