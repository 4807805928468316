# Covariance of two series: the two means are independent calls, then one parallel sum.
def mean(xs, n):
    return sum(xs[i] for i in range(n)) / n


def covariance(xs, ys):
    n = len(xs)
    mx = mean(xs, n)
    my = mean(ys, n)
    return sum((xs[i] - mx) * (ys[i] - my) for i in range(n)) / (n - 1)


n = 4_000_000
xs = [((i * 7919) % 1000) * 0.001 for i in range(n)]
ys = [((i * 104729) % 997) * 0.002 - 0.5 for i in range(n)]
total = 0.0
for k in range(40):
    total = total + covariance(xs, ys)
print(f"{total:.12f}")
