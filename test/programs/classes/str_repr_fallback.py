# str() falls back to __repr__; containers always use repr of their elements.
class OnlyRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"R<{self.v}>"

class Both:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Both({self.v!r})"

    def __str__(self):
        return f"both:{self.v}"

class Format:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        return f"F[{self.v}:{spec}]"

    def __str__(self):
        return "plain"

o, b = OnlyRepr(1), Both("x")
print(o, str(o), repr(o), b, str(b), repr(b), [o, b], (b,), {"k": b})
print(f"{o} {b} {b!r} {o!s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(format(Format(3), ">5"), f"{Format(4):xyz}", f"{Format(5)}", str(Format(6)), "{:q}".format(Format(7)))
print(str([1, "two", 3.0]), str(("t",)), repr("q"), str("q"), [str(o)], [repr(b)])
