# Annotations and docstrings do not change behaviour.
def area(w: float, h: float = 1.0) -> float:
    """Area of a rectangle."""
    return w * h

def greet(name: str, *args: int, loud: bool = False, **kw: str) -> str:
    "One-line docstring."
    text = f"hi {name} {sum(args)} {sorted(kw)}"
    return text.upper() if loud else text

count: int = 3
label: str = "x" * count
print(area(2, 3.5), area(4), greet("ann", 1, 2, loud=True, z="1"), greet("bo"))
print(count, label, area.__doc__, greet.__doc__, area.__name__)
print(area.__annotations__ == {"w": float, "h": float, "return": float})
class Pt:
    """A point."""
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

print(Pt(3, -4).norm1(), Pt.__doc__)
