# Exceptions as values: stored, returned, raised later; the `as` name is cleared.
def attempt(fn, *args):
    try:
        return ("ok", fn(*args))
    except Exception as e:
        return ("err", e)

results = [attempt(int, "5"), attempt(int, "five"), attempt(divmod, 1, 0), attempt(len, [1, 2])]
for status, val in results:
    print(status, type(val).__name__, val)
errs = [v for s, v in results if s == "err"]
try:
    raise errs[0]
except ValueError as e:
    print("raised stored:", e is errs[0])
def as_cleared():
    e = "before"
    try:
        raise KeyError("x")
    except KeyError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "NameError: " + str(ne)
print(as_cleared())
print(isinstance(errs[1], ArithmeticError), isinstance(errs[0], (KeyError, ValueError)), issubclass(KeyError, LookupError))
