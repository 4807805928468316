# REJECT 7
class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n = self.n + 1
        return self.n

c = Counter()
print(c.inc())
