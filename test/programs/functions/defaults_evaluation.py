# Default values are evaluated once, at definition time.
base = 10
def f(x, y=base, z=base * 2):
    return x + y + z
base = 1000
print(f(1), f(1, 2), f(1, z=0), f(x=0, y=0, z=0))
def g(items=()):
    return items + (len(items),)
print(g(), g(), g((5,)), g(g()))
def h(n, acc=None):
    acc = () if acc is None else acc
    if n == 0:
        return acc
    return h(n - 1, acc + (n,))
print(h(3), h(0), h(2, (9,)))
def make(k):
    def inner(v, k=k):
        return v * k
    return inner
fs = [make(k) for k in range(4)]
print([fn(10) for fn in fs], fs[2](1, k=100))
def describe(name, *, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(describe("Ann"), describe("Bo", punct="?"), describe(greeting="Hi", name="Cy"))
print(f.__defaults__, g.__defaults__, describe.__kwdefaults__ == {"greeting": "Hello", "punct": "!"})
