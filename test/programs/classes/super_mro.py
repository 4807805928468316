# Multi-level super() and cooperative multiple inheritance following the MRO.
class Base:
    def __init__(self):
        self.tags = ("base",)

    def who(self):
        return "Base"

class Left(Base):
    def __init__(self):
        super().__init__()
        self.tags = self.tags + ("left",)

    def who(self):
        return "Left>" + super().who()

class Right(Base):
    def __init__(self):
        super().__init__()
        self.tags = self.tags + ("right",)

    def who(self):
        return "Right>" + super().who()

class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.tags = self.tags + ("both",)

    def who(self):
        return "Both>" + super().who()

b = Both()
print(b.who(), b.tags, [c.__name__ for c in Both.__mro__])
print(isinstance(b, Right), issubclass(Both, Base), issubclass(Left, Right), Left().who())
class A:
    def greet(self):
        return "A"

class B(A):
    def greet(self):
        return "B+" + super().greet()

class C(B):
    def greet(self):
        return "C+" + super().greet() + "+" + A.greet(self)

print(C().greet(), B().greet(), super(B, C()).greet())
