# classmethod constructors produce the subclass; staticmethods are plain functions.
class Temp:
    scale = "C"

    def __init__(self, deg):
        self.deg = deg

    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))

    @classmethod
    def zero(cls):
        return cls(0)

    @staticmethod
    def valid(deg):
        return deg >= -273.15

    def __repr__(self):
        return f"{type(self).__name__}({self.deg}{self.scale})"

class Kelvin(Temp):
    scale = "K"

    def __init__(self, deg):
        super().__init__(deg + 273.15)

print(Temp.from_f(212), Kelvin.from_f(32), Kelvin.zero(), Temp.zero())
print(Temp.valid(-300), Kelvin.valid(0), Temp(5).valid(-1), Temp(5).from_f(50))
print(Temp.scale, Kelvin.scale, Temp(1).scale, Kelvin(1).scale)
ctor = Kelvin.from_f
print(ctor(-40), [Temp.from_f(f) for f in (0, 98.6)], Temp.valid.__name__)
