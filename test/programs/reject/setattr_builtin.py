# REJECT 7
class P:
    def __init__(self):
        self.x = 1

p = P()
setattr(p, "x", 5)
print(p.x)
