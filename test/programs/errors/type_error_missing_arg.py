# Uncaught TypeError: a missing required argument to a method.
class Box:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def scaled(self, k):
        return Box(self.w * k, self.h * k)

b = Box(1, 2).scaled(3)
print(b.w, b.h)
print(b.scaled().w)
