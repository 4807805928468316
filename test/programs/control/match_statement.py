# REJECT 10
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

def describe(v):
    match v:
        case 0 | 1:
            return "tiny int"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case "":
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case (x, y):
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"seq first={first} rest={rest}"
        case {"type": "user", "name": name}:
            return f"user {name}"
        case {"type": t, **others}:
            return f"typed {t} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "point"
        case None:
            return "none"
        case _:
            return "other"

for v in (0, 1, -5, 7, 2.5, "", "abc", (1, 2), [1, 2, 3], [9], {"type": "user", "name": "ann"},
          {"type": "x", "a": 1, "b": 2}, Point(0, 0), Point(3, 3), Point(1, 2), None, range(2), []):
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))
