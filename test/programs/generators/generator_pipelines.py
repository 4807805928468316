# Chained generator stages over a data stream produced by an LCG.
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield seed >> 33

def scaled(it, hi):
    for v in it:
        yield v % hi

def window(it, n):
    buf = ()
    for v in it:
        buf = (buf + (v,))[-n:]
        if len(buf) == n:
            yield buf

def limit(it, n):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

vals = list(limit(scaled(lcg(42), 100), 12))
print(vals)
avgs = [round(sum(w) / len(w), 2) for w in window(iter(vals), 3)]
print(avgs)
pairs = list(zip(vals, vals[1:]))
print(sum(1 for a, b in pairs if b > a), max(pairs, key=lambda p: abs(p[1] - p[0])))
def running(it):
    total = 0
    for v in it:
        total = total + v
        yield total
print(list(running(limit(scaled(lcg(1), 10), 10))), list(enumerate(limit(lcg(7), 2), 1)))
