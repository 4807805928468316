# Three levels of nesting, shadowing, and reading enclosing variables.
x = "global"
def outer():
    x = "outer"
    def middle():
        y = "middle"
        def inner():
            return x + "/" + y
        return inner
    def shadow():
        x = "shadow"
        return x
    return middle()(), shadow(), x
print(outer(), x)
def counter_chain(start):
    def step(d):
        def apply(times):
            return start + d * times
        return apply
    return step
print(counter_chain(10)(3)(4), [counter_chain(0)(d)(2) for d in range(3)])
def uses_builtin_name():
    len = lambda s: 42
    return len("abc")
print(uses_builtin_name(), len("abc"))
def param_shadows(x):
    def g():
        return x * 2
    return g()
print(param_shadows(21), param_shadows("ab"))
def rebinding_after_def():
    items = (1, 2)
    def total():
        return sum(items)
    items = items + (3,)
    return total()
print(rebinding_after_def())
