# Methods returning closures that capture self and arguments.
class Scaler:
    def __init__(self, k):
        self.k = k

    def make(self, offset):
        return lambda x: x * self.k + offset

    def chain(self, other):
        def both(x):
            return other.make(0)(self.make(0)(x))
        return both

s2 = Scaler(2)
s3 = Scaler(3)
f = s2.make(1)
print(f(10), s3.make(-1)(10), s2.chain(s3)(5), s3.chain(s2)(5))
bound = s3.make
print(bound(0)(7), [Scaler(k).make(k)(1) for k in range(4)])
class Registry:
    def __init__(self, handlers=()):
        self.handlers = handlers

    def register(self, name):
        def deco(fn):
            return Registry(self.handlers + ((name, fn),))
        return deco

    def dispatch(self, name, *args):
        for n, fn in self.handlers:
            if n == name:
                return fn(*args)
        return None

r = Registry()
r = r.register("add")(lambda a, b: a + b)
r = r.register("neg")(lambda a: -a)
print(r.dispatch("add", 2, 3), r.dispatch("neg", 4), r.dispatch("nope"), len(r.handlers))
