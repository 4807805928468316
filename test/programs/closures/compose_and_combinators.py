import functools

# Function composition and predicate combinators built from closures.
def compose(*fns):
    return functools.reduce(lambda f, g: lambda x: f(g(x)), fns, lambda x: x)

def both(p, q):
    return lambda x: p(x) and q(x)

def either(p, q):
    return lambda x: p(x) or q(x)

def negate(p):
    return lambda x: not p(x)

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), compose(inc, inc, inc)(0))
even = lambda n: n % 2 == 0
big = lambda n: n > 10
nums = range(0, 25, 3)
print([n for n in nums if both(even, big)(n)], [n for n in nums if either(even, big)(n)])
print([n for n in nums if negate(either(even, big))(n)])
def memoize_pure(fn, cache=()):
    def lookup(x):
        for k, v in cache:
            if k == x:
                return v
        return fn(x)
    return lookup
sq = memoize_pure(lambda x: x * x, ((3, "cached"),))
print(sq(3), sq(4))
def adder_chain(*ns):
    return compose(*[(lambda n: lambda x: x + n)(n) for n in ns])
print(adder_chain(1, 10, 100)(0), adder_chain()(0))
