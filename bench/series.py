# Statistics over two long series of floats held in lists: the analytics a host hands over.
def mean(xs):
    return sum(xs) / len(xs)


def covariance(xs, ys):
    mx = mean(xs)
    my = mean(ys)
    acc = 0.0
    for x, y in zip(xs, ys):
        acc = acc + (x - mx) * (y - my)
    return acc / (len(xs) - 1)


def max_drawdown(xs):
    peak = xs[0]
    worst = 0.0
    for x in xs:
        peak = max(peak, x)
        worst = max(worst, peak - x)
    return worst


n = 2_000_000
xs = [((i * 7919) % 1000) * 0.001 for i in range(n)]
ys = [((i * 104729) % 997) * 0.002 - 0.5 for i in range(n)]
total = 0.0
for k in range(20):
    total = total + covariance(xs, ys) + max_drawdown(ys)
print(f"{total:.9f}")
