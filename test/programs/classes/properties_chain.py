# Properties: computed values, inheritance and overriding in subclasses.
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    @property
    def shape(self):
        return "square" if self.w == self.h else "rect"

    def scaled(self, k):
        return type(self)(self.w * k, self.h * k)

class Labeled(Rect):
    def __init__(self, w, h, label="?"):
        super().__init__(w, h)
        self.label = label

    @property
    def shape(self):
        return self.label + ":" + super().shape

r = Rect(3, 4)
sq = Labeled(2, 2, "box")
print(r.area, r.perimeter, r.shape, sq.area, sq.shape, sq.scaled(3).area, sq.scaled(3).shape)
print([x.area for x in (r, sq, r.scaled(2))], type(sq.scaled(1)).__name__)
try:
    print(r.volume)
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(Rect.area, property), r.area)
