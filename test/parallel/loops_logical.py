# `ok = ok and e` / `found = found or e` accumulators of bools in for loops run as parallel
# reductions (with the other accumulators of the loop); the answer is Python's.
def all_positive(xs):
    ok = True
    for x in xs:
        ok = ok and x > 0
    return ok


def any_above(xs, t):
    found = False
    count = 0
    for x in xs:
        found = found or x > t
        if x > t:
            count += 1
    return found, count


def in_band(xs, lo, hi):
    ok = True
    for i in range(len(xs)):
        ok = ok and lo <= xs[i] and xs[i] < hi
    return ok


def first_negative_checked(xs):
    # ok goes False at the first negative; `1 / x` would divide by zero later, which the
    # sequential loop never evaluates once ok is False
    ok = True
    for x in xs:
        ok = ok and 1 / x > 0
    return ok


xs = [((i * 7919) % 1000) * 0.001 for i in range(300000)]
print(all_positive(xs), all_positive([x + 0.5 for x in xs]))
print(any_above(xs, 0.998), any_above(xs, 5.0))
print(in_band(xs, 0.0, 1.0), in_band(xs, 0.0, 0.999))
print(first_negative_checked([1.0] * 100000 + [-1.0] + [0.0] * 100000))
