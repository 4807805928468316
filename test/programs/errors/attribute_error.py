# Uncaught AttributeError for a missing attribute on an instance.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
print(p.z)
