# Infinite generators consumed with next() and islice-like helpers.
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n = n + step

def take(n, it):
    return tuple(next(it) for _ in range(n))

def primes():
    found = ()
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found = found + (n,)
            yield n

def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1

c = count(10, 5)
print(next(c), next(c), take(3, c), next(c))
p = primes()
print(take(10, p), next(p), take(3, p))
print(list(collatz(27))[-5:], len(list(collatz(27))), max(collatz(27)))
g = collatz(4)
print(next(g), next(g), next(g), next(g, "done"), next(g, "done"))
def first(pred, it, default=None):
    return next((x for x in it if pred(x)), default)
print(first(lambda x: x * x > 500, count()), first(lambda x: x > 5, range(3), -1))
evens = (n for n in count() if n % 2 == 0)
print([next(evens) for _ in range(5)])
