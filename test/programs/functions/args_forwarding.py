# Forwarding *args and **kwargs through several layers.
def target(a, b, c=3, *more, key="k", **extra):
    return f"a={a} b={b} c={c} more={more} key={key} extra={sorted(extra.items())}"

def forward(*args, **kwargs):
    return target(*args, **kwargs)

def add_default(*args, **kwargs):
    return forward(*args, **{"key": "default", **kwargs})

def prepend(first, *args, **kwargs):
    return add_default(first, first, *args, **kwargs)

print(forward(1, 2))
print(forward(1, 2, 4, 5, 6, key="x", z=1))
print(forward(*[1, 2], **{"c": 9, "w": 0}))
print(add_default(1, b=2))
print(add_default(1, 2, key="override"))
print(prepend(7, 8, 9, q=1))
args = (10, 20, 30, 40)
kw = {"key": "K", "y": 2, "x": 1}
print(forward(*args, **kw), forward(*args[:2], c=args[2]))
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(), count_args(*range(5), **dict.fromkeys("abc")), count_args(*"hi", **{}))
