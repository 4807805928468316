# raise ... from ..., implicit context, bare raise and re-raise with a new type.
class ParseError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError(f"cannot parse {s!r}") from e

for s in ("12", "x1"):
    try:
        print(parse(s))
    except ParseError as e:
        print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")

try:
    implicit()
except KeyError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)
def reraiser():
    try:
        [][1]
    except IndexError:
        print("  logging and re-raising")
        raise

try:
    reraiser()
except IndexError as e:
    print("re-raised:", e)
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
