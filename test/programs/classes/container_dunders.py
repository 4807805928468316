# __len__, __getitem__ (ints and slices), __iter__, __contains__, __bool__, __reversed__.
class Span:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __len__(self):
        return max(0, self.hi - self.lo)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i = i + len(self)
        if not 0 <= i < len(self):
            raise IndexError("span index out of range")
        return self.lo + i

    def __contains__(self, x):
        return self.lo <= x < self.hi

    def __iter__(self):
        k = self.lo
        while k < self.hi:
            yield k
            k = k + 1

    def __reversed__(self):
        return iter(range(self.hi - 1, self.lo - 1, -1))

s = Span(3, 9)
print(len(s), s[0], s[-1], s[1:4], s[::-2], s[::3], 5 in s, 9 in s, list(s), list(reversed(s)))
print(bool(s), bool(Span(5, 5)), sum(s), max(s), sorted(s, reverse=True)[:2], tuple(enumerate(s))[-1])
print([x * x for x in s if x % 2], "empty" if not Span(4, 1) else "full", len(Span(4, 1)))
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __init__(self, data):
        self.data = data

    def __getitem__(self, i):
        return self.data[i] * 10

print(list(Seq((1, 2, 3))), 20 in Seq((1, 2)), [v for v in Seq("ab")])
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

print([bool(Flag(x)) for x in (True, False)], Flag(False) or "fallback", Flag(True) and "yes", not Flag(False))
