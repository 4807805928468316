# A dot product and a few statistics written as plain `for` loops with accumulators: each
# loop runs as one parallel reduction over all of its accumulators.
def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def stats(xs):
    total = 0.0
    hi = xs[0]
    count = 0
    for x in xs:
        if x > 0.5:
            count += 1
        total = total + x
        hi = max(hi, x)
    return total, hi, count


n = 4_000_000
xs = [((i * 7919) % 1000) * 0.001 for i in range(n)]
ys = [((i * 104729) % 997) * 0.002 - 0.5 for i in range(n)]
total = 0.0
above = 0
for k in range(40):
    total = total + dot(xs, ys)
    t, hi, c = stats(xs)
    total = total + t + hi
    above = above + c
print(f"{total:.9e} {above}")
