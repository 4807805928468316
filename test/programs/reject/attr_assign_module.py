# REJECT 7
class Box:
    def __init__(self, v):
        self.v = v

b = Box(1)
b.v = 2
print(b.v)
