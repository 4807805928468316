# StopIteration from next(), and how it interacts with generators.
it = iter((1, 2))
collected = ()
while True:
    try:
        collected = collected + (next(it),)
    except StopIteration:
        break
print(collected)
def gen():
    yield 1
    return "ret"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
def leaky():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(iter(()), "default"), next(iter("a"), None))
