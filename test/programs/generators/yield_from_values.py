# yield from returns the sub-generator's return value; chains of delegation.
def leaf(n):
    for i in range(n):
        yield i
    return n * 10

def middle(n):
    a = yield from leaf(n)
    b = yield from leaf(a // 10 + 1)
    return a + b

def top():
    total = yield from middle(2)
    yield ("total", total)
    r = yield from ()
    yield ("empty", r)
    x = yield from iter([7, 8])
    yield ("iter", x)

print(list(top()))
def returns_early(flag):
    if flag:
        return "early"
    yield "body"
    return "late"

def collect(flag):
    r = yield from returns_early(flag)
    yield r

print(list(collect(True)), list(collect(False)))
def depth(n):
    if n == 0:
        return 0
    yield n
    d = yield from depth(n - 1)
    return d + 1

def wrap(n):
    d = yield from depth(n)
    yield f"depth={d}"

print(list(wrap(4)))
