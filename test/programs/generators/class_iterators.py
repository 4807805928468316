# Classes whose __iter__ is a generator, iterated several times independently.
class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b

f = Fib(100)
print(list(f), list(f), sum(f), len(list(f)), [x for x in f if x % 2 == 0])
it1 = iter(f)
it2 = iter(f)
print(next(it1), next(it1), next(it1), next(it2))
print(list(zip(f, Fib(10))), max(f), 55 in f, 56 in f)
class Chunked:
    def __init__(self, seq, size):
        self.seq = seq
        self.size = size

    def __iter__(self):
        for i in range(0, len(self.seq), self.size):
            yield self.seq[i:i + self.size]

print(list(Chunked("abcdefgh", 3)), list(Chunked(tuple(range(7)), 2)), list(Chunked((), 4)))
print(dict(enumerate(Chunked("xyz", 1))), sorted(Chunked([5, 1, 4, 2], 2)))
