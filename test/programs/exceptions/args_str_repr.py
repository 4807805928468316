# str(), repr() and args of exceptions with zero, one and several arguments.
cases = (ValueError(), ValueError("msg"), ValueError("a", 1), KeyError("k"), KeyError(),
         KeyError("a", "b"), IndexError(3), ZeroDivisionError("division by zero"),
         Exception(None), RuntimeError(""), TypeError(["x"]))
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
class WithInit(Exception):
    def __init__(self, code, detail):
        super().__init__(code)
        self.code = code
        self.detail = detail

w = WithInit(404, "not found")
print(w.args, str(w), repr(w), w.code, w.detail)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a

n = NoSuper(1, 2)
print(n.args, repr(str(n)), n.a)
try:
    {"a": 1}["zz"]
except KeyError as e:
    print(e, repr(e), e.args, str(e) == "'zz'")
try:
    raise ValueError("x", "y")
except ValueError as e:
    print(f"{e}", f"{e!r}", "%s" % (e,))
