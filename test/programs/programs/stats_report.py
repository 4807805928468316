# Descriptive statistics with a small immutable Series class and a text histogram.
import math

class Series:
    def __init__(self, name, values):
        self.name = name
        self.values = tuple(values)

    def __len__(self):
        return len(self.values)

    def __add__(self, other):
        return Series(self.name + "+" + other.name, (a + b for a, b in zip(self.values, other.values)))

    def map(self, fn, suffix):
        return Series(self.name + suffix, (fn(v) for v in self.values))

    @property
    def mean(self):
        return math.fsum(self.values) / len(self)

    @property
    def median(self):
        s = sorted(self.values)
        n = len(s)
        return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2

    def quantile(self, q):
        s = sorted(self.values)
        pos = (len(s) - 1) * q
        lo = math.floor(pos)
        hi = math.ceil(pos)
        return s[lo] + (s[hi] - s[lo]) * (pos - lo)

    @property
    def stdev(self):
        m = self.mean
        return math.sqrt(math.fsum((v - m) ** 2 for v in self.values) / (len(self) - 1))

    @property
    def mode(self):
        counts = {}
        for v in self.values:
            counts = counts | {v: counts.get(v, 0) + 1}
        best = max(counts.values())
        return min(v for v, c in counts.items() if c == best)

    def histogram(self, bins):
        lo, hi = min(self.values), max(self.values)
        width = (hi - lo) / bins
        idx = tuple(min(int((v - lo) / width), bins - 1) for v in self.values)
        return tuple((lo + i * width, idx.count(i)) for i in range(bins))

    def __repr__(self):
        return f"Series({self.name!r}, n={len(self)})"

def lcg_ints(seed, n, lo, hi):
    out = ()
    for _ in range(n):
        seed = (seed * 69069 + 1) % 2 ** 32
        out = out + (lo + seed % (hi - lo + 1),)
    return out

a = Series("a", lcg_ints(7, 60, 10, 50))
b = Series("b", lcg_ints(99, 60, 0, 20))
c = a + b
logs = c.map(lambda v: round(math.log(v), 3), ".log")
for s in (a, b, c, logs):
    print(f"{s!r:26} mean={s.mean:8.3f} median={s.median:7.2f} sd={s.stdev:7.3f} mode={s.mode} "
          f"q1={s.quantile(0.25):.2f} q3={s.quantile(0.75):.2f} range=({min(s.values)}, {max(s.values)})")
print("histogram of", c.name)
for start, count in c.histogram(6):
    print(f"  {start:6.1f} | {'*' * count:<20}| {count}")
z = c.map(lambda v: (v - c.mean) / c.stdev, ".z")
print("z mean ~ 0:", abs(z.mean) < 1e-12, "z sd ~ 1:", round(z.stdev, 12), "outliers:", sum(1 for v in z.values if abs(v) > 2))
corr = math.fsum((x - a.mean) * (y - c.mean) for x, y in zip(a.values, c.values)) / ((len(a) - 1) * a.stdev * c.stdev)
print(f"corr(a, a+b) = {corr:.6f}")
