# Several closures sharing one enclosing variable see the same binding.
def pair():
    base = 5
    def get():
        return base
    def twice():
        return base * 2
    result = (get(), twice())
    base = 50
    return result, (get(), twice())
print(pair())
def loop_closures():
    fns = ()
    acc = 0
    for i in range(3):
        acc = acc + i
        fns = fns + (lambda: acc,)
    return [f() for f in fns]
print(loop_closures())
def comprehension_capture():
    n = 3
    return [(lambda: n * j)() for j in range(n)]
print(comprehension_capture())
def nested_default(a):
    def f(b, a_copy=a):
        return a_copy + b
    a = a * 100
    return f(1), a
print(nested_default(2))
