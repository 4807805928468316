# Decorators with arguments, stacked decorators and decorators returning closures.
def repeat(n):
    def deco(fn):
        def wrapper(*args, **kwargs):
            return tuple(fn(*args, **kwargs) for _ in range(n))
        return wrapper
    return deco

def prefix(text):
    def deco(fn):
        return lambda *a, **k: text + str(fn(*a, **k))
    return deco

def traced(fn):
    def wrapper(*args):
        result = fn(*args)
        print(f"call {fn.__name__}{args} -> {result!r}")
        return result
    return wrapper

@repeat(3)
def hello(name):
    return "hi " + name

@prefix("<")
@prefix("[")
def value(x, y=1):
    return x * y

@traced
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

@repeat(2)
@traced
def square(x):
    return x * x

print(hello("ann"))
print(value(3), value(3, y=4))
print(fact(4))
print(square(5))
print(hello.__name__, fact.__name__)
