# Arithmetic dunders including reflected ones, so sum() and scalar*vector work.
class V:
    def __init__(self, *c):
        self.c = tuple(c)

    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented

    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented

    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))

    def __mul__(self, k):
        return V(*(a * k for a in self.c))

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return V(*(-a for a in self.c))

    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5

    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c

    def __repr__(self):
        return "V" + repr(self.c)

a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a == V(1, 2), a != b, a == (1, 2))
print(sum([a, b, V(10, 10)]), sum([], V(0, 0)), 2 * a + b * 2 - -a)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))

    __radd__ = __add__

    def __truediv__(self, n):
        return Money(self.cents // n)

    def __floordiv__(self, n):
        return self.cents // n

    def __mod__(self, n):
        return Money(self.cents % n)

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

print(Money(150) + Money(275), 5 + Money(95), sum([Money(1), Money(2)]), Money(1000) / 3, Money(1000) // 3, Money(1234) % 100)
