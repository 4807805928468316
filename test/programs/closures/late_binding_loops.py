# Closures see the variable, not its value at creation time.
fns = [lambda: i for i in range(4)]
print([f() for f in fns])
bound = [lambda i=i: i for i in range(4)]
print([f() for f in bound])
def makers():
    out = ()
    for k in range(3):
        out = out + (lambda x: x + k,)
    return out
print([f(10) for f in makers()])
def snapshot():
    v = 1
    get = lambda: v
    first = get()
    v = 2
    return first, get()
print(snapshot())
def factory(n):
    return tuple((lambda m: lambda: m * m)(j) for j in range(n))
print([f() for f in factory(5)])
gens = [(x for _ in range(2)) for x in "ab"]
print([list(g) for g in gens])
